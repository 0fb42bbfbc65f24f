import { Hono } from "hono";
import type { AppEnv } from "./http/env.ts";
import { base, frame, type OpenApiSource } from "./http/frame.ts";
import { common } from "./routes/common.ts";
import { audit } from "./routes/audit.ts";
import { catalog } from "./routes/catalog.ts";
import { indicators } from "./routes/indicators.ts";
import { musdes } from "./routes/musdes.ts";
import { proposalExports } from "./routes/proposal-exports.ts";
import { psks } from "./routes/psks.ts";
import { cases } from "./routes/cases.ts";
import { facilities } from "./routes/facilities.ts";
import { privacy } from "./routes/privacy.ts";
import { reports } from "./routes/reports.ts";
import { settings } from "./routes/settings.ts";
import { users } from "./routes/users.ts";

export { CONTENT_SECURITY_POLICY } from "./http/csp.ts";
export { securityHeaders } from "./http/frame.ts";

/**
 * Resources the Lambda loads with their first request rather than at cold start (lambda-app.ts's
 * `LATER` names the same paths; tests/api/lambda.test.ts checks that they agree with these).
 */
export const LATER_PATHS = [
  "/queue",
  "/complaints",
  "/dpm",
  "/proposals",
  "/status",
  "/referrals",
  "/users",
  "/audit",
  "/catalog",
  "/proposal-exports",
  "/reports",
  "/psks",
  "/cases",
  "/facilities",
  "/privacy",
  "/musdes",
  "/indicators",
  "/settings",
] as const;

/**
 * The whole app with every route loaded at once, typed for the web's client (`hc<AppType>`): the local
 * server, the tests, and the OpenAPI document at build time. The Lambda serves the same routes through
 * lambda-app.ts.
 */
export function createApp(openapi: OpenApiSource) {
  const api = common(base())
    .route("/users", users)
    .route("/audit", audit)
    .route("/catalog", catalog)
    .route("/proposal-exports", proposalExports)
    .route("/reports", reports)
    .route("/psks", psks)
    .route("/cases", cases)
    .route("/facilities", facilities)
    .route("/privacy", privacy)
    .route("/musdes", musdes)
    .route("/indicators", indicators)
    .route("/settings", settings);
  return frame(openapi, api, () => new Hono<AppEnv>().route("/api", api));
}
