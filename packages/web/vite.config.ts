import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { serviceWorker } from "./service-worker-plugin.ts";

export default defineConfig({
  plugins: [solid(), serviceWorker(["favicon.svg"])],
  build: {
    target: "es2020",
    // Old Android phones in villages: keep CSS compatible and the bundle lean.
    cssTarget: "chrome80",
    sourcemap: true,
    // The benchmark reads the import graph of the first route from the manifest.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { "/api": `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
