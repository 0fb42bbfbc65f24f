import { Hono } from "hono";
import type { AppEnv } from "./http/env.ts";
import { base, frame, later, type OpenApiSource } from "./http/frame.ts";
import { auth } from "./routes/auth.ts";
import { health } from "./routes/health.ts";
import { regions } from "./routes/regions.ts";

// Two groups, one chunk each: one dynamic import per resource would split the shared code into
// many small chunks, and each chunk costs a cold start its own resolve, compile and link.
const daily = () => import("./routes/daily.ts");
const rare = () => import("./routes/rare.ts");

/**
 * The resources of create-app.ts's `LATER_PATHS`, each loaded with its first request: the desa's
 * daily work (its group loads once, with the first of them), then the rare ones.
 */
export const LATER = {
  "/queue": async () => (await daily()).queue,
  "/complaints": async () => (await daily()).complaints,
  "/dpm": async () => (await daily()).dpm,
  "/proposals": async () => (await daily()).proposals,
  "/status": async () => (await daily()).status,
  "/referrals": async () => (await daily()).referrals,
  "/users": async () => (await rare()).users,
  "/audit": async () => (await rare()).audit,
  "/catalog": async () => (await rare()).catalog,
  "/proposal-exports": async () => (await rare()).proposalExports,
  "/reports": async () => (await rare()).reports,
  "/psks": async () => (await rare()).psks,
  "/cases": async () => (await rare()).cases,
  "/facilities": async () => (await rare()).facilities,
  "/privacy": async () => (await rare()).privacy,
  "/musdes": async () => (await rare()).musdes,
  "/indicators": async () => (await rare()).indicators,
  "/settings": async () => (await rare()).settings,
};

/**
 * The app as the Lambda serves it: the same routes as create-app.ts. A cold start loads only what an
 * officer's first requests need (health, sign-in and session, regions); the rest loads with its
 * first request.
 */
export function createLambdaApp(openapi: OpenApiSource) {
  const api = base().route("/health", health).route("/auth", auth).route("/regions", regions);
  for (const [path, load] of Object.entries(LATER)) api.route(path, later(path, load));
  return frame(openapi, api, () => new Hono<AppEnv>().route("/api", api));
}
