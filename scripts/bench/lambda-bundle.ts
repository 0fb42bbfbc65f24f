import { cpSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { build, type Metafile } from "esbuild";
import { buildOpenApi, buildRegionModule, LAMBDA_ESBUILD, regionAlias } from "../../infra/bundling.ts";

/**
 * The API Lambda as it ships: minified ESM split into chunks as SST splits it (stacks/Api.ts; AWS
 * client bundled, so the version is the one tested; options in infra/bundling.ts), the entry at
 * `lambda/index.mjs`, carrying the kabupaten's region module (infra/bundling.ts), with the OpenAPI
 * document the handler serves at `openapi.json`. `regions: "national"` builds the design before it
 * for comparison: idn-area-data bundled and its CSV files at `data/` (`../data` from its module).
 * `bytes` is what a cold start loads (loadedAtStart). A chunk reached only by a dynamic `import()`
 * further in (a resource's routes, exceljs for an XLSX download) is `lazyBytes`.
 */
export async function bundleLambda(
  root: string,
  outDir: string,
  options: {
    external?: string[];
    kabupatenCode?: string;
    regions?: "built" | "national";
    /** Another entry than the API's (lambda-floor.ts). */
    entry?: string;
  } = {},
) {
  rmSync(outDir, { recursive: true, force: true });
  const national = options.regions === "national";
  const outfile = resolve(outDir, "lambda/index.mjs");
  const result = await build({
    entryPoints: { index: options.entry ?? resolve(root, "packages/functions/src/lambda.ts") },
    outdir: resolve(outDir, "lambda"),
    splitting: true,
    outExtension: { ".js": ".mjs" },
    // Output paths in the metafile are relative to this.
    absWorkingDir: root,
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
    alias: {
      ...LAMBDA_ESBUILD.alias,
      ...(national ? {} : regionAlias(buildRegionModule(options.kabupatenCode ?? "33.28"))),
    },
    external: [...LAMBDA_ESBUILD.external, ...(options.external ?? [])],
    logLevel: "silent",
  });
  if (national) {
    const require = createRequire(resolve(root, "packages/core/package.json"));
    const dataDir = resolve(dirname(require.resolve("idn-area-data")), "../data");
    mkdirSync(resolve(outDir, "data"), { recursive: true });
    for (const file of ["provinces.csv", "regencies.csv", "districts.csv", "villages.csv"])
      cpSync(resolve(dataDir, file), resolve(outDir, "data", file));
  }
  cpSync(buildOpenApi(), resolve(outDir, "openapi.json"));
  const chunks = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith(".mjs"));
  const loaded = loadedAtStart(result.metafile, relative(root, outfile));
  const size = (paths: string[]) => paths.reduce((n, path) => n + statSync(resolve(root, path)).size, 0);
  return {
    outfile,
    bytes: size([...loaded]),
    lazyBytes: size(chunks.map(([path]) => path).filter((path) => !loaded.has(path))),
    chunks: chunks.length,
    metafile: result.metafile,
  };
}

/**
 * The entry chunk and every chunk it imports statically, directly or through another chunk, and
 * what the entry itself imports dynamically: lambda.ts awaits that (the app, with its regions) while it
 * reads its secrets, so every cold start loads them too.
 */
function loadedAtStart(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of metafile.outputs[path]?.imports ?? [])
      if ((i.kind === "import-statement" || (path === entry && i.kind === "dynamic-import")) && !i.external)
        visit(i.path);
  };
  visit(entry);
  return seen;
}
