import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * Facts about the source a newcomer relies on (and the tests keep true): file sizes, the import
 * graph inside a package, and rules written in the web that belong in core.
 */
export const ROOT = resolve(import.meta.dirname, "../..");

/** Source files (not tests) under `dir`, relative to the repository. */
export function sourceFiles(dir: string, extensions = /\.tsx?$/): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (extensions.test(name) && !/\.test\.tsx?$/.test(name)) out.push(relative(ROOT, path));
    }
  };
  walk(resolve(ROOT, dir));
  return out.sort();
}

export const lineCount = (file: string) =>
  readFileSync(resolve(ROOT, file), "utf8").trimEnd().split("\n").length;

/** Relative imports that load code at run time (`import type` does not), resolved to repository paths. */
export function runtimeImports(file: string): string[] {
  const text = readFileSync(resolve(ROOT, file), "utf8");
  return [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']/gms)].map(
    (m) => relative(ROOT, resolve(ROOT, dirname(file), m[1]!)),
  );
}

/** The import cycles among `files` (strongly connected groups of more than one file, or a file importing itself). */
export function importCycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f).filter((d) => files.includes(d))]));
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.includes(v)) cycles.push(group.sort());
    }
  };
  for (const f of files) if (!order.has(f)) visit(f);
  return cycles;
}

const ROLE_NAMES = "front-office|back-office|koordinator|kepala-desa|supervisor|manajer|survei|opd|admin";

/**
 * Places where a file decides by role name instead of asking core's permission table or a view's
 * `actions`: comparisons with a role, and role names listed in code.
 */
export function roleDecisions(file: string): string[] {
  const lines = readFileSync(resolve(ROOT, file), "utf8").split("\n");
  const patterns = [
    /\brole\b\(?\)?\s*[!=]==/,
    new RegExp(`[!=]==\\s*"(${ROLE_NAMES})"`),
    new RegExp(`"(${ROLE_NAMES})"\\s*[!=]==`),
    /includes\([^)]*\brole\b/,
    new RegExp(`\\[\\s*"(${ROLE_NAMES})"`),
    new RegExp(`,\\s*"(${ROLE_NAMES})"\\s*[,\\]]`),
  ];
  return lines.flatMap((line, i) =>
    patterns.some((p) => p.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
  );
}
