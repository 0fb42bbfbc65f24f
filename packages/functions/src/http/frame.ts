import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { NotFoundError } from "@puskesos/core/error";
import { docs } from "../routes/docs.ts";
import type { OpenApiDocument } from "../routes/docs-page.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import type { AppEnv } from "./env.ts";
import { actor, limitBody, originCheck, requestContext } from "./middleware.ts";
import { onError } from "./on-error.ts";

export type Api = Hono<AppEnv>;
export type OpenApiSource = (api: Api) => Promise<OpenApiDocument | undefined>;

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    referrerPolicy: "no-referrer",
    crossOriginOpenerPolicy: "same-origin",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  });

/** Every request under /api passes through these: request id, security headers, body limit, origin check, the caller. */
export const base = (): Api =>
  new Hono<AppEnv>().use(requestContext, securityHeaders(), limitBody(), originCheck, actor);

/**
 * Completes an app whose routes are mounted on `api` (from `base`): the OpenAPI pages and one 404 on
 * `api`, then `mount` puts `api` under /api (the caller writes it, so the route types stay its own),
 * and the outer app gets the same 404 and the one error mapping.
 */
export function frame<A extends Api>(openapi: OpenApiSource, api: Api, mount: () => A): A {
  api.route(
    "/",
    docs(() => openapi(api)),
  );
  api.notFound((c) => onError(NotFoundError("Alamat API"), c));
  const app = mount();
  // A path that leaves /api once its dots are resolved never met the request middleware: it still gets an id.
  app.notFound((c) => {
    if (!c.get("requestId")) c.set("requestId", randomUUID());
    return onError(NotFoundError("Alamat API"), c);
  });
  app.onError(onError);
  return app;
}

interface Outer {
  outer: { get: <K extends keyof AppEnv["Variables"]>(key: K) => AppEnv["Variables"][K] };
}

/**
 * A resource few requests need, mounted by the Lambda so that its routes and schemas load with its
 * first request instead of with every cold start (the start set stays small: tests/infra/api.test.ts).
 * The loaded routes run behind the same middleware (already passed) with the caller, session and
 * request id carried over, and the same 404 and error mapping.
 */
export function later(path: string, load: () => Promise<Api>): Api {
  let inner: Promise<Api> | undefined;
  const build = async () => {
    const sub = await load();
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      for (const key of ["requestId", "actor", "sessionToken"] as const)
        c.set(key, (c.env as Outer).outer.get(key) as never);
      await next();
    });
    app.route(`/api${path}`, sub);
    app.notFound((c) => onError(NotFoundError("Alamat API"), c));
    app.onError(onError);
    return app;
  };
  return new Hono<AppEnv>().all("*", async (c) => {
    // A failed load (a missing chunk) is retried by the next request rather than remembered.
    inner ??= build().catch((error: unknown) => {
      inner = undefined;
      throw error;
    });
    return (await inner).fetch(c.req.raw, { outer: c });
  });
}
