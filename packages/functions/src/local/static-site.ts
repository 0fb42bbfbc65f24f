import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import { getMimeType } from "hono/utils/mime";
import { securityHeaders } from "../app.ts";
import type { AppEnv } from "../http/env.ts";

/**
 * The built SPA (packages/web/dist) on the local server, served as CloudFront serves the deployed one:
 * files compressed, hashed assets cached for good, the screens with their own HTML (routes.json, written
 * by the web build) in that HTML, every other client route in index.html.
 */
export async function serveSpa(site: Hono<AppEnv>, root: string): Promise<void> {
  const shells = new Map<string, string>();
  const routes = resolve(root, "routes.json");
  if (existsSync(routes))
    for (const [path, file] of Object.entries(
      JSON.parse(await readFile(routes, "utf8")) as Record<string, string>,
    ))
      shells.set(path, file);

  site.use("*", securityHeaders());
  // As CloudFront does for the deployed site (CachingOptimized): the first visit on a weak link
  // fetches the gzip size, not the raw one.
  site.use("*", compress());
  site.use("/assets/*", precompressedAssets(resolve(root, "assets")));
  site.use(
    "/assets/*",
    serveStatic({
      root,
      onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable"),
    }),
  );
  const files = serveStatic({ root });
  // "/" is a client route with its own HTML, not the folder's index.html.
  site.use("*", (c, next) => (shells.has(c.req.path) ? next() : files(c, next)));
  // Client-side routes (/masuk, /pengguna, ...) all load the SPA shell. As CloudFront's rewrite does, only
  // a path without a dot is a route: a file that is not there is a 404, not the HTML, which a page still
  // asking for an old script would otherwise get back and stay on "Memuat Puskesos…".
  site.get("*", async (c) => {
    if (c.req.path.split("/").pop()?.includes(".")) return c.notFound();
    c.header("Cache-Control", "no-cache");
    // Read at each request: a web build while the server runs gives the scripts new names.
    return c.html(await readFile(resolve(root, `.${shells.get(c.req.path) ?? "/index.html"}`), "utf8"));
  });
}

/**
 * Hashed JS and CSS, gzipped once at first request and kept, as a CDN edge keeps them: compressing the
 * same file again for every request cost this machine's CPU 100–200 ms a file, time no deployed site has.
 */
function precompressedAssets(folder: string): MiddlewareHandler<AppEnv> {
  const packed = new Map<string, Promise<Buffer>>();
  return async (c, next) => {
    const file = resolve(folder, `.${c.req.path.slice("/assets".length)}`);
    const type = getMimeType(file);
    if (
      !/\bgzip\b/.test(c.req.header("accept-encoding") ?? "") ||
      !file.startsWith(folder + sep) ||
      !/\.(js|css)$/.test(file) ||
      !type ||
      !existsSync(file)
    )
      return next();
    let body = packed.get(file);
    if (!body) packed.set(file, (body = readFile(file).then((raw) => gzipSync(raw, { level: 9 }))));
    return c.body(new Uint8Array(await body), 200, {
      "Content-Type": type,
      "Content-Encoding": "gzip",
      Vary: "Accept-Encoding",
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  };
}
