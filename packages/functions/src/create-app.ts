import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { CONTENT_SECURITY_POLICY } from "./http/csp.ts";
import { NotFoundError } from "@puskesos/core/error";
export { CONTENT_SECURITY_POLICY };
import type { AppEnv } from "./http/env.ts";
import { actor, limitBody, originCheck, requestContext } from "./http/middleware.ts";
import { onError } from "./http/on-error.ts";
import { audit } from "./routes/audit.ts";
import { auth } from "./routes/auth.ts";
import { catalog } from "./routes/catalog.ts";
import { complaints } from "./routes/complaints.ts";
import { dpm } from "./routes/dpm.ts";
import { indicators } from "./routes/indicators.ts";
import { musdes } from "./routes/musdes.ts";
import { proposalExports } from "./routes/proposal-exports.ts";
import { proposals } from "./routes/proposals.ts";
import { queue } from "./routes/queue.ts";
import { status } from "./routes/status.ts";
import { docs } from "./routes/docs.ts";
import type { OpenApiDocument } from "./routes/docs-page.ts";
import { health } from "./routes/health.ts";
import { referrals } from "./routes/referrals.ts";
import { psks } from "./routes/psks.ts";
import { cases } from "./routes/cases.ts";
import { facilities } from "./routes/facilities.ts";
import { reports } from "./routes/reports.ts";
import { regions } from "./routes/regions.ts";
import { settings } from "./routes/settings.ts";
import { users } from "./routes/users.ts";

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    referrerPolicy: "no-referrer",
    crossOriginOpenerPolicy: "same-origin",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

/**
 * The one app, wrapped by the Lambda handler and by the local server. Only the source of its OpenAPI
 * document differs: generated from the routes here, a file made at build time in the Lambda.
 */
export function createApp(openapi: (api: Hono<AppEnv>) => Promise<OpenApiDocument | undefined>) {
  const api = new Hono<AppEnv>()
    .use(requestContext, securityHeaders(), limitBody(), originCheck, actor)
    .route("/health", health)
    .route("/auth", auth)
    .route("/users", users)
    .route("/regions", regions)
    .route("/audit", audit)
    .route("/catalog", catalog)
    .route("/queue", queue)
    .route("/complaints", complaints)
    .route("/dpm", dpm)
    .route("/proposals", proposals)
    .route("/proposal-exports", proposalExports)
    .route("/reports", reports)
    .route("/psks", psks)
    .route("/cases", cases)
    .route("/facilities", facilities)
    .route("/musdes", musdes)
    .route("/indicators", indicators)
    .route("/status", status)
    .route("/referrals", referrals)
    .route("/settings", settings);
  api.route(
    "/",
    docs(() => openapi(api)),
  );
  api.notFound((c) => onError(NotFoundError("Alamat API"), c));

  const app = new Hono<AppEnv>().route("/api", api);
  // A path that leaves /api once its dots are resolved never met the request middleware: it still gets an id.
  app.notFound((c) => {
    if (!c.get("requestId")) c.set("requestId", randomUUID());
    return onError(NotFoundError("Alamat API"), c);
  });
  app.onError(onError);
  return app;
}
