import { awsJson } from "../aws/index.ts";
import { deriveKeys, SECRET_FIELD, type StackKeys } from "./keys.ts";

/**
 * Reads the stack's secret from Secrets Manager (once, at cold start) and derives its keys. Throws
 * when the secret is missing or malformed: a Lambda without its keys must not serve requests.
 */
export async function loadStackKeys(secretId: string, options: SecretOptions = {}): Promise<StackKeys> {
  const value = parseSecret(await readSecret(secretId, options));
  if (!value) throw new Error(`Secret ${secretId} has no "${SECRET_FIELD}" field`);
  return deriveKeys(value);
}

export interface SecretOptions {
  endpoint?: string;
  region?: string;
}

/** A secret's string value from Secrets Manager. Throws when it is missing or empty. */
export async function readSecret(secretId: string, options: SecretOptions = {}): Promise<string> {
  const call = awsJson({ service: "secretsmanager", target: "secretsmanager", version: "1.1", ...options });
  const { SecretString } = await call("GetSecretValue", { SecretId: secretId });
  if (typeof SecretString !== "string" || !SecretString) throw new Error(`Secret ${secretId} is empty`);
  return SecretString;
}

function parseSecret(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const value = (parsed as Record<string, unknown>)[SECRET_FIELD];
  return typeof value === "string" ? value : undefined;
}
