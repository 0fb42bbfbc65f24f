import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { withoutClientCookies } from "./client-cookie-plugin.ts";
import { routeShells } from "./route-shells-plugin.ts";
import { serviceWorker } from "./service-worker-plugin.ts";
import { ROUTE_SHELLS } from "./shells.ts";

export default defineConfig({
  plugins: [solid(), withoutClientCookies(), routeShells(ROUTE_SHELLS), serviceWorker(["favicon.svg"])],
  build: {
    target: "es2020",
    // Old Android phones in villages: keep CSS compatible and the bundle lean.
    cssTarget: "chrome80",
    // Maps are written beside the files for whoever debugs a report, but the files do not name them: a
    // phone on a weak link should not download a comment only a developer's tools read.
    sourcemap: "hidden",
    // The benchmark reads the import graph of the first route from the manifest.
    manifest: true,
    // Every browser the kabupaten's officers use knows modulepreload (Chrome 66, Firefox 115, Safari 17).
    modulePreload: { polyfill: false },
    // Fewer, larger files for a screen's first load (one gzip stream compresses better than ten, and a weak
    // link pays per request): the entry with everything it imports, and the intake form's own pieces.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "app", tags: ["$initial"] },
            {
              name: "intake-deps",
              test: /(core\/src\/(validation\/fields|resident\/|complaint\/registration|catalog\/reference|catalog\/intake)|components\/nik-input)/,
              // Not the calendar that nik-input uses: the home page needs it without the rest.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
