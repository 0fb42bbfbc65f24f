import { describe, expect, it } from "vitest";
import { loadKabupaten, timeZoneOf } from "./index.ts";
import { desaKindOf, desaLabel, desaWord, kabupatenWord, musdesTitle } from "./schema.ts";

describe("regions from idn-area-data", () => {
  it("loads Kabupaten Tegal with its 18 kecamatan and 287 desa/kelurahan", async () => {
    const kab = await loadKabupaten("33.28");
    expect(kab.name).toBe("Kabupaten Tegal");
    expect(kab.provinceName).toBe("Jawa Tengah");
    expect(kab.timeZone).toBe("Asia/Jakarta");
    expect(kab.kecamatan).toHaveLength(18);
    expect(kab.kecamatan.reduce((n, k) => n + k.desa.length, 0)).toBe(287);
    const slawi = kab.kecamatan.find((k) => k.code === "33.28.10")!;
    expect(slawi.name).toBe("Slawi");
    expect(slawi.desa.find((d) => d.code === "33.28.10.2001")).toMatchObject({
      name: "Kalisapu",
      kind: "desa",
    });
    expect(slawi.desa.find((d) => d.code === "33.28.10.1007")).toMatchObject({
      name: "Kagok",
      kind: "kelurahan",
    });
  });

  it("names a kelurahan as one, and a set of villages by what they are", async () => {
    const tegal = (await loadKabupaten("33.28")).kecamatan.flatMap((k) => k.desa);
    const makassar = (await loadKabupaten("73.71")).kecamatan.flatMap((k) => k.desa);
    expect(desaLabel({ kind: "kelurahan", name: "Kagok" })).toBe("Kelurahan Kagok");
    expect(desaLabel({ kind: "desa", name: "Kalisapu" })).toBe("Desa Kalisapu");
    expect(desaWord(tegal)).toBe("desa/kelurahan");
    expect(desaWord(makassar)).toBe("kelurahan");
    expect(desaWord(tegal.filter((d) => d.kind === "desa"))).toBe("desa");
    expect(kabupatenWord({ name: "Kota Jayapura" })).toBe("Kota");
    expect(kabupatenWord({ name: "Kabupaten Tegal" })).toBe("Kabupaten");
    // A place's own word from its code alone, for a record's page that has no region tree.
    expect(desaKindOf("33.28.10.1007")).toBe("kelurahan");
    expect(desaKindOf("33.28.10.2001")).toBe("desa");
    expect(musdesTitle("73.71.01.1001")).toBe("Musyawarah kelurahan");
    expect(musdesTitle("33.28.10.2001")).toBe("Musyawarah desa");
    expect(musdesTitle()).toBe("Musyawarah desa/kelurahan");
  });

  it("refuses a kabupaten code that does not exist", async () => {
    await expect(loadKabupaten("99.99")).rejects.toThrow(/99.99 tidak ada/);
  });

  it("derives WIB, WITA and WIT from the province code", () => {
    expect(timeZoneOf("33")).toBe("Asia/Jakarta");
    expect(timeZoneOf("11")).toBe("Asia/Jakarta");
    expect(timeZoneOf("51")).toBe("Asia/Makassar"); // Bali
    expect(timeZoneOf("73")).toBe("Asia/Makassar"); // Sulawesi Selatan
    expect(timeZoneOf("64")).toBe("Asia/Makassar"); // Kalimantan Timur
    expect(timeZoneOf("61")).toBe("Asia/Jakarta"); // Kalimantan Barat
    expect(timeZoneOf("81")).toBe("Asia/Jayapura"); // Maluku
    expect(timeZoneOf("94")).toBe("Asia/Jayapura"); // Papua
  });
});
