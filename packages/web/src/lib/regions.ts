import type { Kabupaten } from "@puskesos/core/region/schema";
import { desaLabel } from "@puskesos/core/region/words";
import { api, call } from "./api.ts";

let tree: Promise<Kabupaten> | undefined;

/** The kabupaten's kecamatan and desa, asked once a page life: they change only with a new build. */
export function regionTree(): Promise<Kabupaten> {
  tree ??= call(api.regions.$get()).catch((error: unknown) => {
    tree = undefined;
    throw error;
  });
  return tree;
}

/** "Desa Kalisapu" (or "Kelurahan …") and "Kecamatan Slawi" of a desa code; the code itself when unknown. */
export function desaNames(kabupaten: Kabupaten | undefined, code: string) {
  const kecamatan = kabupaten?.kecamatan.find((k) => code.startsWith(`${k.code}.`));
  const desa = kecamatan?.desa.find((d) => d.code === code);
  return {
    desa: desa ? desaLabel(desa) : code,
    kecamatan: kecamatan ? `Kecamatan ${kecamatan.name}` : "",
  };
}
