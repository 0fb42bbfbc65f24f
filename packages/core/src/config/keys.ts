import { hkdfSync } from "node:crypto";

/** The keys a stack's data depends on, derived from one per-stack secret. */
export interface StackKeys {
  /** Keyed hash of NIK in lookups (DPM, records): never rotate, every stored hash depends on it. */
  nikHashKey: string;
  /** Keyed hash of session tokens: without it, write access to the table cannot mint a session. */
  sessionKey: string;
  /** Signs list page cursors, so a page can start only where this stack said it may. */
  cursorKey: string;
  /** Seed of the Ed25519 key that signs handover files to other kabupaten (casework/handover). */
  signingSeed: string;
  /** Seed of the data keys that seal personal fields inside items (seal/), one key per version. */
  dataKeySeed: string;
}

/** The JSON field the stack's secret keeps its generated value in (infra/secret.ts). */
export const SECRET_FIELD = "key";

/** Shortest secret accepted: 32 characters of the generated alphabet carry well over 128 bits. */
export const MIN_SECRET_LENGTH = 32;

const derive = (secret: string, purpose: string) =>
  Buffer.from(hkdfSync("sha256", secret, "puskesos", purpose, 32)).toString("base64url");

/**
 * One secret per stack (Secrets Manager on AWS, a file beside the data locally), independent keys
 * from it (HKDF-SHA256 with distinct labels), so one stored secret serves them all.
 */
export function deriveKeys(secret: string): StackKeys {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`Stack secret too short (${secret.length} < ${MIN_SECRET_LENGTH} characters)`);
  return {
    nikHashKey: derive(secret, "nik-hash"),
    sessionKey: derive(secret, "session"),
    cursorKey: derive(secret, "cursor"),
    signingSeed: derive(secret, "handover-signing"),
    dataKeySeed: derive(secret, "data-keys"),
  };
}
