import { fileURLToPath } from "node:url";

/**
 * What the API Lambda bundle leaves out, shared by the benchmark and the stack.
 *
 * - Schema libraries other than valibot: hono-openapi's JSON-schema layer can convert schemas of
 *   several vendors and reaches each through a dynamic import taken only when a schema of that vendor
 *   shows up. Ours are all valibot, so those paths never run (zod alone would add 220 KB).
 */
export const UNUSED_SCHEMA_VENDORS = ["zod", "zod-openapi", "arktype", "effect", "@sinclair/typebox", "sury"];

/** esbuild options of the API Lambda bundle, beyond entry and output. */
export const LAMBDA_ESBUILD = {
  // ESM builds of the AWS SDK tree-shake; the CommonJS ones that `platform: node` prefers do not.
  mainFields: ["module", "main"],
  alias: {
    "@aws-sdk/credential-provider-node": fileURLToPath(new URL("./lambda-credentials.ts", import.meta.url)),
  },
  external: UNUSED_SCHEMA_VENDORS,
};
