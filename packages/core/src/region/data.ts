/**
 * The region source of this build. Here: all of Indonesia, read at run time. A Lambda bundle
 * replaces this module (infra/bundling.ts, alias `@puskesos/core/region/data`) with one made for its
 * kabupaten at build time (module.ts), which exports the same name.
 */
export { nationalSource as source } from "./national.ts";
