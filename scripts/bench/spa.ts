import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
  dynamicImports?: string[];
}

/**
 * JS and CSS a browser must fetch before a route can render: the entry and its static imports, plus
 * the route's own lazy chunk and its static imports when `route` names one (e.g. src/pages/intake.tsx).
 */
export function firstRouteWeight(
  dist: string,
  route?: string,
  options: { dynamic?: boolean; mayBeInEntry?: boolean } = {},
) {
  const manifest = JSON.parse(readFileSync(resolve(dist, ".vite/manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  visit("index.html");
  if (route) {
    // A page the entry imports itself (the old design's home page) weighs what the entry weighs.
    if (!manifest[route] && !options.mayBeInEntry) throw new Error(`${route} is not a chunk of this build`);
    visit(route);
    // What the page itself imports when it opens (a chart library), not the app's other routes.
    if (options.dynamic) manifest[route]?.dynamicImports?.forEach(visit);
  }
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(resolve(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], raw, gzip };
}

/** The last commit before issue 15's web changes: the old design the benchmark compares with. */
export const OLD_DESIGN_COMMIT = "2fa1050";

/**
 * Builds the web app of OLD_DESIGN_COMMIT (its packages/web with its own packages/core) into `out`/dist,
 * from git objects only (no checkout: the working tree stays as it is), and returns that folder, or why
 * it could not (no git history, e.g. a tarball of the repository).
 */
export function buildOldDesign(root: string, out: string): { dist: string } | { error: string } {
  try {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(resolve(out, "node_modules/@puskesos"), { recursive: true });
    execSync(
      `git -C ${JSON.stringify(root)} archive ${OLD_DESIGN_COMMIT} packages/web packages/core tsconfig.base.json | tar -x -C ${JSON.stringify(out)}`,
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    // Its own core (the exports map of that day) before the repository's; everything else from the repository.
    symlinkSync("../../packages/core", resolve(out, "node_modules/@puskesos/core"));
    const dist = resolve(out, "dist");
    execFileSync("npx", ["vite", "build", "--outDir", dist, "--emptyOutDir", "--logLevel", "error"], {
      cwd: resolve(out, "packages/web"),
      stdio: ["ignore", "ignore", "pipe"],
    });
    return { dist };
  } catch (error) {
    return { error: String((error as { stderr?: Buffer }).stderr ?? error).split("\n")[0]! };
  }
}

/** The HTML file a client route loads: its own (routes.json) or index.html. */
export function routeHtml(dist: string, path: string): string {
  const routes = resolve(dist, "routes.json");
  const own = existsSync(routes)
    ? (JSON.parse(readFileSync(routes, "utf8")) as Record<string, string>)[path]
    : undefined;
  return own ? `.${own}` : "index.html";
}
