import type { Kabupaten } from "./schema.ts";
import {
  desaOf,
  unpackNational,
  type NationalCodes,
  type PackedKecamatan,
  type RegionSource,
} from "./source.ts";

/** What a region module made at build time holds (module.ts), in as few bytes as its JSON allows. */
export interface BuiltRegions {
  /** The stack's own kabupaten: each kecamatan as [number, name, [desa serial, name][]]. */
  kabupaten: Omit<Kabupaten, "kecamatan"> & { kecamatan: [string, string, [string, string][]][] };
  /** Every kabupaten and kota of Indonesia by code, for a handover's other side and the NIK check. */
  names: Record<string, string>;
  /** Every kecamatan of Indonesia, packed (source.ts). */
  kecamatan: PackedKecamatan;
}

export function packKabupaten(kabupaten: Kabupaten): BuiltRegions["kabupaten"] {
  return {
    ...kabupaten,
    kecamatan: kabupaten.kecamatan.map((kec) => [
      kec.code.slice(6),
      kec.name,
      kec.desa.map((d) => [d.code.slice(9), d.name] as [string, string]),
    ]),
  };
}

function unpackKabupaten(packed: BuiltRegions["kabupaten"]): Kabupaten {
  return {
    ...packed,
    kecamatan: packed.kecamatan.map(([number, name, desa]) => {
      const code = `${packed.code}.${number}`;
      return { code, name, desa: desa.map(([serial, desaName]) => desaOf(`${code}.${serial}`, desaName)) };
    }),
  };
}

/** The regions of one kabupaten's bundle: nothing is parsed but its own JSON. */
export function builtSource(data: BuiltRegions): RegionSource {
  const kabupaten = unpackKabupaten(data.kabupaten);
  let national: NationalCodes | undefined;
  return {
    async kabupaten(code) {
      if (code === kabupaten.code) return kabupaten;
      // A bundle built for one kabupaten deployed with another's code would show the wrong desa.
      throw new Error(
        `Data wilayah bundel ini dibuat untuk ${kabupaten.code} (${kabupaten.name}), bukan ${code}: bangun ulang untuk kabupaten ini.`,
      );
    },
    async kabupatenName(code) {
      return data.names[code];
    },
    async kabupatenNames() {
      return data.names;
    },
    async national() {
      national ??= unpackNational(Object.keys(data.names), data.kecamatan);
      return national;
    },
  };
}
