import { readFile } from "node:fs/promises";
import { configure, fromEnv } from "@puskesos/core/config";
import { readSecrets, stackKeysFrom } from "@puskesos/core/config/secrets";
import type { OpenApiDocument } from "./routes/docs-page.ts";

const secretId = process.env.SECRET_ARN;
// Fail the cold start rather than serve without the keys every NIK lookup and session depends on.
if (!secretId) throw new Error("SECRET_ARN is not set: the stack's secret is required");

// Cold start: configuration from the environment (table name, kabupaten code), keys from the
// stack's secret, and the CDN's origin key. The *_ENDPOINT variables exist only for tests against
// local endpoints.
const secretOptions = process.env.SECRETS_ENDPOINT ? { endpoint: process.env.SECRETS_ENDPOINT } : {};
const edgeSecretId = process.env.EDGE_SECRET_ARN;
// Both secrets in one request (one signature, one connection). The app's modules (this kabupaten's
// regions among them) load while it is on its way: reading waits on the network, loading code does not.
const [[stackSecret, edgeKey], { lambdaHandler }] = await Promise.all([
  readSecrets(edgeSecretId ? [secretId, edgeSecretId] : [secretId], secretOptions),
  import("./lambda-app.ts"),
]);
configure({ ...fromEnv(), ...stackKeysFrom(secretId, stackSecret!), edgeKey });

/** The OpenAPI document made at build time (scripts/build-openapi.ts), shipped beside the bundle. */
async function builtOpenApi(): Promise<OpenApiDocument | undefined> {
  const text = await readFile(new URL("../openapi.json", import.meta.url), "utf8").catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    },
  );
  return text === undefined ? undefined : (JSON.parse(text) as OpenApiDocument);
}

export const handler = lambdaHandler(builtOpenApi, {
  tableName: process.env.TABLE_NAME ?? "puskesos",
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});
