import * as v from "valibot";
import { desaKindOf } from "../region/words.ts";

/** Roles and scopes: pure data and checks, shared by the server and the browser. */

/** The roles of DESIGN §2. */
export const ROLES = [
  "front-office",
  "back-office",
  "koordinator",
  "kepala-desa",
  "supervisor",
  "manajer",
  "survei",
  "opd",
  "admin",
  "pekerja-sosial",
  "pelindungan-data",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  "front-office": "Front Office",
  "back-office": "Back Office",
  koordinator: "Koordinator Puskesos",
  "kepala-desa": "Kepala Desa / Lurah",
  supervisor: "Supervisor SLRT",
  manajer: "Manajer Daerah SLRT",
  survei: "Tim Survei Lapangan",
  opd: "Petugas OPD",
  admin: "Admin TI Daerah",
  "pekerja-sosial": "Pekerja Sosial",
  "pelindungan-data": "Pejabat Pelindungan Data Pribadi",
};

/** Roles titled by the kind of their village: a desa's head is its kepala desa, a kelurahan's its lurah. */
const VILLAGE_ROLE_LABELS: Partial<Record<Role, Record<"desa" | "kelurahan", string>>> = {
  "kepala-desa": { desa: "Kepala Desa", kelurahan: "Lurah" },
};

/** A user's role as their header names it, in their own village's words where it has them. */
export const userRoleLabel = (user: { role: Role; scope: { code: string } }): string =>
  VILLAGE_ROLE_LABELS[user.role]?.[desaKindOf(user.scope.code)] ?? ROLE_LABELS[user.role];

/** Who acted, as a log or history names the role: a user's role, or "Sistem" for a job. */
export const roleLabel = (role: string): string =>
  ROLE_LABELS[role as Role] ?? (role === "sistem" ? "Sistem" : role);

/** Roles as a sentence names them: "Halaman ini hanya untuk front office dan koordinator." */
export const ROLE_NOUNS: Record<Role, string> = {
  "front-office": "front office",
  "back-office": "back office",
  koordinator: "koordinator",
  "kepala-desa": "kepala desa/lurah",
  supervisor: "supervisor",
  manajer: "manajer",
  survei: "tim survei",
  opd: "petugas OPD",
  admin: "admin",
  "pekerja-sosial": "pekerja sosial",
  "pelindungan-data": "pejabat pelindungan data",
};

/** Roles whose user works for one OPD of the catalog (and is tied to it at creation). */
export const TIED_TO_OPD: Record<Role, boolean> = {
  "front-office": false,
  "back-office": false,
  koordinator: false,
  "kepala-desa": false,
  supervisor: false,
  manajer: false,
  survei: false,
  opd: true,
  admin: false,
  "pekerja-sosial": false,
  "pelindungan-data": false,
};

export const SCOPE_LEVELS = ["desa", "kecamatan", "kabupaten"] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** A user's area of work: one desa, one kecamatan or the whole kabupaten. */
export interface Scope {
  level: ScopeLevel;
  /** Kemendagri code: `PP.KK` (kabupaten), `PP.KK.CC` (kecamatan), `PP.KK.CC.DDDD` (desa). */
  code: string;
}

/** Which scope levels each role may hold (DESIGN §2). */
export const ROLE_SCOPES: Record<Role, readonly ScopeLevel[]> = {
  "front-office": ["desa", "kabupaten"],
  "back-office": ["desa", "kabupaten"],
  koordinator: ["desa"],
  "kepala-desa": ["desa"],
  supervisor: ["kecamatan"],
  manajer: ["kabupaten"],
  survei: ["kecamatan", "kabupaten"],
  opd: ["kabupaten"],
  admin: ["kabupaten"],
  "pekerja-sosial": ["kecamatan", "kabupaten"],
  "pelindungan-data": ["kabupaten"],
};

export const RoleSchema = v.pipe(
  v.picklist(ROLES, (issue) => (issue.input === "" ? "Peran wajib dipilih." : "Peran tidak dikenal.")),
  v.title("Peran"),
);
export const ScopeLevelSchema = v.pipe(
  v.picklist(SCOPE_LEVELS, "Tingkat wilayah harus desa, kecamatan, atau kabupaten."),
  v.title("Tingkat wilayah"),
);

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
