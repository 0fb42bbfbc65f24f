import { Hono } from "hono";
import { NotFoundError } from "@puskesos/core/error";
import type { AppEnv } from "../http/env.ts";
import type { OpenApiDocument } from "./docs-page.ts";

// The reference page is read by developers, not officers: it loads when asked for, not at every cold start.
const page = () => import("./docs-page.ts");

/** Where the app gets its OpenAPI document: generated live, or the file made at build time. */
export type OpenApiSource = () => Promise<OpenApiDocument | undefined>;

/** The OpenAPI document and a readable page of it. */
export function docs(source: OpenApiSource) {
  let cached: Promise<OpenApiDocument | undefined> | undefined;
  const spec = async () => {
    cached ??= source();
    const doc = await cached;
    if (!doc) throw NotFoundError("Dokumen API");
    return doc;
  };
  return new Hono<AppEnv>()
    .get("/openapi.json", async (c) => c.json(await spec()))
    .get("/docs", async (c) => c.html((await page()).renderReference(await spec())))
    .get("/docs.css", async (c) =>
      c.body((await page()).REFERENCE_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }),
    );
}
