import { createHash } from "node:crypto";
import type { Plugin } from "vite";

/**
 * Writes `sw.js` with the exact files of this build, so the app shell (HTML, JS, CSS) opens with no
 * connection. API answers are never cached: they carry residents' data and must come from the server.
 */
export function serviceWorker(publicFiles: string[]): Plugin {
  return {
    name: "puskesos-service-worker",
    apply: "build",
    // After Vite's own HTML plugin has put index.html in the bundle.
    enforce: "post",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((file) => !file.endsWith(".map") && !file.startsWith(".vite/"))
        .sort();
      const shell = [...new Set(["index.html", ...files, ...publicFiles])].map((file) => `/${file}`);
      const version = createHash("sha256").update(shell.join("\n")).digest("hex").slice(0, 12);
      // The screens with their own HTML (route-shells-plugin.ts) open in that HTML from the cache too.
      const routes = bundle["routes.json"];
      const pages =
        routes?.type === "asset" ? (JSON.parse(String(routes.source)) as Record<string, string>) : {};
      this.emitFile({ type: "asset", fileName: "sw.js", source: source(version, shell, pages) });
    },
  };
}

const source = (
  version: string,
  shell: string[],
  pages: Record<string, string>,
) => `// Generated at build time by service-worker-plugin.ts.
const CACHE = "puskesos-${version}";
const SHELL = ${JSON.stringify(shell)};
const PAGES = ${JSON.stringify(pages)};

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("puskesos-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    // A file opened by its address (it has a dot, as the CDN tells them apart) is the network's answer.
    if (url.pathname.includes(".")) return;
    // A screen opens from this device's copy at once, without a round trip on a weak link (the HTML holds
    // nobody's data). A new version is found by the browser's own check of sw.js and opens next time.
    event.respondWith(caches.match(PAGES[url.pathname] || "/index.html").then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
`;
