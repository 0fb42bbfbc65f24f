import { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import type { AppEnv } from "../http/env.ts";
import { REFERENCE_CSS, renderReference, type OpenApiDocument } from "./docs-page.ts";

const DOCUMENTATION = {
  info: {
    title: "Puskesos · SLRT API",
    version: "0.1.0",
    description:
      "API layanan Puskesos desa dan SLRT kabupaten. Semua pesan kesalahan berbahasa Indonesia dan menyebut isian yang salah. Autentikasi dengan cookie sesi (POST /api/auth/login).",
  },
  servers: [{ url: "/api" }],
  components: {
    securitySchemes: { sesi: { type: "apiKey" as const, in: "cookie" as const, name: "puskesos_sesi" } },
  },
};

/** The OpenAPI 3.1 document generated from the routes' valibot schemas, and a readable page of it. */
export function docs(api: Hono<AppEnv>) {
  let cached: Promise<OpenApiDocument> | undefined;
  const spec = () => {
    cached ??= generateSpecs(api, {
      documentation: DOCUMENTATION,
      exclude: ["/openapi.json", "/docs", "/docs.css"],
    }).then((doc) => ({ ...doc, openapi: "3.1.0" }) as OpenApiDocument);
    return cached;
  };
  return new Hono<AppEnv>()
    .get("/openapi.json", async (c) => c.json(await spec()))
    .get("/docs", async (c) => c.html(renderReference(await spec())))
    .get("/docs.css", (c) => c.body(REFERENCE_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));
}
