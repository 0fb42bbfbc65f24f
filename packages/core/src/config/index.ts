/**
 * Per-stack configuration, read once at start-up. One stack serves one kabupaten.
 */
export interface Config {
  /** Kemendagri code of the kabupaten this stack serves, e.g. `33.28`. */
  kabupatenCode: string;
  /** Session lifetime limits. */
  session: { absoluteSeconds: number; idleSeconds: number };
  /** Extra origins allowed to send writes (besides the request's own host). */
  allowedOrigins: string[];
  /** Whether to mark cookies `Secure` (off only for plain-HTTP localhost). */
  secureCookies: boolean;
  /** Secret of the keyed NIK hash; per stack, never in the table or the logs. */
  nikHashKey: string | undefined;
  /** Secret of the keyed session token hash; per stack. */
  sessionKey: string | undefined;
  /** Secret that signs list page cursors; per stack. Rotating it only invalidates open lists. */
  cursorKey: string | undefined;
  /** Seed of the key that signs handover files; its public half is given to other kabupaten. */
  signingSeed: string | undefined;
  /** Seed of the data keys that seal NIK, No. KK, phones and case notes inside items. */
  dataKeySeed: string | undefined;
  /** The data key version new values are sealed with; raised to rotate (`npm run rotate-data-key`). */
  dataKeyVersion: number;
  /**
   * What the CDN sends in `x-origin-verify` on every API request. When set, forwarded headers (the
   * viewer's address) are believed only on requests that carry it: direct calls to the API's own
   * address cannot claim another address.
   */
  edgeKey: string | undefined;
}

const DEFAULTS: Config = {
  kabupatenCode: "33.28",
  session: { absoluteSeconds: 12 * 3600, idleSeconds: 2 * 3600 },
  allowedOrigins: [],
  secureCookies: true,
  nikHashKey: undefined,
  sessionKey: undefined,
  cursorKey: undefined,
  signingSeed: undefined,
  dataKeySeed: undefined,
  dataKeyVersion: 1,
  edgeKey: undefined,
};

let current: Config = DEFAULTS;

export function configure(overrides: Partial<Config>): Config {
  current = { ...DEFAULTS, ...overrides };
  return current;
}

export function useConfig(): Config {
  return current;
}

/**
 * Configuration from the environment, as the Lambda and the local server read it. Never secrets:
 * those come from Secrets Manager (./secrets.ts) or the local data folder.
 */
export function fromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Config> {
  const out: Partial<Config> = {};
  if (env.KABUPATEN_CODE) out.kabupatenCode = env.KABUPATEN_CODE;
  if (env.DATA_KEY_VERSION) {
    const version = Number(env.DATA_KEY_VERSION);
    if (!Number.isInteger(version) || version < 1 || version > 9999)
      throw new Error(`DATA_KEY_VERSION must be a whole number from 1: ${env.DATA_KEY_VERSION}`);
    out.dataKeyVersion = version;
  }
  if (env.ALLOWED_ORIGINS)
    out.allowedOrigins = env.ALLOWED_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean);
  return out;
}
export { deriveKeys, MIN_SECRET_LENGTH, SECRET_FIELD, type StackKeys } from "./keys.ts";
