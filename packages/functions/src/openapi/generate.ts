import type { Hono } from "hono";
import { generateSpecs } from "hono-openapi";
import type { AppEnv } from "../http/env.ts";
import type { OpenApiDocument } from "../routes/docs-page.ts";

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
    schemas: {
      Error: {
        type: "object" as const,
        required: ["error"],
        properties: {
          error: {
            type: "object" as const,
            required: ["code", "message", "fields"],
            properties: {
              code: {
                type: "string" as const,
                description: "validation, unauthenticated, forbidden, not_found, ...",
              },
              message: {
                type: "string" as const,
                description: "Pesan berbahasa Indonesia untuk ditampilkan",
              },
              fields: {
                type: "array" as const,
                items: {
                  type: "object" as const,
                  properties: { field: { type: "string" as const }, message: { type: "string" as const } },
                },
              },
              requestId: { type: "string" as const },
            },
          },
        },
      },
    },
  },
};

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/** Answers every operation may give, besides its own success (which each route declares with its schema). */
const COMMON_RESPONSES = {
  401: error("Belum masuk, atau sesi sudah berakhir"),
  403: error("Peran tidak berwenang, atau permintaan dari situs lain"),
  404: error("Tidak ditemukan, atau di luar wilayah tugas"),
  422: error("Isian tidak valid; `fields` menyebut isian yang salah"),
  500: error("Kesalahan server (tanpa rincian internal)"),
};

/**
 * The OpenAPI 3.1 document generated from the routes' valibot schemas. Runs in the local server and
 * the tests, and at build time for the Lambda, which serves the file this produces (see lambda.ts)
 * and so ships without the JSON-schema converters.
 */
export async function generateOpenApi(api: Hono<AppEnv>): Promise<OpenApiDocument> {
  const doc = await generateSpecs(api, {
    documentation: DOCUMENTATION,
    exclude: ["/openapi.json", "/docs", "/docs.css"],
    defaultOptions: Object.fromEntries(
      (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((m) => [m, { responses: COMMON_RESPONSES }]),
    ),
    // Our 422 replaces the library's generic 400 validation answer.
    defaultValidationErrorResponse: false,
  });
  return { ...doc, openapi: "3.1.0" } as OpenApiDocument;
}
