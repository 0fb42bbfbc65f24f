import type { Desa, Kabupaten } from "./schema.ts";
import { desaKindOf } from "./words.ts";

/**
 * Where the regions come from. The local server and the tests read all of Indonesia from
 * idn-area-data when first asked (national.ts), so any kabupaten can be chosen at start; a Lambda
 * is built for one kabupaten and carries only its own kecamatan and desa, made at build time
 * (module.ts), so no cold start parses the 83,000 desa of the national list.
 */
export interface RegionSource {
  /** The kabupaten with its kecamatan and desa; refuses a code the source does not hold. */
  kabupaten(code: string): Promise<Kabupaten>;
  /** The name of any kabupaten or kota of Indonesia ("Kabupaten Brebes"). */
  kabupatenName(code: string): Promise<string | undefined>;
  /** Every kabupaten and kota of Indonesia: name by code. */
  kabupatenNames(): Promise<Record<string, string>>;
  /** Every kabupaten/kota and kecamatan code of Indonesia, for the NIK and No. KK region warnings. */
  national(): Promise<NationalCodes>;
}

export interface NationalCodes {
  hasKabupaten(code: string): boolean;
  hasKecamatan(code: string): boolean;
}

/**
 * The national codes in the compact form a built region module carries: each kabupaten's code with
 * the two-digit numbers of its kecamatan run together ("33.28" → "01020304…").
 */
export type PackedKecamatan = Record<string, string>;

export function unpackNational(kabupatenCodes: Iterable<string>, kecamatan: PackedKecamatan): NationalCodes {
  const kabupaten = new Set(kabupatenCodes);
  const all = new Set<string>();
  for (const [kab, numbers] of Object.entries(kecamatan))
    for (let i = 0; i < numbers.length; i += 2) all.add(`${kab}.${numbers.slice(i, i + 2)}`);
  return { hasKabupaten: (code) => kabupaten.has(code), hasKecamatan: (code) => all.has(code) };
}

export function packKecamatan(codes: Iterable<string>): PackedKecamatan {
  const packed: PackedKecamatan = {};
  for (const code of codes) {
    if (!/^\d{2}\.\d{2}\.\d{2}$/.test(code)) throw new Error(`Kode kecamatan ${code} tidak berpola PP.KK.CC`);
    const kab = code.slice(0, 5);
    packed[kab] = (packed[kab] ?? "") + code.slice(6);
  }
  return packed;
}

/** A desa or kelurahan from its code and name. */
export const desaOf = (code: string, name: string): Desa => ({
  code,
  name,
  kind: desaKindOf(code),
  kecamatanCode: code.slice(0, 8),
});
