import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { regionModuleSource } from "./module.ts";
import { nationalSource } from "./national.ts";
import type { RegionSource } from "./source.ts";

/** Writes a kabupaten's module where a bundle would find `@puskesos/core`, and imports it. */
async function built(code: string): Promise<RegionSource> {
  const dir = resolve(import.meta.dirname, "../../../functions/.regions");
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `test-${code}.mjs`);
  writeFileSync(file, await regionModuleSource(code));
  return (await import(pathToFileURL(file).href)).source;
}

const count = async (source: RegionSource, code: string) => {
  const kab = await source.kabupaten(code);
  return [kab.kecamatan.length, kab.kecamatan.reduce((n, k) => n + k.desa.length, 0)];
};

describe("a kabupaten's region module, made at build time", () => {
  it("holds exactly Kabupaten Tegal's 18 kecamatan and 287 desa, as the national list has them", async () => {
    const tegal = await built("33.28");
    expect(await count(tegal, "33.28")).toEqual([18, 287]);
    expect(await tegal.kabupaten("33.28")).toEqual(await nationalSource.kabupaten("33.28"));
  });

  it("holds exactly Kota Makassar's 15 kecamatan and 153 kelurahan, in WITA", async () => {
    const makassar = await built("73.71");
    expect(await count(makassar, "73.71")).toEqual([15, 153]);
    const kab = await makassar.kabupaten("73.71");
    expect(kab).toEqual(await nationalSource.kabupaten("73.71"));
    expect(kab.timeZone).toBe("Asia/Makassar");
    expect(kab.kecamatan[0]!.desa[0]!.kind).toBe("kelurahan");
  });

  it("refuses another kabupaten, and still knows every kabupaten and kecamatan of Indonesia by code", async () => {
    const tegal = await built("33.28");
    await expect(tegal.kabupaten("73.71")).rejects.toThrow(
      /dibuat untuk 33.28 \(Kabupaten Tegal\), bukan 73.71/,
    );
    expect(await tegal.kabupatenName("91.71")).toBe("Kota Jayapura");
    const codes = await tegal.national();
    expect([codes.hasKabupaten("73.71"), codes.hasKabupaten("99.99")]).toEqual([true, false]);
    expect([
      codes.hasKecamatan("73.71.01"),
      codes.hasKecamatan("11.01.01"),
      codes.hasKecamatan("33.28.99"),
    ]).toEqual([true, true, false]);
  });

  it("refuses a code that is not in the national list", async () => {
    await expect(regionModuleSource("99.99")).rejects.toThrow(/99.99 tidak ada/);
  });
});
