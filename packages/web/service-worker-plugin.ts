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
      this.emitFile({ type: "asset", fileName: "sw.js", source: source(version, shell) });
    },
  };
}

const source = (version: string, shell: string[]) => `// Generated at build time by service-worker-plugin.ts.
const CACHE = "puskesos-${version}";
const SHELL = ${JSON.stringify(shell)};
// On a weak link the network gets this long before the cached shell is used instead.
const NAVIGATION_TIMEOUT_MS = 3000;

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
    event.respondWith(
      new Promise((resolve) => {
        const fallback = () => caches.match("/index.html").then((hit) => hit && resolve(hit));
        const timer = setTimeout(fallback, NAVIGATION_TIMEOUT_MS);
        fetch(request)
          .then((response) => {
            clearTimeout(timer);
            resolve(response);
          })
          .catch(() => {
            clearTimeout(timer);
            fallback();
          });
      }),
    );
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
`;
