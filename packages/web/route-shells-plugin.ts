import type { Plugin, Rolldown } from "vite";

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** A screen opened straight from the address bar often enough to get its own HTML (issue 15). */
export interface RouteShell {
  /** The client route, e.g. /pengaduan/baru. */
  path: string;
  /** Its page module, e.g. src/pages/intake.tsx. */
  module: string;
  /** The file written for it, e.g. pengaduan-baru.html. */
  file: string;
  /** What the screen shows before its code runs: labels only, never a user's or resident's data. */
  body: string;
}

/** Where the HTML templates mark the part the app replaces. */
const SHELL = /<main class="page">[\s\S]*?<\/main>/;

/**
 * Writes one HTML file per route in `routes` beside index.html: the same page with the route's frame
 * and a modulepreload of every chunk the route needs, so the browser fetches them together with the
 * entry instead of after it has run. `routes.json` maps each path to its file for the servers (the
 * local server and the CDN function), which serve index.html for every other path.
 */
export function routeShells(routes: RouteShell[]): Plugin {
  return {
    name: "puskesos-route-shells",
    apply: "build",
    // After Vite's own HTML plugin has put index.html in the bundle; before the service worker lists it.
    enforce: "post",
    generateBundle(_options, bundle) {
      const index = bundle["index.html"];
      if (index?.type !== "asset") return;
      const html = String(index.source);
      if (!SHELL.test(html)) this.error('index.html has no <main class="page"> for the route shells');
      const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === "chunk");
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) this.error("no entry chunk");
      const loaded = closure(bundle, entry.fileName);
      const map: Record<string, string> = {};
      for (const route of routes) {
        const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/${route.module}`));
        if (!chunk) this.error(`${route.module} is not a chunk of this build`);
        const files = [...closure(bundle, chunk.fileName)].filter((f) => !loaded.has(f));
        const links = files.map((f) =>
          f.endsWith(".css")
            ? `<link rel="stylesheet" crossorigin href="/${f}">`
            : `<link rel="modulepreload" crossorigin href="/${f}">`,
        );
        const source = html
          .replace("</head>", `  ${links.join("\n    ")}\n  </head>`)
          .replace(SHELL, `<main class="page">${route.body}</main>`);
        this.emitFile({ type: "asset", fileName: route.file, source });
        map[route.path] = `/${route.file}`;
      }
      this.emitFile({ type: "asset", fileName: "routes.json", source: JSON.stringify(map, null, 2) });
    },
  };
}

/** A chunk's file, its static imports' files, recursively, and the CSS each of them imports. */
function closure(bundle: OutputBundle, file: string, seen = new Set<string>()): Set<string> {
  const chunk = bundle[file];
  if (seen.has(file) || chunk?.type !== "chunk") return seen;
  seen.add(file);
  chunk.viteMetadata?.importedCss.forEach((css) => seen.add(css));
  chunk.imports.forEach((next) => closure(bundle, next, seen));
  return seen;
}
