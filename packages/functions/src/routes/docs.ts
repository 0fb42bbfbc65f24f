import { Hono } from "hono";
import { NotFoundError } from "@puskesos/core/error";
import { sessionCookieName } from "../http/cookie.ts";
import type { AppEnv } from "../http/env.ts";
import type { OpenApiDocument } from "./docs-page.ts";

// The reference page is read by developers, not officers: it loads when asked for, not at every cold start.
const page = async () => (await import("./on-demand.ts")).DocsPage;

/** Where the app gets its OpenAPI document: generated live, or the file made at build time. */
export type OpenApiSource = () => Promise<OpenApiDocument | undefined>;

/** The OpenAPI document and a readable page of it. */
export function docs(source: OpenApiSource) {
  let cached: Promise<OpenApiDocument | undefined> | undefined;
  const spec = async () => {
    cached ??= source();
    const doc = await cached;
    if (!doc) throw NotFoundError("Dokumen API");
    return withCookie(doc);
  };
  return new Hono<AppEnv>()
    .get("/openapi.json", async (c) => c.json(await spec()))
    .get("/docs", async (c) => c.html((await page()).renderReference(await spec())))
    .get("/docs.css", async (c) =>
      c.body((await page()).REFERENCE_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }),
    );
}

/**
 * The document names the session cookie this stack sets: `__Host-puskesos_sesi` behind HTTPS, where the
 * file made at build time (which cannot know) says `puskesos_sesi`.
 */
function withCookie(doc: OpenApiDocument): OpenApiDocument {
  const components = (doc as { components?: { securitySchemes?: Record<string, object> } }).components;
  const sesi = components?.securitySchemes?.sesi;
  if (!components || !sesi) return doc;
  return {
    ...doc,
    components: {
      ...components,
      securitySchemes: { ...components.securitySchemes, sesi: { ...sesi, name: sessionCookieName() } },
    },
  } as OpenApiDocument;
}
