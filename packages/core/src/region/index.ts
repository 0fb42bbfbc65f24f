import { NotFoundError } from "../error/index.ts";
import { assertInScope, covers, useUser } from "../actor/index.ts";
import { useConfig } from "../config/index.ts";
import { timeZoneOf } from "../time/calendar.ts";
import type { Desa, Kabupaten, Region } from "./schema.ts";

export * from "./schema.ts";

/** A kabupaten's zone comes from its province code (time/calendar.ts). */
export { timeZoneOf };

/** The national lists and their CSV reader load with the first request that needs a region, not at every cold start. */
const areaData = () => import("idn-area-data");
const getProvinces = async () => (await areaData()).getProvinces();
const getRegencies = async () => (await areaData()).getRegencies();
const getDistricts = async () => (await areaData()).getDistricts();
const getVillages = async () => (await areaData()).getVillages();

const cache = new Map<string, Promise<Kabupaten>>();

/** The kabupaten with its kecamatan and desa from idn-area-data, loaded once per process. */
export function loadKabupaten(code: string): Promise<Kabupaten> {
  let pending = cache.get(code);
  if (!pending) {
    pending = read(code);
    cache.set(code, pending);
    pending.catch(() => cache.delete(code));
  }
  return pending;
}

async function read(code: string): Promise<Kabupaten> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const regency = regencies.find((r) => r.code === code);
  if (!regency) throw new Error(`Kode kabupaten ${code} tidak ada di idn-area-data`);
  const province = provinces.find((p) => p.code === regency.province_code);
  const prefix = `${code}.`;
  const desaByKecamatan = new Map<string, Desa[]>();
  for (const village of villages) {
    if (!village.code.startsWith(prefix)) continue;
    const list = desaByKecamatan.get(village.district_code) ?? [];
    list.push({
      code: village.code,
      name: village.name,
      kind: village.code.split(".")[3]?.startsWith("1") ? "kelurahan" : "desa",
      kecamatanCode: village.district_code,
    });
    desaByKecamatan.set(village.district_code, list);
  }
  return {
    code,
    name: regency.name,
    provinceCode: regency.province_code,
    provinceName: province?.name ?? regency.province_code,
    timeZone: timeZoneOf(regency.province_code),
    kecamatan: districts
      .filter((d) => d.regency_code === code)
      .map((d) => ({ code: d.code, name: d.name, desa: desaByKecamatan.get(d.code) ?? [] })),
  };
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

/** The name of any kabupaten or kota of Indonesia ("KABUPATEN BREBES"), for a handover's other side. */
export async function kabupatenName(code: string): Promise<string | undefined> {
  return (await getRegencies()).find((r) => r.code === code)?.name;
}

let national: Promise<{ kabupaten: Set<string>; kecamatan: Set<string> }> | undefined;

/** Every kabupaten/kota and kecamatan code of Indonesia, for the NIK and No. KK region warnings. */
export function nationalCodes() {
  national ??= Promise.all([getRegencies(), getDistricts()]).then(([regencies, districts]) => ({
    kabupaten: new Set(regencies.map((r) => r.code)),
    kecamatan: new Set(districts.map((d) => d.code)),
  }));
  return national.then(({ kabupaten, kecamatan }) => ({
    hasKabupaten: (code: string) => kabupaten.has(code),
    hasKecamatan: (code: string) => kecamatan.has(code),
  }));
}
