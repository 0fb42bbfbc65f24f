import { Hono } from "hono";
import { handle } from "hono/aws-lambda";
import { TrieRouter } from "hono/router/trie-router";
import { Session } from "@puskesos/core/auth";
import { configureDb, type DbConfig } from "@puskesos/core/db";
import { sessionCookieName } from "./http/cookie.ts";
import type { AppEnv } from "./http/env.ts";
import { base, frame, later, type OpenApiSource } from "./http/frame.ts";
import { auth } from "./routes/auth.ts";
import { health } from "./routes/health.ts";
import { regions } from "./routes/regions.ts";

// One dynamic import for all of them: one per resource (or per group) would split the shared code
// into many small chunks, and each chunk costs a cold start its own resolve, compile and link.
const onDemand = () => import("./routes/on-demand.ts");

/**
 * The resources of create-app.ts's `LATER_PATHS`, loaded together with the first request to any of
 * them.
 */
export const LATER = {
  "/queue": async () => (await onDemand()).queue,
  "/complaints": async () => (await onDemand()).complaints,
  "/dpm": async () => (await onDemand()).dpm,
  "/proposals": async () => (await onDemand()).proposals,
  "/status": async () => (await onDemand()).status,
  "/referrals": async () => (await onDemand()).referrals,
  "/users": async () => (await onDemand()).users,
  "/audit": async () => (await onDemand()).audit,
  "/catalog": async () => (await onDemand()).catalog,
  "/proposal-exports": async () => (await onDemand()).proposalExports,
  "/reports": async () => (await onDemand()).reports,
  "/psks": async () => (await onDemand()).psks,
  "/cases": async () => (await onDemand()).cases,
  "/facilities": async () => (await onDemand()).facilities,
  "/privacy": async () => (await onDemand()).privacy,
  "/musdes": async () => (await onDemand()).musdes,
  "/indicators": async () => (await onDemand()).indicators,
  "/settings": async () => (await onDemand()).settings,
};

/**
 * The app as the Lambda serves it: the same routes as create-app.ts. A cold start loads only what an
 * officer's first requests need (health, sign-in and session, regions); the rest loads with its
 * first request.
 */
export function createLambdaApp(openapi: OpenApiSource) {
  const api = base().route("/health", health).route("/auth", auth).route("/regions", regions);
  for (const [path, load] of Object.entries(LATER)) api.route(path, later(path, load));
  // The outer app is the one whose router matches. RegExpRouter refuses one of these paths
  // (`/api/regions/:code`), so Hono's default SmartRouter would build it, fail and fall back to this
  // one at the first request: about 1.2 ms of every cold start for nothing.
  return frame(openapi, api, () => new Hono<AppEnv>({ router: new TrieRouter() }).route("/api", api));
}

/**
 * The Lambda's handler: API Gateway's events through Hono's adapter, on the stack's table. Here
 * rather than in lambda.ts, and the table's configuration with it (the database module brings
 * valibot and the query helpers), so that what a cold start loads before it asks for its secrets is
 * only the AWS client. A request with a session cookie has its session read sent first
 * (`Session.readAhead`): the adapter's first Request loads undici while DynamoDB answers.
 */
export function lambdaHandler(openapi: OpenApiSource, db: DbConfig) {
  configureDb(db);
  const handler = handle(createLambdaApp(openapi));
  return async (...[event, context]: Parameters<typeof handler>) => {
    const token = sessionToken(event);
    const ahead = token ? Session.readAhead(token) : undefined;
    try {
      await ahead?.sent;
      return await handler(event, context);
    } finally {
      ahead?.drop();
    }
  };
}

/** The session cookie's value as API Gateway hands it over (HTTP API: `cookies`, one per entry). */
function sessionToken(event: Parameters<ReturnType<typeof handle>>[0]): string | undefined {
  const prefix = `${sessionCookieName()}=`;
  const cookies = "cookies" in event ? event.cookies : undefined;
  return cookies?.find((cookie) => cookie.startsWith(prefix))?.slice(prefix.length);
}
