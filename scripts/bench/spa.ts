import { readFileSync } from "node:fs";
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
export function firstRouteWeight(dist: string, route?: string, options: { dynamic?: boolean } = {}) {
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
    if (!manifest[route]) throw new Error(`${route} is not a chunk of this build`);
    visit(route);
    // What the page itself imports when it opens (a chart library), not the app's other routes.
    if (options.dynamic) manifest[route]!.dynamicImports?.forEach(visit);
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
