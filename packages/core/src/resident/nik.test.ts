import { getProvinces } from "idn-area-data";
import { describe, expect, it } from "vitest";
import { checkKk, checkNik, maskNik, PROVINCE_CODES } from "./nik.ts";

const today = new Date(2026, 10, 22);
const regions = {
  hasKabupaten: (code: string) => ["33.28", "33.71"].includes(code),
  hasKecamatan: (code: string) => ["33.28.10", "33.28.11"].includes(code),
};

describe("checkNik", () => {
  it("accepts a valid NIK of a man and reads his birth date", () => {
    expect(checkNik("3328101705880003", { today, regions })).toEqual({
      ok: true,
      value: "3328101705880003",
      warnings: [],
      birthDate: "1988-05-17",
      sex: "L",
    });
  });

  it("reads day + 40 as a woman's birth date", () => {
    expect(checkNik("3328105702950001", { today, regions })).toMatchObject({
      ok: true,
      birthDate: "1995-02-17",
      sex: "P",
    });
  });

  it("reads a two-digit year as the century not in the future", () => {
    expect(checkNik("3328101001100001", { today })).toMatchObject({ birthDate: "2010-01-10" });
    expect(checkNik("3328101012300001", { today })).toMatchObject({ birthDate: "1930-12-10" });
    // 2026-11-23 is tomorrow: so it is 1926.
    expect(checkNik("3328102311260001", { today })).toMatchObject({ birthDate: "1926-11-23" });
  });

  it("ignores spaces, dots and dashes typed by the officer", () => {
    expect(checkNik("3328 1017 0588 0003", { today })).toMatchObject({ ok: true, value: "3328101705880003" });
  });

  const refusals: [string, string][] = [
    ["", "NIK wajib diisi."],
    ["33281017058800", "NIK harus 16 digit; yang diisi 14 digit."],
    ["33281017058800031", "NIK harus 16 digit; yang diisi 17 digit."],
    ["332810170588000A", "NIK hanya boleh berisi angka."],
    ["9928101705880003", "NIK: kode provinsi 99 tidak ada."],
    ["3328103205880003", "NIK: angka tanggal lahir 32 tidak valid (01–31, atau 41–71 untuk perempuan)."],
    ["3328100005880003", "NIK: angka tanggal lahir 00 tidak valid (01–31, atau 41–71 untuk perempuan)."],
    ["3328107205880003", "NIK: angka tanggal lahir 72 tidak valid (01–31, atau 41–71 untuk perempuan)."],
    ["3328101713880003", "NIK: bulan lahir 13 tidak valid."],
    ["3328103102880003", "NIK: tanggal lahir 31-02-1988 tidak ada di kalender."],
    ["3328106902890003", "NIK: tanggal lahir 29-02-1989 tidak ada di kalender."],
    ["3328101705880000", "NIK: nomor urut 0000 tidak valid."],
  ];
  for (const [nik, reason] of refusals)
    it(`refuses ${nik || "an empty NIK"}: ${reason}`, () => {
      expect(checkNik(nik, { today, regions })).toEqual({ ok: false, reason });
    });

  it("accepts 29 February of a leap year", () => {
    expect(checkNik("3328106902880003", { today })).toMatchObject({ ok: true, birthDate: "1988-02-29" });
  });

  it("warns, without refusing, about a kabupaten or kecamatan code it does not know", () => {
    const kab = checkNik("3399101705880003", { today, regions });
    expect(kab).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining("kode kabupaten/kota 33.99 tidak dikenal")],
    });
    const kec = checkNik("3328991705880003", { today, regions });
    expect(kec).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining("kode kecamatan 33.28.99 tidak dikenal")],
    });
  });
});

describe("checkKk", () => {
  it("accepts a valid number and refuses a wrong length, province or serial", () => {
    expect(checkKk("3328100101100005", { regions })).toEqual({
      ok: true,
      value: "3328100101100005",
      warnings: [],
    });
    expect(checkKk("332810010110000", { regions })).toEqual({
      ok: false,
      reason: "No. KK harus 16 digit; yang diisi 15 digit.",
    });
    expect(checkKk("0028100101100005")).toEqual({ ok: false, reason: "No. KK: kode provinsi 00 tidak ada." });
    expect(checkKk("3328100101100000")).toEqual({
      ok: false,
      reason: "No. KK: nomor urut 0000 tidak valid.",
    });
    expect(checkKk("3328990101100005", { regions })).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining("33.28.99")],
    });
  });
});

describe("checkKk issue date (digits 7–12, DDMMYY)", () => {
  it("accepts a real date not in the future, reading YY as the century not in the future", () => {
    for (const kk of ["3328102902000005", "3328100101900005", "3328102211260005", "3328101506970005"])
      expect(checkKk(kk, { today, regions }), kk).toEqual({ ok: true, value: kk, warnings: [] });
  });

  const refusals: [string, string][] = [
    ["3328103102200005", "No. KK: tanggal terbit 31-02-20 tidak ada di kalender."],
    ["3328102902010005", "No. KK: tanggal terbit 29-02-01 tidak ada di kalender."],
    ["3328100013100005", "No. KK: tanggal terbit 00-13-10 tidak ada di kalender."],
    ["3328103204100005", "No. KK: tanggal terbit 32-04-10 tidak ada di kalender."],
    ["3328103104100005", "No. KK: tanggal terbit 31-04-10 tidak ada di kalender."],
    ["3328100100100005", "No. KK: tanggal terbit 01-00-10 tidak ada di kalender."],
    // 23-11-26 is tomorrow; 1926 is before any No. KK was issued.
    [
      "3328102311260005",
      "No. KK: tanggal terbit 23-11-26 tidak mungkin: 23-11-2026 belum tiba, dan tahun 1926 sebelum ada No. KK (1970).",
    ],
    [
      "3328100101690005",
      "No. KK: tanggal terbit 01-01-69 tidak mungkin: 01-01-2069 belum tiba, dan tahun 1969 sebelum ada No. KK (1970).",
    ],
  ];
  for (const [kk, reason] of refusals)
    it(`refuses ${kk}: ${reason}`, () => {
      expect(checkKk(kk, { today, regions })).toEqual({ ok: false, reason });
    });

  it("warns about an unknown region as for a NIK once the date is real", () => {
    expect(checkKk("3399100101100005", { today, regions })).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining("kode kabupaten/kota 33.99 tidak dikenal")],
    });
    expect(checkKk("3399103102200005", { today, regions })).toEqual({
      ok: false,
      reason: "No. KK: tanggal terbit 31-02-20 tidak ada di kalender.",
    });
  });
});

describe("PROVINCE_CODES", () => {
  it("equals the provinces of idn-area-data", async () => {
    expect([...PROVINCE_CODES].sort()).toEqual((await getProvinces()).map((p) => p.code).sort());
  });
});

it("masks a NIK to its first four and last four digits", () => {
  expect(maskNik("3328101705880003")).toBe("3328********0003");
});
