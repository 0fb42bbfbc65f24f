import { getDistricts, getRegencies, getVillages } from "idn-area-data";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { configure } from "../config/index.ts";
import { loadKabupaten, type Kabupaten } from "../region/index.ts";
import { UsernameSchema } from "../user/schema.ts";
import { DEMO_USERS, users } from "./index.ts";
import { choosePlaces, demoUsersOf, namePart } from "./users.ts";

const usernames = (kab: Kabupaten) => demoUsersOf(kab).map((u) => u.username);

describe("demo users by kabupaten", () => {
  it("keeps Kabupaten Tegal's users, places and names exactly", async () => {
    const tegal = demoUsersOf(await loadKabupaten("33.28"));
    expect(tegal.map(({ scopeName: _, ...user }) => user)).toEqual(DEMO_USERS);
    expect(tegal.map((u) => u.scopeName)).toEqual([
      "Desa Kalisapu",
      "Desa Kalisapu",
      "Desa Kalisapu",
      "Desa Kalisapu",
      "Desa Pagiyanten",
      "Kecamatan Slawi",
      "Kecamatan Adiwerna",
      "Kabupaten Tegal",
      "Kabupaten Tegal",
      "Kabupaten Tegal",
      "Kabupaten Tegal",
      "Kecamatan Slawi",
      "Kabupaten Tegal",
      "Kabupaten Tegal",
    ]);
  });

  it("places a kota without desa in its first kelurahan of the first and the next kecamatan (73.71)", async () => {
    const makassar = await loadKabupaten("73.71");
    const places = choosePlaces(makassar);
    expect([
      places.home.code,
      places.homeKecamatan.code,
      places.second.code,
      places.secondKecamatan.code,
    ]).toEqual(["73.71.01.1001", "73.71.01", "73.71.02.1001", "73.71.02"]);
    expect(usernames(makassar)).toEqual([
      "fo.bontorannu",
      "bo.bontorannu",
      "koord.bontorannu",
      "kades.bontorannu",
      "fo.sambungjawa",
      "spv.mariso",
      "spv.mamajang",
      "manajer",
      "survei",
      "opd.dinkes",
      "admin",
      "peksos.mariso",
      "peksos",
      "pdp",
    ]);
    expect(demoUsersOf(makassar)[0]!.scopeName).toBe("Kelurahan Bontorannu");
  });

  it("prefers a desa over the kelurahan listed before it (91.71)", async () => {
    const jayapura = await loadKabupaten("91.71");
    expect(usernames(jayapura).slice(0, 7)).toEqual([
      "fo.kayobatu",
      "bo.kayobatu",
      "koord.kayobatu",
      "kades.kayobatu",
      "fo.tahimasorama",
      "spv.jayapurautara",
      "spv.jayapuraselatan",
    ]);
    expect(demoUsersOf(jayapura)[4]).toMatchObject({
      scope: { level: "desa", code: "91.71.02.2007" },
      scopeName: "Desa Tahima Sorama",
    });
  });

  it("answers the same users whatever order the data comes in", async () => {
    const kab = await loadKabupaten("91.71");
    const reversed: Kabupaten = {
      ...kab,
      kecamatan: [...kab.kecamatan].reverse().map((k) => ({ ...k, desa: [...k.desa].reverse() })),
    };
    expect(demoUsersOf(reversed)).toEqual(demoUsersOf(kab));
  });

  it("gives every kabupaten in idn-area-data 14 distinct valid usernames inside it, in two kecamatan", async () => {
    const [regencies, districts, villages] = await Promise.all([
      getRegencies(),
      getDistricts(),
      getVillages(),
    ]);
    const kecamatan = new Map(
      districts.map((d) => [d.code, { code: d.code, name: d.name, desa: [] as any[] }]),
    );
    for (const village of villages)
      kecamatan.get(village.district_code)!.desa.push({
        code: village.code,
        name: village.name,
        kind: village.code.split(".")[3]!.startsWith("1") ? "kelurahan" : "desa",
        kecamatanCode: village.district_code,
      });
    expect(regencies.length).toBeGreaterThan(500);
    for (const regency of regencies) {
      const kab: Kabupaten = {
        code: regency.code,
        name: regency.name,
        provinceCode: regency.province_code,
        provinceName: regency.province_code,
        timeZone: "Asia/Jakarta",
        kecamatan: districts
          .filter((d) => d.regency_code === regency.code)
          .map((d) => kecamatan.get(d.code)!),
      };
      const demo = demoUsersOf(kab);
      expect(demo, kab.code).toHaveLength(14);
      expect(new Set(demo.map((u) => u.username)).size, kab.code).toBe(14);
      for (const { username, scope } of demo) {
        expect(v.parse(UsernameSchema, username), kab.code).toBe(username);
        expect(scope.code === kab.code || scope.code.startsWith(`${kab.code}.`), username).toBe(true);
      }
      const places = choosePlaces(kab);
      expect(places.homeKecamatan.code, kab.code).not.toBe(places.secondKecamatan.code);
      const hasDesa = kab.kecamatan.some((k) => k.desa.some((d) => d.kind === "desa"));
      expect(places.home.kind, kab.code).toBe(hasDesa ? "desa" : "kelurahan");
    }
    // Parses all 83k desa of Indonesia: seconds on a loaded two-core machine, not the unit default of 5.
  }, 60_000);

  it("numbers a username that would repeat and keeps it within 32 characters", () => {
    const long = "Sukamaju Makmur Sejahtera Bahagia Selalu";
    const kab: Kabupaten = {
      code: "11.01",
      name: "Kabupaten Contoh",
      provinceCode: "11",
      provinceName: "Aceh",
      timeZone: "Asia/Jakarta",
      kecamatan: [
        {
          code: "11.01.02",
          name: "Satu",
          desa: [{ code: "11.01.02.2001", name: long, kind: "desa", kecamatanCode: "11.01.02" }],
        },
        {
          code: "11.01.01",
          name: "Kota",
          desa: [{ code: "11.01.01.1001", name: "Kota", kind: "kelurahan", kecamatanCode: "11.01.01" }],
        },
        {
          code: "11.01.03",
          name: "Satu",
          desa: [{ code: "11.01.03.2001", name: long, kind: "desa", kecamatanCode: "11.01.03" }],
        },
      ],
    };
    expect(usernames(kab).slice(0, 7)).toEqual([
      "fo.sukamajumakmursejahterabahagi",
      "bo.sukamajumakmursejahterabahagi",
      "koord.sukamajumakmursejahterabah",
      "kades.sukamajumakmursejahterabah",
      "fo.sukamajumakmursejahterabahag2",
      "spv.satu",
      "spv.satu2",
    ]);
  });

  it("keeps letters and digits of a place name only", () => {
    expect(namePart("Pa'batang")).toBe("pabatang");
    expect(namePart("Lubuk Pakam I,II")).toBe("lubukpakamiii");
    expect(namePart('Soka"an')).toBe("sokaan");
    expect(namePart("Kampung Baru 2")).toBe("kampungbaru2");
    expect(namePart("Désa Ñusa")).toBe("desanusa");
  });

  it("refuses a kabupaten code that is not in idn-area-data, naming it", async () => {
    configure({ kabupatenCode: "99.99" });
    await expect(users()).rejects.toThrow("99.99");
    configure({});
  });
});
