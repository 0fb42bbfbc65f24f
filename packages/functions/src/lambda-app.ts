import { Hono } from "hono";
import type { AppEnv } from "./http/env.ts";
import { base, frame, later, type OpenApiSource } from "./http/frame.ts";
import { common } from "./routes/common.ts";

/** The rare resources of create-app.ts's `RARE`, each loaded with its first request. */
export const LATER = {
  "/users": async () => (await import("./routes/users.ts")).users,
  "/audit": async () => (await import("./routes/audit.ts")).audit,
  "/catalog": async () => (await import("./routes/catalog.ts")).catalog,
  "/proposal-exports": async () => (await import("./routes/proposal-exports.ts")).proposalExports,
  "/reports": async () => (await import("./routes/reports.ts")).reports,
  "/psks": async () => (await import("./routes/psks.ts")).psks,
  "/cases": async () => (await import("./routes/cases.ts")).cases,
  "/facilities": async () => (await import("./routes/facilities.ts")).facilities,
  "/privacy": async () => (await import("./routes/privacy.ts")).privacy,
  "/musdes": async () => (await import("./routes/musdes.ts")).musdes,
  "/indicators": async () => (await import("./routes/indicators.ts")).indicators,
  "/settings": async () => (await import("./routes/settings.ts")).settings,
};

/**
 * The app as the Lambda serves it: the same routes as create-app.ts, the common ones in every cold
 * start and the rare ones loaded with their first request, so a cold start loads less.
 */
export function createLambdaApp(openapi: OpenApiSource) {
  const api = common(base());
  for (const [path, load] of Object.entries(LATER)) api.route(path, later(path, load));
  return frame(openapi, api, () => new Hono<AppEnv>().route("/api", api));
}
