import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root. Found by looking up from this module rather than relative to it: under
 * `sst deploy` this code runs bundled into `.sst.config.*.mjs` at the root, not from infra/.
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "sst.config.ts"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No sst.config.ts above ${from}`);
  }
}

/**
 * What the API Lambda bundle leaves out, shared by the benchmark and the stack.
 *
 * - Schema libraries other than valibot: hono-openapi's JSON-schema layer can convert schemas of
 *   several vendors and reaches each through a dynamic import taken only when a schema of that vendor
 *   shows up. Ours are all valibot, so those paths never run (zod alone would add 220 KB).
 */
export const UNUSED_SCHEMA_VENDORS = ["zod", "zod-openapi", "arktype", "effect", "@sinclair/typebox", "sury"];

/** The OpenAPI document made at build time; the Lambda reads it at `../openapi.json` from its bundle. */
export const OPENAPI_FILE = join(PROJECT_ROOT, "packages/functions/openapi.json");

/** Writes OPENAPI_FILE from the routes (in a child process: the app is TypeScript run by tsx). */
export function buildOpenApi() {
  execFileSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts/build-openapi.ts")], {
    stdio: "inherit",
    env: { ...process.env, LOG_LEVEL: "silent" },
  });
  return OPENAPI_FILE;
}

/**
 * Writes the region module of one kabupaten (scripts/build-regions.ts) and returns its path: the
 * bundle carries that kabupaten's kecamatan and desa instead of parsing all of Indonesia's at run time.
 */
export function buildRegionModule(kabupatenCode: string) {
  const file = join(PROJECT_ROOT, `packages/functions/.regions/${kabupatenCode}.mjs`);
  // Both of a stack's functions ask for it while the app is synthesized.
  if (built.has(file)) return file;
  built.add(file);
  execFileSync(
    process.execPath,
    ["--import", "tsx", join(PROJECT_ROOT, "scripts/build-regions.ts"), kabupatenCode, file],
    { stdio: "inherit" },
  );
  return file;
}

const built = new Set<string>();

/** esbuild's alias that puts a built region module in place of the national one. */
export const regionAlias = (file: string) => ({ "@puskesos/core/region/data": file });

/** esbuild options of the API Lambda bundle, beyond entry and output. */
export const LAMBDA_ESBUILD = {
  // SST turns this on; it only adds names for stack traces, which the source map already gives.
  keepNames: false,
  // ESM builds of @smithy/* and @aws-sdk/util-dynamodb tree-shake; the CommonJS ones that
  // `platform: node` prefers do not.
  mainFields: ["module", "main"],
  alias: {
    "hono-openapi": join(PROJECT_ROOT, "infra/lambda-openapi.ts"),
  },
  // @smithy/core's event streams are imported dynamically by a protocol class the bundle leaves out
  // (the app signs its own JSON requests, core/aws): the import would still make a chunk boundary
  // and split the signer's helpers off into a chunk of their own that every cold start loads.
  external: [...UNUSED_SCHEMA_VENDORS, "@smithy/core/event-streams"],
};

/** The `nodejs` options every Lambda shares; lambdaNodejs adds the kabupaten's regions. */
const LAMBDA_NODEJS = {
  format: "esm",
  // Chunks (`.mjs` beside the handler): a library reached only by a dynamic import (exceljs, for an
  // XLSX download) stays out of the entry chunk every cold start loads. The benchmark splits alike.
  splitting: true,
  minify: true,
  sourcemap: true,
  esbuild: { ...LAMBDA_ESBUILD, target: "node22" },
} as const;

/**
 * SST's `nodejs` options of every Lambda of a kabupaten's stack: ESM split into chunks, minified,
 * local esbuild, with that kabupaten's region module.
 */
export const lambdaNodejs = (kabupatenCode: string) => ({
  ...LAMBDA_NODEJS,
  esbuild: {
    ...LAMBDA_NODEJS.esbuild,
    alias: { ...LAMBDA_ESBUILD.alias, ...regionAlias(buildRegionModule(kabupatenCode)) },
  },
});
