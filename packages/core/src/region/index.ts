import { NotFoundError } from "../error/index.ts";
import { assertInScope, covers, useUser } from "../actor/index.ts";
import { useConfig } from "../config/index.ts";
import { timeZoneOf } from "../time/calendar.ts";
import type { Kabupaten, KabupatenList, Region } from "./schema.ts";
// This build's region source (source.ts). By package name, not path: a Lambda bundle swaps it for its
// kabupaten's (data.ts), which its cold start loads at once; the national one parses its CSVs only
// when first asked.
import { source } from "@puskesos/core/region/data";

export * from "./schema.ts";

/** A kabupaten's zone comes from its province code (time/calendar.ts). */
export { timeZoneOf };

/** The kabupaten with its kecamatan and desa. */
export async function loadKabupaten(code: string): Promise<Kabupaten> {
  return source.kabupaten(code);
}

/** The kabupaten this stack serves. */
export function current(): Promise<Kabupaten> {
  return loadKabupaten(useConfig().kabupatenCode);
}

/** Finds any region of this kabupaten by code, without a scope check (for labels). */
export async function find(code: string): Promise<Region | undefined> {
  const kab = await current();
  if (code === kab.code) return { level: "kabupaten", code, name: kab.name };
  for (const kec of kab.kecamatan) {
    if (kec.code === code) return { level: "kecamatan", code, name: kec.name, kabupatenCode: kab.code };
    if (!code.startsWith(`${kec.code}.`)) continue;
    const desa = kec.desa.find((d) => d.code === code);
    if (desa) return { ...desa, level: "desa", kecamatanName: kec.name };
  }
  return undefined;
}

/** A region of this kabupaten the signed-in user may see: its own scope or below. */
export async function get(code: string): Promise<Region> {
  assertInScope(code, "Wilayah");
  const region = await find(code);
  if (!region) throw NotFoundError("Wilayah");
  return region;
}

/** The kabupaten cut down to the kecamatan and desa inside the signed-in user's scope. */
export async function tree(): Promise<Kabupaten> {
  const { scope } = useUser();
  const kab = await current();
  const inScope = (code: string) => covers(scope, code) || covers({ level: "desa", code }, scope.code);
  return {
    ...kab,
    kecamatan: kab.kecamatan
      .filter((kec) => inScope(kec.code))
      .map((kec) => ({
        ...kec,
        desa: kec.desa.filter((d) => covers(scope, d.code) || covers(scope, kec.code)),
      })),
  };
}

/** The name of any kabupaten or kota of Indonesia ("Kabupaten Brebes"), for a handover's other side. */
export async function kabupatenName(code: string): Promise<string | undefined> {
  return source.kabupatenName(code);
}

/** Every kabupaten and kota of Indonesia by code, so a user can pick one by its name. */
export async function kabupatenList(): Promise<KabupatenList> {
  useUser();
  const names = await source.kabupatenNames();
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Every kabupaten/kota and kecamatan code of Indonesia, for the NIK and No. KK region warnings. */
export async function nationalCodes() {
  return source.national();
}
