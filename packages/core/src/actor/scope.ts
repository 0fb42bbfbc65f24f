import type { Scope, ScopeLevel } from "./roles.ts";

const LEVEL_OF_SEGMENTS: Record<number, ScopeLevel | "provinsi"> = {
  1: "provinsi",
  2: "kabupaten",
  3: "kecamatan",
  4: "desa",
};

/** The level of a Kemendagri code by its number of segments (`33.28.01` is a kecamatan). */
export function levelOf(code: string): ScopeLevel | "provinsi" | undefined {
  return LEVEL_OF_SEGMENTS[code.split(".").length];
}

/** True when the region `code` (any level) lies inside the scope. */
export function covers(scope: Scope, code: string): boolean {
  return code === scope.code || code.startsWith(`${scope.code}.`);
}
