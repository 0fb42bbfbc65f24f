import { sValidator } from "@hono/standard-validator";
import type { MiddlewareHandler } from "hono";

/**
 * Stands in for `hono-openapi` in the Lambda bundle (infra/bundling.ts). The routes use it for two
 * things: request validation, which is `@hono/standard-validator` underneath and is kept as is, and
 * route descriptions and response schemas (`resolver`), which only feed the OpenAPI document. The Lambda serves that document from a
 * file made at build time, so it ships without the JSON-schema converters (about 35 KB).
 */
export const validator = sValidator;

export const describeRoute = (_spec: unknown): MiddlewareHandler => {
  return async (_c, next) => {
    await next();
  };
};

export const resolver = (schema: unknown) => ({ schema });
