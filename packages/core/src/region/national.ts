import type { Desa, Kabupaten } from "./schema.ts";
import { desaOf, type NationalCodes, type RegionSource } from "./source.ts";
import { timeZoneOf } from "../time/calendar.ts";

/** idn-area-data and its CSV reader load with the first call that needs them, not at import. */
const areaData = () => import("idn-area-data");

const kabupatenCache = new Map<string, Promise<Kabupaten>>();
let nationalCodes: Promise<NationalCodes> | undefined;

/** All of Indonesia from idn-area-data, read once per process: any kabupaten may be asked for. */
export const nationalSource: RegionSource = {
  kabupaten(code) {
    let pending = kabupatenCache.get(code);
    if (!pending) {
      pending = readKabupaten(code);
      kabupatenCache.set(code, pending);
      pending.catch(() => kabupatenCache.delete(code));
    }
    return pending;
  },
  async kabupatenName(code) {
    return (await (await areaData()).getRegencies()).find((r) => r.code === code)?.name;
  },
  async kabupatenNames() {
    return Object.fromEntries((await (await areaData()).getRegencies()).map((r) => [r.code, r.name]));
  },
  national() {
    nationalCodes ??= (async () => {
      const data = await areaData();
      const [regencies, districts] = await Promise.all([data.getRegencies(), data.getDistricts()]);
      const kabupaten = new Set(regencies.map((r) => r.code));
      const kecamatan = new Set(districts.map((d) => d.code));
      return { hasKabupaten: (c: string) => kabupaten.has(c), hasKecamatan: (c: string) => kecamatan.has(c) };
    })();
    return nationalCodes;
  },
};

/** Every kabupaten's name and every kecamatan's code, for a region module (module.ts). */
export async function nationalLists() {
  const data = await areaData();
  const [regencies, districts] = await Promise.all([data.getRegencies(), data.getDistricts()]);
  return {
    kabupaten: Object.fromEntries(regencies.map((r) => [r.code, r.name])),
    kecamatanCodes: districts.map((d) => d.code),
  };
}

async function readKabupaten(code: string): Promise<Kabupaten> {
  const data = await areaData();
  const [provinces, regencies, districts, villages] = await Promise.all([
    data.getProvinces(),
    data.getRegencies(),
    data.getDistricts(),
    data.getVillages(),
  ]);
  const regency = regencies.find((r) => r.code === code);
  if (!regency) throw new Error(`Kode kabupaten ${code} tidak ada di idn-area-data`);
  const province = provinces.find((p) => p.code === regency.province_code);
  const prefix = `${code}.`;
  const desaByKecamatan = new Map<string, Desa[]>();
  for (const village of villages) {
    if (!village.code.startsWith(prefix)) continue;
    const list = desaByKecamatan.get(village.district_code) ?? [];
    list.push(desaOf(village.code, village.name));
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
