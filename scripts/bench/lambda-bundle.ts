import { cpSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { build } from "esbuild";
import { buildOpenApi, LAMBDA_ESBUILD } from "../../infra/bundling.ts";

/**
 * The API Lambda as it ships: one minified ESM file (AWS SDK v3 bundled, so the version is the one
 * tested; options in infra/bundling.ts), at `lambda/index.mjs`, with idn-area-data's CSV files at
 * `data/` where the library looks for them (`../data` from its module) and the OpenAPI document the
 * handler serves at `openapi.json`.
 */
export async function bundleLambda(root: string, outDir: string, options: { external?: string[] } = {}) {
  rmSync(outDir, { recursive: true, force: true });
  const outfile = resolve(outDir, "lambda/index.mjs");
  const result = await build({
    entryPoints: [resolve(root, "packages/functions/src/lambda.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    minify: true,
    sourcemap: "external",
    metafile: true,
    // Some dependencies are CommonJS and call require() for Node built-ins.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    ...LAMBDA_ESBUILD,
    external: [...LAMBDA_ESBUILD.external, ...(options.external ?? [])],
    logLevel: "silent",
  });
  const require = createRequire(resolve(root, "packages/core/package.json"));
  const dataDir = resolve(dirname(require.resolve("idn-area-data")), "../data");
  mkdirSync(resolve(outDir, "data"), { recursive: true });
  for (const file of ["provinces.csv", "regencies.csv", "districts.csv", "villages.csv"])
    cpSync(resolve(dataDir, file), resolve(outDir, "data", file));
  cpSync(buildOpenApi(), resolve(outDir, "openapi.json"));
  return { outfile, bytes: statSync(outfile).size, metafile: result.metafile };
}
