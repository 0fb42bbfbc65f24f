import type { Desa, Kabupaten } from "./schema.ts";

/** "Desa Kalisapu" or "Kelurahan Bontorannu": a kelurahan is not a desa, and residents know which theirs is. */
export function desaLabel(desa: Pick<Desa, "kind" | "name">): string {
  return `${desa.kind === "kelurahan" ? "Kelurahan" : "Desa"} ${desa.name}`;
}

/** "Kota" for a kota, "Kabupaten" for a kabupaten: the name says which (Kemendagri's names begin with it). */
export const kabupatenWord = (kabupaten: Pick<Kabupaten, "name">) =>
  kabupaten.name.startsWith("Kota ") ? "Kota" : "Kabupaten";

/** A desa or kelurahan from its code: kelurahan codes have serial 1xxx, desa 2xxx (Permendagri 72/2019). */
export const desaKindOf = (code: string): Desa["kind"] =>
  code.split(".")[3]?.startsWith("1") ? "kelurahan" : "desa";

/** What to call a set of villages in a sentence: a kota may have kelurahan only, a kabupaten both. */
export function desaWord(desa: readonly Pick<Desa, "kind">[]): "desa" | "kelurahan" | "desa/kelurahan" {
  const kelurahan = desa.filter((d) => d.kind === "kelurahan").length;
  return kelurahan === 0 ? "desa" : kelurahan === desa.length ? "kelurahan" : "desa/kelurahan";
}

/** A label or column for the kabupaten's villages: "Desa", "Kelurahan" (a kota) or "Desa/kelurahan"; "Desa" until known. */
export function villagesTitle(
  kabupaten: { kecamatan: readonly { desa: readonly Pick<Desa, "kind">[] }[] } | undefined,
) {
  return titled(desaWord(kabupaten?.kecamatan.flatMap((k) => k.desa) ?? []));
}

/** A word as a heading or a column starts it: "kelurahan" → "Kelurahan". */
export const titled = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A village's word from its code ("desa", "kelurahan"); "desa/kelurahan" where none is named. */
export const desaKindWord = (desaCode?: string) => (desaCode ? desaKindOf(desaCode) : "desa/kelurahan");

/** The village deliberation (musdes) as its place calls it; "desa/kelurahan" where none is named. */
export const musdesTitle = (desaCode?: string) => `Musyawarah ${desaKindWord(desaCode)}`;
