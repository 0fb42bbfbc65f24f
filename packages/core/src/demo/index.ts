import type { Role, ScopeLevel } from "../actor/index.ts";
import { putIfAbsent } from "../db/index.ts";
import { hashPassword } from "../auth/password.ts";
import * as Region from "../region/index.ts";
import * as User from "../user/index.ts";
import { demoUsersOf, type DemoUser } from "./users.ts";

export {
  choosePlaces,
  demoUsersOf,
  namePart,
  PREFERRED_PLACES,
  type DemoPlaces,
  type DemoUser,
} from "./users.ts";

/**
 * Demo users for trying the app locally, in the configured kabupaten (users.ts chooses their places).
 * Only the local server seeds them; a deployed stage never has them.
 */
export const DEMO_PASSWORD = "puskesos-demo";

/** The demo users of the configured kabupaten. */
export async function users(): Promise<DemoUser[]> {
  return demoUsersOf(await Region.current());
}

/**
 * Kabupaten Tegal's (33.28, the default) demo users, as `users()` answers them there (users.test.ts
 * holds the two equal), for tests that name them without loading the region data. Desa Kalisapu
 * (Kec. Slawi) is the home desa; Desa Pagiyanten (Kec. Adiwerna) a second desa in another kecamatan.
 */
export const DEMO_USERS: {
  username: string;
  name: string;
  role: Role;
  scope: { level: ScopeLevel; code: string };
  opd?: string;
}[] = [
  {
    username: "fo.kalisapu",
    name: "Siti Rahayu",
    role: "front-office",
    scope: { level: "desa", code: "33.28.10.2001" },
  },
  {
    username: "bo.kalisapu",
    name: "Agus Santoso",
    role: "back-office",
    scope: { level: "desa", code: "33.28.10.2001" },
  },
  {
    username: "koord.kalisapu",
    name: "Dwi Lestari",
    role: "koordinator",
    scope: { level: "desa", code: "33.28.10.2001" },
  },
  {
    username: "kades.kalisapu",
    name: "H. Slamet Riyadi",
    role: "kepala-desa",
    scope: { level: "desa", code: "33.28.10.2001" },
  },
  {
    username: "fo.pagiyanten",
    name: "Nur Hidayah",
    role: "front-office",
    scope: { level: "desa", code: "33.28.11.2004" },
  },
  {
    username: "spv.slawi",
    name: "Bambang Wijaya",
    role: "supervisor",
    scope: { level: "kecamatan", code: "33.28.10" },
  },
  {
    username: "spv.adiwerna",
    name: "Rina Kartika",
    role: "supervisor",
    scope: { level: "kecamatan", code: "33.28.11" },
  },
  {
    username: "manajer",
    name: "Dra. Sri Wahyuni",
    role: "manajer",
    scope: { level: "kabupaten", code: "33.28" },
  },
  {
    username: "survei",
    name: "Teguh Prasetyo",
    role: "survei",
    scope: { level: "kabupaten", code: "33.28" },
  },
  {
    username: "opd.dinkes",
    name: "dr. Maya Anggraini",
    role: "opd",
    scope: { level: "kabupaten", code: "33.28" },
    opd: "dinas-kesehatan",
  },
  { username: "admin", name: "Admin Kominfo", role: "admin", scope: { level: "kabupaten", code: "33.28" } },
  {
    username: "peksos.slawi",
    name: "Fitri Handayani",
    role: "pekerja-sosial",
    scope: { level: "kecamatan", code: "33.28.10" },
  },
  {
    username: "peksos",
    name: "Yusuf Maulana",
    role: "pekerja-sosial",
    scope: { level: "kabupaten", code: "33.28" },
  },
  {
    username: "pdp",
    name: "Ratna Sari, S.H.",
    role: "pelindungan-data",
    scope: { level: "kabupaten", code: "33.28" },
  },
];

/** Adds the demo users that are missing; never overwrites a user (passwords changed stay changed). */
export async function seed(): Promise<number> {
  let added = 0;
  // scrypt takes about 100 ms a hash on purpose; every demo user has the same published password, so
  // one hash (one salt) serves them all, and a start or a test file pays it once, not per user.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const { username, name, role, scope, opd } of await users()) {
    const record = await User.newRecord(
      { username, name, role, scope, ...(opd ? { opd } : {}) },
      DEMO_PASSWORD,
      { mustChangePassword: false, createdBy: "sistem:demo", passwordHash },
    );
    if (await putIfAbsent(record)) added += 1;
  }
  return added;
}
