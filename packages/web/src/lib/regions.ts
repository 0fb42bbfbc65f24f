import { createResource } from "solid-js";
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

/** A desa's kecamatan and the desa itself in the kabupaten's tree, each undefined when it holds none. */
function findDesa(kabupaten: Kabupaten | undefined, code: string) {
  const kecamatan = kabupaten?.kecamatan.find((k) => code.startsWith(`${k.code}.`));
  return { kecamatan, desa: kecamatan?.desa.find((d) => d.code === code) };
}

/** "Desa Kalisapu" (or "Kelurahan …") and "Kecamatan Slawi" of a desa code; the code itself when unknown. */
export function desaNames(kabupaten: Kabupaten | undefined, code: string) {
  const { kecamatan, desa } = findDesa(kabupaten, code);
  return {
    desa: desa ? desaLabel(desa) : code,
    kecamatan: kecamatan ? `Kecamatan ${kecamatan.name}` : "",
  };
}

/** "Desa Kalisapu, Kecamatan Slawi": where a resident lives, for an officer working across the kabupaten. */
export function desaPlace(kabupaten: Kabupaten | undefined, code: string) {
  const names = desaNames(kabupaten, code);
  return [names.desa, names.kecamatan].filter(Boolean).join(", ");
}

/** A desa's own name ("Kalisapu") by its code; the code itself when the kabupaten does not hold it. */
export function desaNameIn(kabupaten: Kabupaten | undefined, code: string): string {
  return findDesa(kabupaten, code).desa?.name ?? code;
}

/** A list's source held until the desa's names have arrived or failed (`settled`): drawn once, with names. */
export const heldForNames = (source: { loading: boolean; error: unknown }, settled: () => boolean) => ({
  get loading() {
    return source.loading || !settled();
  },
  get error(): unknown {
    return source.error;
  },
});

/**
 * The kabupaten's kecamatan and desa for a page that lists records of several desa, asked only when
 * `wanted`. `settled` turns true once they have arrived or failed to: a list holds its rows until
 * then, so that it is drawn once with the desa's names rather than first with their codes (after a
 * failure it shows the codes rather than nothing).
 */
export function createRegionNames(wanted: () => boolean = () => true) {
  const [resource] = createResource(wanted, (yes) => (yes ? regionTree() : undefined));
  // Reading a failed resource throws; a failure here leaves the names out, not the page.
  const tree = () => (resource.error ? undefined : resource());
  return {
    tree,
    settled: () => !wanted() || !resource.loading,
    desaName: (code: string) => desaNameIn(tree(), code),
  };
}
