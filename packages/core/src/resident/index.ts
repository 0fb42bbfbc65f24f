import { createHmac } from "node:crypto";
import { useConfig } from "../config/index.ts";
import { ValidationError } from "../error/index.ts";
import { nationalCodes } from "../region/index.ts";
import { today } from "../time/index.ts";
import { checkKk, checkNik } from "./nik.ts";

export * from "./nik.ts";

/**
 * The keyed hash a NIK is stored and looked up by (DESIGN §6): HMAC-SHA-256 with a secret per stack,
 * so the table never holds a NIK in clear in a key, and a copy of the table cannot be matched against
 * a list of NIKs without the secret.
 */
export function nikHash(nik: string): string {
  const key = useConfig().nikHashKey;
  if (!key) throw new Error("NIK hash key not configured");
  return createHmac("sha256", key).update(nik).digest("base64url");
}

/**
 * Server-side NIK check with the national region lists. Refusals are 422 on `field`; region warnings
 * are 422 too unless the officer confirmed them (`confirmed`), and then they are accepted.
 */
export async function requireNik(raw: string, field: string, confirmed: boolean) {
  const result = checkNik(raw, { regions: await nationalCodes(), today: today() });
  if (!result.ok) throw ValidationError(result.reason, [{ field, message: result.reason }]);
  if (result.warnings.length && !confirmed)
    throw ValidationError(result.warnings[0]!, [
      ...result.warnings.map((message) => ({ field, message, needsConfirmation: true as const })),
    ]);
  return result;
}

export async function requireKk(raw: string, field: string, confirmed: boolean) {
  const result = checkKk(raw, { regions: await nationalCodes(), today: today() });
  if (!result.ok) throw ValidationError(result.reason, [{ field, message: result.reason }]);
  if (result.warnings.length && !confirmed)
    throw ValidationError(result.warnings[0]!, [
      ...result.warnings.map((message) => ({ field, message, needsConfirmation: true as const })),
    ]);
  return result;
}
