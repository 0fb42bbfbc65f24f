import * as v from "valibot";

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
};

export const RoleSchema = v.picklist(ROLES, "Peran tidak dikenal.");
export const ScopeLevelSchema = v.picklist(
  SCOPE_LEVELS,
  "Tingkat wilayah harus desa, kecamatan, atau kabupaten.",
);
