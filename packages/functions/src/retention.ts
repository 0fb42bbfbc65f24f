import * as Actor from "@puskesos/core/actor";
import { configure, fromEnv } from "@puskesos/core/config";
import { loadStackKeys } from "@puskesos/core/config/secrets";
import { configureDb } from "@puskesos/core/db";
import { log } from "@puskesos/core/log";
import { sweep } from "@puskesos/core/retention";

/**
 * The daily retention job, invoked by its EventBridge schedule (infra/retention.ts): personal fields of
 * records past the kabupaten's retention periods are erased, as the system. Configured like the API's
 * Lambda (table, kabupaten, keys from the stack's secret: records are read opened and case entries
 * sealed again), with nothing of HTTP.
 */
const secretId = process.env.SECRET_ARN;
if (!secretId) throw new Error("SECRET_ARN is not set: the stack's secret is required");

const secretOptions = process.env.SECRETS_ENDPOINT ? { endpoint: process.env.SECRETS_ENDPOINT } : {};
configure({ ...fromEnv(), ...(await loadStackKeys(secretId, secretOptions)) });
configureDb({
  tableName: process.env.TABLE_NAME ?? "puskesos",
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});

/** A minute is left for the work in hand to finish before Lambda stops the run. */
const MARGIN_MS = 60_000;

export async function handler(_event: unknown, context?: { getRemainingTimeInMillis(): number }) {
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS : undefined;
  const result = await Actor.provide({ type: "system", name: "retention" }, () =>
    sweep({ now: new Date(), ...(deadline ? { deadline } : {}) }),
  );
  // Counts only: the ids are in the returned result, and nothing personal is in either.
  log("info", "retention sweep", { day: result.day, kinds: result.kinds, audit: result.audit });
  return result;
}
