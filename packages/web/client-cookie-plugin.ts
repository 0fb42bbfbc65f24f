import type { Plugin } from "vite";

const STUB = "\0puskesos-client-cookie";

/**
 * The typed client (`hono/client`) serializes its `cookie` option into a Cookie header, a header a browser
 * refuses to send; the app never passes one. Its cookie module (with signed-cookie helpers) would still
 * ride on every screen's first load, so the web build gets a stub in its place (issue 15).
 */
export function withoutClientCookies(): Plugin {
  return {
    name: "puskesos-without-client-cookies",
    apply: "build",
    enforce: "pre",
    resolveId(source, importer) {
      if (source === "../utils/cookie.js" && importer?.includes("/hono/dist/client/")) return STUB;
      return undefined;
    },
    load(id) {
      if (id !== STUB) return undefined;
      return 'export const serialize = () => { throw new Error("A browser does not send a Cookie header."); };';
    },
  };
}
