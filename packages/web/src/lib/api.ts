import { hc } from "hono/client";
import type { AppType } from "@puskesos/functions/app";

/** The typed client of the Hono app: same routes, same types as the server. */
export const api = hc<AppType>("/", { init: { credentials: "same-origin" } }).api;

import type { FieldIssue } from "@puskesos/core/error/schema";

export type FieldError = FieldIssue;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** Awaits a client call and returns its JSON, or throws the server's Indonesian error. */
export async function call<T>(
  request: Promise<{ ok: boolean; status: number; json(): Promise<T> }>,
): Promise<T> {
  let res;
  try {
    res = await request;
  } catch (error) {
    console.warn("permintaan gagal", error);
    throw new ApiError(0, "Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.");
  }
  if (res.ok) return res.json();
  let body: { error?: { message?: string; fields?: FieldError[] } } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch (error) {
    console.warn("jawaban server bukan JSON", error);
  }
  if (res.status === 401) onUnauthenticated?.();
  throw new ApiError(
    res.status,
    body.error?.message ?? `Server menjawab ${res.status}.`,
    body.error?.fields ?? [],
  );
}

let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}
