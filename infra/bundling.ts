import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * What the API Lambda bundle leaves out, shared by the benchmark and the stack.
 *
 * - Schema libraries other than valibot: hono-openapi's JSON-schema layer can convert schemas of
 *   several vendors and reaches each through a dynamic import taken only when a schema of that vendor
 *   shows up. Ours are all valibot, so those paths never run (zod alone would add 220 KB).
 */
export const UNUSED_SCHEMA_VENDORS = ["zod", "zod-openapi", "arktype", "effect", "@sinclair/typebox", "sury"];

/** The OpenAPI document made at build time; the Lambda reads it at `../openapi.json` from its bundle. */
export const OPENAPI_FILE = fileURLToPath(new URL("../packages/functions/openapi.json", import.meta.url));

/** Writes OPENAPI_FILE from the routes (in a child process: the app is TypeScript run by tsx). */
export function buildOpenApi() {
  execFileSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("../scripts/build-openapi.ts", import.meta.url))],
    {
      stdio: "inherit",
      env: { ...process.env, LOG_LEVEL: "silent" },
    },
  );
  return OPENAPI_FILE;
}

/** esbuild options of the API Lambda bundle, beyond entry and output. */
export const LAMBDA_ESBUILD = {
  // SST turns this on; it only adds names for stack traces, which the source map already gives.
  keepNames: false,
  // ESM builds of the AWS SDK tree-shake; the CommonJS ones that `platform: node` prefers do not.
  mainFields: ["module", "main"],
  alias: {
    "@aws-sdk/credential-provider-node": fileURLToPath(new URL("./lambda-credentials.ts", import.meta.url)),
    "hono-openapi": fileURLToPath(new URL("./lambda-openapi.ts", import.meta.url)),
  },
  external: UNUSED_SCHEMA_VENDORS,
};
