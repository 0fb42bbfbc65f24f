import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, isAppError } from "@puskesos/core/error";
import type { AppEnv } from "./env.ts";
import { log } from "@puskesos/core/log";

/** The one mapping from domain error codes to HTTP statuses. */
export const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
};

/** Messages for refusals raised by Hono itself (malformed JSON and the like). */
const HTTP_MESSAGES: Partial<Record<number, { code: string; message: string }>> = {
  400: {
    code: "bad_request",
    message: "Permintaan tidak dapat dibaca: badan permintaan harus JSON yang valid.",
  },
  413: { code: "payload_too_large", message: "Data yang dikirim terlalu besar." },
};

export function onError(error: Error, c: Context<AppEnv>) {
  const requestId = c.get("requestId");
  if (isAppError(error)) {
    if (error.retryAfter) c.header("Retry-After", String(error.retryAfter));
    return c.json(
      { error: { code: error.code, message: error.message, fields: error.fields, requestId } },
      STATUS[error.code],
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    const known = HTTP_MESSAGES[error.status] ?? { code: "bad_request", message: "Permintaan tidak valid." };
    return c.json({ error: { ...known, fields: [], requestId } }, error.status as ContentfulStatusCode);
  }
  // Unexpected: log the details server-side, tell the client nothing about the internals.
  log("error", "unhandled", {
    requestId,
    path: c.req.path,
    error: error.name,
    message: error.message,
    stack: error.stack,
  });
  return c.json(
    {
      error: {
        code: "internal",
        message:
          "Terjadi kesalahan di server. Coba lagi; bila terus terjadi, hubungi admin dan sebutkan kode ini.",
        fields: [],
        requestId,
      },
    },
    500,
  );
}
