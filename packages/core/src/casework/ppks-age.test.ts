import { describe, expect, it } from "vitest";
import { PPKS_CODES } from "../catalog/reference.ts";
import { AGED_PPKS, ppksAgeProblem } from "./ppks-age.ts";

describe("a PPKS type against the client's age", () => {
  it("names the type, its ages and where the age came from when it does not fit", () => {
    expect(ppksAgeProblem("anak-balita-terlantar", 34, "NIK")).toBe(
      "Umur klien 34 tahun (dari NIK) di luar Anak Balita Terlantar (5 tahun ke bawah). Pilih jenis PPKS yang sesuai; bila sudah benar, centang konfirmasi lalu simpan lagi.",
    );
    expect(ppksAgeProblem("lansia-terlantar", 41, "tanggal lahir")).toMatch(
      /^Umur klien 41 tahun \(dari tanggal lahir\) di luar Lanjut Usia Terlantar \(60 tahun ke atas\)\./,
    );
    expect(ppksAgeProblem("anak-terlantar", 4, "perkiraan umur")).toMatch(
      /Anak Terlantar \(6 sampai 18 tahun\)/,
    );
    // A child is under 18 (UU 35/2014): at 18 the worker is asked, except where the regulation says "sampai dengan 18".
    expect(ppksAgeProblem("anak-berhadapan-hukum", 18, "NIK")).toMatch(/anak, di bawah 18 tahun/);
    expect(ppksAgeProblem("anak-berhadapan-hukum", 17, "NIK")).toBeUndefined();
  });

  it("accepts the edges the regulation names, any age for a type without one, and no age at all", () => {
    expect(ppksAgeProblem("anak-balita-terlantar", 5, "NIK")).toBeUndefined();
    expect(ppksAgeProblem("anak-terlantar", 18, "NIK")).toBeUndefined();
    expect(ppksAgeProblem("anak-terlantar", 6, "NIK")).toBeUndefined();
    expect(ppksAgeProblem("lansia-terlantar", 60, "NIK")).toBeUndefined();
    expect(ppksAgeProblem("gelandangan", 8, "NIK")).toBeUndefined();
    expect(ppksAgeProblem("anak-jalanan", undefined, "NIK")).toBeUndefined();
  });

  it("checks only types of the catalog, and every type whose name holds an age", () => {
    for (const code of AGED_PPKS) expect(PPKS_CODES).toContain(code);
    // A misspelt key would switch its check off silently: every catalogue type named for a child or
    // an elder is here.
    expect(PPKS_CODES.filter((c) => c.startsWith("anak-") || c.startsWith("lansia-")).sort()).toEqual(
      [...AGED_PPKS].sort(),
    );
  });
});
