import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import * as Actor from "@puskesos/core/actor";
import { Session } from "@puskesos/core/auth";
import { useConfig } from "@puskesos/core/config";
import { AppError } from "@puskesos/core/error";
import { clientIp } from "./client-ip.ts";
import { sessionCookieName } from "./cookie.ts";
import type { AppEnv } from "./env.ts";
import { log } from "@puskesos/core/log";

export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = c.req.header("x-amzn-trace-id")?.slice(0, 64) ?? randomUUID();
  c.set("requestId", requestId);
  const started = performance.now();
  await next();
  // On the answer's own headers: c.header() on a finished answer copies it into a new Response whose
  // body is a stream, and the Lambda adapter then reads it back through the stream machinery.
  if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  log("info", "request", {
    requestId,
    method: c.req.method,
    // Paths carry no personal data by design (NIK never in a URL; see DESIGN §6).
    path: c.req.path,
    status: c.res.status,
    ms: Math.round(performance.now() - started),
  });
};

/** Larger bodies than the 64 KB default, by route: a DPM extract of tens of thousands of rows. */
const LARGE_BODIES: [RegExp, number][] = [[/^\/api\/dpm\/[^/]+$/, 6 * 1024 * 1024]];

const tooLarge = (maxSize: number) => {
  const size = maxSize >= 1024 * 1024 ? `${maxSize / 1024 / 1024} MB` : `${Math.round(maxSize / 1024)} KB`;
  return new AppError("payload_too_large", `Data yang dikirim terlalu besar (maksimal ${size}).`);
};

/** Bytes of a refused chunked body read and dropped before the connection is given up instead. */
const MAX_DISCARD = 64 * 1024 * 1024;

/** Reads the rest of a refused body and drops it, so the connection can carry the next request. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, read: number): Promise<void> {
  try {
    for (let total = read; total <= MAX_DISCARD;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
    }
    await reader.cancel();
  } catch (error) {
    // The client went away mid-body: nothing is left to answer or to keep.
    log("info", "refused body not read to its end", { error: (error as Error).message });
  }
}

/**
 * Bodies beyond the limit are refused with 413. A declared length over the limit is refused before
 * the body is touched: Node then reads and drops it by itself and keeps the connection alive (a body
 * half read into a stream would stall and the server would close the connection under the client's
 * next request). A chunked body is counted as it arrives; past the limit, the rest is read and
 * dropped after the 413 for the same reason.
 */
export const limitBody = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const maxSize = LARGE_BODIES.find(([pattern]) => pattern.test(c.req.path))?.[1] ?? 64 * 1024;
  const declared = c.req.header("content-length");
  if (declared !== undefined && !c.req.header("transfer-encoding")) {
    if (Number(declared) > maxSize) throw tooLarge(maxSize);
    return next();
  }
  const body = c.req.raw.body;
  if (!body) return next();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxSize) {
      void discard(reader, size);
      throw tooLarge(maxSize);
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  c.req.raw = new Request(c.req.raw, { body: whole });
  return next();
};

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF defence for writes: a browser always sends Origin on a cross-site write, and it must name
 * this site (or a configured one); writes carry JSON, which a cross-site form cannot send without a
 * CORS preflight this API never grants. Clients that send neither Origin nor Sec-Fetch-Site (curl,
 * scripts) are not browsers and carry no ambient cookie to abuse.
 */
export const originCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!UNSAFE.has(c.req.method)) return next();
  const origin = c.req.header("origin");
  const fetchSite = c.req.header("sec-fetch-site");
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch (error) {
      throw new AppError("forbidden", "Asal permintaan (Origin) tidak valid.", { cause: error });
    }
    const allowed = originHost === host || useConfig().allowedOrigins.includes(origin);
    if (!allowed) throw new AppError("forbidden", "Permintaan dari situs lain ditolak.");
  } else if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new AppError("forbidden", "Permintaan dari situs lain ditolak.");
  }
  // A DELETE takes no body here, and no other site can send one without a CORS preflight (it is not a
  // "simple" method); a browser sends it with no length, which the local adapter reads as a body stream.
  const hasBody =
    c.req.method !== "DELETE" && c.req.raw.body !== null && c.req.header("content-length") !== "0";
  const type = c.req.header("content-type") ?? "";
  // JSON, or CSV for the DPM upload: neither can be sent cross-site without a CORS preflight.
  if (hasBody && !/^(application\/json|text\/csv)\b/i.test(type))
    throw new AppError("validation", "Data harus dikirim sebagai JSON (Content-Type: application/json).", {
      fields: [{ field: "Content-Type", message: "Content-Type harus application/json." }],
    });
  return next();
};

/** Sets the caller once for the whole request; core reads it with Actor.use(). */
export const actor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ip = clientIp(c);
  const token = getCookie(c, sessionCookieName());
  const user = token ? await Session.resolve(token, ip) : undefined;
  c.set("sessionToken", user ? token : undefined);
  const current: Actor.Actor = user ?? { type: "public", ip };
  c.set("actor", current);
  await Actor.provide(current, () => next());
};
