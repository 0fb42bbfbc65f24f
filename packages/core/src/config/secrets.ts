import { awsJson } from "../aws/index.ts";
import { deriveKeys, SECRET_FIELD, type StackKeys } from "./keys.ts";

/**
 * Reads the stack's secret from Secrets Manager (once, at cold start) and derives its keys. Throws
 * when the secret is missing or malformed: a Lambda without its keys must not serve requests.
 */
export async function loadStackKeys(secretId: string, options: SecretOptions = {}): Promise<StackKeys> {
  return stackKeysFrom(secretId, await readSecret(secretId, options));
}

/** The keys derived from the stack secret's value (its JSON with SECRET_FIELD). */
export function stackKeysFrom(secretId: string, text: string): StackKeys {
  const value = parseSecret(text);
  if (!value) throw new Error(`Secret ${secretId} has no "${SECRET_FIELD}" field`);
  return deriveKeys(value);
}

export interface SecretOptions {
  endpoint?: string;
  region?: string;
}

const secretsManager = (options: SecretOptions) =>
  awsJson({ service: "secretsmanager", target: "secretsmanager", version: "1.1", ...options });

/** A secret's string value from Secrets Manager. Throws when it is missing or empty. */
export async function readSecret(secretId: string, options: SecretOptions = {}): Promise<string> {
  const { SecretString } = await secretsManager(options)("GetSecretValue", { SecretId: secretId });
  if (typeof SecretString !== "string" || !SecretString) throw new Error(`Secret ${secretId} is empty`);
  return SecretString;
}

interface BatchValue {
  ARN?: string;
  Name?: string;
  SecretString?: string;
}
interface BatchError {
  SecretId?: string;
  ErrorCode?: string;
  Message?: string;
}

/**
 * Several secrets' string values in one request (BatchGetSecretValue), by ARN or name, in the order
 * asked. A cold start needs two: one signed request and one connection instead of two of each.
 * Secrets Manager reports a secret it could not read in `Errors` rather than failing the call; any
 * such error, or a value missing or empty, throws.
 */
export async function readSecrets(secretIds: string[], options: SecretOptions = {}): Promise<string[]> {
  const answer = await secretsManager(options)("BatchGetSecretValue", { SecretIdList: secretIds });
  const [error] = (answer.Errors ?? []) as BatchError[];
  if (error) throw new Error(`Secret ${error.SecretId}: ${error.ErrorCode} ${error.Message ?? ""}`.trim());
  const values = (answer.SecretValues ?? []) as BatchValue[];
  return secretIds.map((id) => {
    const found = values.find((v) => v.ARN === id || v.Name === id);
    if (!found) throw new Error(`Secret ${id} is not in the answer (asked by another ARN or name?)`);
    if (typeof found.SecretString !== "string" || !found.SecretString)
      throw new Error(`Secret ${id} is empty`);
    return found.SecretString;
  });
}

function parseSecret(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const value = (parsed as Record<string, unknown>)[SECRET_FIELD];
  return typeof value === "string" ? value : undefined;
}
