import { createHmac, timingSafeEqual } from "node:crypto";
import { useConfig } from "../config/index.ts";
import { ValidationError } from "../error/index.ts";

/**
 * Page cursors: DynamoDB's LastEvaluatedKey as base64url JSON, then a MAC (HMAC-SHA-256 with the
 * stack's cursor key) over that key and the query it continues. Only this stack can make one, and
 * only the query that made it accepts it: a key written by hand (another user's item, another desa's
 * partition), a cursor carried to another list or filter, or one altered on the way is a 422 on
 * `cursor`, never a page started where the caller chose, nor a 500 from DynamoDB.
 */

const REFUSED = "Penanda halaman tidak valid; muat ulang daftar.";
const refused = () => ValidationError(REFUSED, [{ field: "cursor", message: REFUSED }]);

/** 128 bits of the MAC: enough against forgery, and the cursor stays short in a URL. */
const MAC_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function mac(payload: string, query: string): Buffer {
  const key = useConfig().cursorKey;
  if (!key) throw new Error("Cursor key not configured");
  // The payload is base64url, so the newline cannot be confused with part of it.
  return createHmac("sha256", key).update(`${query}\n${payload}`).digest().subarray(0, MAC_BYTES);
}

/** The cursor continuing `query` after `key`; `query` names the query (see `queryIdentity`). */
export function encodeCursor(key: Record<string, unknown> | undefined, query: string): string | undefined {
  if (!key) return undefined;
  const payload = Buffer.from(JSON.stringify(key)).toString("base64url");
  return `${payload}.${mac(payload, query).toString("base64url")}`;
}

/** The key a cursor made by `encodeCursor` for the same `query` resumes after; 422 for anything else. */
export function decodeCursor(cursor: string | undefined, query: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  const [payload, signature, extra] = cursor.split(".");
  if (extra !== undefined || !payload || !signature || !BASE64URL.test(payload) || !BASE64URL.test(signature))
    throw refused();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(payload, query))) throw refused();
  // Signed by this stack, so it is the JSON object encodeCursor wrote.
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

/**
 * What a cursor is bound to: the table and every part of the query but where it starts, with keys in
 * a fixed order, so the same query always names itself the same way.
 */
export function queryIdentity(table: string, query: Record<string, unknown>): string {
  return JSON.stringify({ table, ...query }, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}
