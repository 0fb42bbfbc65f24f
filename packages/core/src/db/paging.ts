import { ValidationError } from "../error/index.ts";

/** Opaque page cursors: DynamoDB's LastEvaluatedKey as base64url JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString("base64url") : undefined;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    throw ValidationError("Penanda halaman (cursor) rusak.", [
      { field: "cursor", message: `Penanda halaman (cursor) rusak: ${(error as Error).message}` },
    ]);
  }
  throw ValidationError("Penanda halaman (cursor) rusak.", [
    { field: "cursor", message: "Penanda halaman (cursor) rusak." },
  ]);
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}
