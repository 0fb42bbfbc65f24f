import type { Role, Scope } from "../actor/schema.ts";
import { desaLabel, type Desa, type Kabupaten, type Kecamatan } from "../region/schema.ts";

/** A demo user of one kabupaten, with the name of its scope as the app shows it. */
export interface DemoUser {
  username: string;
  name: string;
  role: Role;
  scope: Scope;
  scopeName: string;
  opd?: string;
}

/**
 * Where the demo users work: a home desa with its kecamatan, and a second desa in another
 * kecamatan, to see that scopes hold.
 */
export interface DemoPlaces {
  home: Desa;
  homeKecamatan: Kecamatan;
  second: Desa;
  secondKecamatan: Kecamatan;
}

/**
 * Places chosen by hand, by kabupaten code (home desa, second desa). Tegal's are the ones the
 * tests and the README name; every other kabupaten gets its places from `choosePlaces`.
 */
export const PREFERRED_PLACES: Record<string, { home: string; second: string }> = {
  "33.28": { home: "33.28.10.2001", second: "33.28.11.2004" }, // Kalisapu (Slawi), Pagiyanten (Adiwerna)
};

const byCode = <T extends { code: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/**
 * The preferred places of the kabupaten, or else by rule: the home desa is the first desa (by code)
 * of the first kecamatan (by code) that has a desa; the second is the first desa of the next
 * kecamatan that has one (failing that, the first kelurahan of the next kecamatan). A kota without
 * any desa uses its kelurahan the same way.
 */
export function choosePlaces(kab: Kabupaten): DemoPlaces {
  const kecamatan = byCode(kab.kecamatan).map((kec) => ({ ...kec, desa: byCode(kec.desa) }));
  const at = (desa: Desa) => {
    const kec = kecamatan.find((k) => k.code === desa.kecamatanCode);
    if (!kec) throw new Error(`Kecamatan ${desa.kecamatanCode} tidak ada di ${kab.name}`);
    return kec;
  };
  const preferred = PREFERRED_PLACES[kab.code];
  if (preferred) {
    const find = (code: string) => {
      const desa = kecamatan.flatMap((k) => k.desa).find((d) => d.code === code);
      if (!desa) throw new Error(`Desa demo ${code} tidak ada di data wilayah ${kab.name}`);
      return desa;
    };
    const home = find(preferred.home);
    const second = find(preferred.second);
    return { home, homeKecamatan: at(home), second, secondKecamatan: at(second) };
  }

  const kind = kecamatan.some((k) => k.desa.some((d) => d.kind === "desa")) ? "desa" : "kelurahan";
  const firstOfKind = (kec: Kecamatan) => kec.desa.find((d) => d.kind === kind);
  const homeIndex = kecamatan.findIndex((k) => firstOfKind(k));
  const homeKecamatan = kecamatan[homeIndex];
  if (!homeKecamatan) throw new Error(`${kab.name} tidak punya desa atau kelurahan di data wilayah`);
  // The kecamatan after the home one, wrapping round, so a home in the last kecamatan still has a second.
  const others = [...kecamatan.slice(homeIndex + 1), ...kecamatan.slice(0, homeIndex)];
  const second = others.map(firstOfKind).find(Boolean) ?? others.map((k) => k.desa[0]).find(Boolean);
  if (!second) throw new Error(`${kab.name} tidak punya desa atau kelurahan di kecamatan kedua`);
  return { home: firstOfKind(homeKecamatan)!, homeKecamatan, second, secondKecamatan: at(second) };
}

/** A place name as part of a username: lower-case ASCII letters and digits only ("Pa'batang" → pabatang). */
export function namePart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const MAX_USERNAME = 32;

type Place = "home" | "second" | "homeKecamatan" | "secondKecamatan" | "kabupaten";

/** The people of the demo: who works where; a prefix makes the username `<prefix>.<place name>`. */
const CAST: { prefix?: string; username?: string; name: string; role: Role; place: Place; opd?: string }[] = [
  { prefix: "fo", name: "Siti Rahayu", role: "front-office", place: "home" },
  { prefix: "bo", name: "Agus Santoso", role: "back-office", place: "home" },
  { prefix: "koord", name: "Dwi Lestari", role: "koordinator", place: "home" },
  { prefix: "kades", name: "H. Slamet Riyadi", role: "kepala-desa", place: "home" },
  { prefix: "fo", name: "Nur Hidayah", role: "front-office", place: "second" },
  { prefix: "spv", name: "Bambang Wijaya", role: "supervisor", place: "homeKecamatan" },
  { prefix: "spv", name: "Rina Kartika", role: "supervisor", place: "secondKecamatan" },
  { username: "manajer", name: "Dra. Sri Wahyuni", role: "manajer", place: "kabupaten" },
  { username: "survei", name: "Teguh Prasetyo", role: "survei", place: "kabupaten" },
  {
    username: "opd.dinkes",
    name: "dr. Maya Anggraini",
    role: "opd",
    place: "kabupaten",
    opd: "dinas-kesehatan",
  },
  { username: "admin", name: "Admin Kominfo", role: "admin", place: "kabupaten" },
  { prefix: "peksos", name: "Fitri Handayani", role: "pekerja-sosial", place: "homeKecamatan" },
  { username: "peksos", name: "Yusuf Maulana", role: "pekerja-sosial", place: "kabupaten" },
  { username: "pdp", name: "Ratna Sari, S.H.", role: "pelindungan-data", place: "kabupaten" },
];

/**
 * The demo users of a kabupaten. Usernames are `<prefix>.<place name>`, cut to 32 characters; when two
 * places give the same username (two desa of one name), the later user gets 2, 3, ... appended.
 */
export function demoUsersOf(kab: Kabupaten): DemoUser[] {
  const places = choosePlaces(kab);
  const taken = new Set<string>();
  return CAST.map(({ prefix, username: fixed, name, role, place, opd }) => {
    const { scope, scopeName, placeName } = where(kab, places, place);
    const base = fixed ?? `${prefix}.${namePart(placeName) || scope.code.replaceAll(".", "")}`;
    let username = base.slice(0, MAX_USERNAME);
    for (let n = 2; taken.has(username); n++) username = base.slice(0, MAX_USERNAME - String(n).length) + n;
    taken.add(username);
    return { username, name, role, scope, scopeName, ...(opd ? { opd } : {}) };
  });
}

function where(
  kab: Kabupaten,
  places: DemoPlaces,
  place: Place,
): { scope: Scope; scopeName: string; placeName: string } {
  if (place === "kabupaten")
    return { scope: { level: "kabupaten", code: kab.code }, scopeName: kab.name, placeName: kab.name };
  if (place === "homeKecamatan" || place === "secondKecamatan") {
    const kec = places[place];
    return {
      scope: { level: "kecamatan", code: kec.code },
      scopeName: `Kecamatan ${kec.name}`,
      placeName: kec.name,
    };
  }
  const desa = places[place];
  return {
    scope: { level: "desa", code: desa.code },
    scopeName: desaLabel(desa),
    placeName: desa.name,
  };
}
