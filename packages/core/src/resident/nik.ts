/**
 * NIK and No. KK checks (DESIGN §4), pure so the form and the server give the same message.
 *
 * NIK: `PPKKCC DDMMYY SSSS`: province, kabupaten/kota, kecamatan of first registration; birth date with
 * day + 40 for women; serial. A NIK keeps the region code of its first registration and regions split
 * (pemekaran), so an unknown kabupaten or kecamatan is a warning for the officer to confirm, never a refusal.
 * No. KK: 16 digits, existing province, digits 7–12 its issue date DDMMYY (a real day, not in the future),
 * the same warning rule.
 */

/** Province codes of Kemendagri (as in idn-area-data; a unit test keeps the two equal). */
export const PROVINCE_CODES: readonly string[] = [
  "11",
  "12",
  "13",
  "14",
  "15",
  "16",
  "17",
  "18",
  "19",
  "21",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "51",
  "52",
  "53",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "72",
  "73",
  "74",
  "75",
  "76",
  "81",
  "82",
  "91",
  "92",
  "93",
  "94",
  "95",
  "96",
];

/** Lookups of region codes; a missing lookup means "not known here", and no warning is given. */
export interface RegionCodes {
  hasKabupaten?(code: string): boolean;
  hasKecamatan?(code: string): boolean;
}

export type IdCheck =
  | { ok: true; value: string; warnings: string[]; birthDate?: string; sex?: "L" | "P" }
  | { ok: false; reason: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** What NIK and No. KK share: 16 digits (spaces, dots, dashes ignored) starting with an existing province. */
function digitsOf(label: string, raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const value = raw.replace(/[\s.-]/g, "");
  if (value === "") return { ok: false, reason: `${label} wajib diisi.` };
  if (!/^\d+$/.test(value)) return { ok: false, reason: `${label} hanya boleh berisi angka.` };
  if (value.length !== 16)
    return { ok: false, reason: `${label} harus 16 digit; yang diisi ${value.length} digit.` };
  const province = value.slice(0, 2);
  if (!PROVINCE_CODES.includes(province))
    return { ok: false, reason: `${label}: kode provinsi ${province} tidak ada.` };
  return { ok: true, value };
}

function regionWarnings(label: string, value: string, regions: RegionCodes): string[] {
  const kabupaten = `${value.slice(0, 2)}.${value.slice(2, 4)}`;
  const kecamatan = `${kabupaten}.${value.slice(4, 6)}`;
  if (regions.hasKabupaten && !regions.hasKabupaten(kabupaten))
    return [
      `${label}: kode kabupaten/kota ${kabupaten} tidak dikenal (mungkin karena pemekaran wilayah). Pastikan sesuai dokumen aslinya.`,
    ];
  if (regions.hasKecamatan && !regions.hasKecamatan(kecamatan))
    return [
      `${label}: kode kecamatan ${kecamatan} tidak dikenal (mungkin karena pemekaran wilayah). Pastikan sesuai dokumen aslinya.`,
    ];
  return [];
}

export function checkNik(
  raw: string,
  options: { regions?: RegionCodes; today?: Date | string; label?: string } = {},
): IdCheck {
  const label = options.label ?? "NIK";
  const digits = digitsOf(label, raw);
  if (!digits.ok) return digits;
  const { value } = digits;

  const rawDay = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const yy = Number(value.slice(10, 12));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31)
    return {
      ok: false,
      reason: `${label}: angka tanggal lahir ${value.slice(6, 8)} tidak valid (01–31, atau 41–71 untuk perempuan).`,
    };
  if (month < 1 || month > 12)
    return { ok: false, reason: `${label}: bulan lahir ${value.slice(8, 10)} tidak valid.` };

  // A two-digit year that fits both centuries is read as the one not in the future.
  const todayKey = dayKey(options.today);
  let year = 2000 + yy;
  if (year * 10000 + month * 100 + day > todayKey) year -= 100;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1)
    return {
      ok: false,
      reason: `${label}: tanggal lahir ${pad(day)}-${pad(month)}-${year} tidak ada di kalender.`,
    };
  if (value.slice(12) === "0000") return { ok: false, reason: `${label}: nomor urut 0000 tidak valid.` };

  return {
    ok: true,
    value,
    warnings: regionWarnings(label, value, options.regions ?? {}),
    birthDate: `${year}-${pad(month)}-${pad(day)}`,
    sex: female ? "P" : "L",
  };
}

/**
 * Today as YYYYMMDD: the kabupaten's calendar day when the caller gives it (`YYYY-MM-DD`, from the time
 * module on the server or the session's zone in the browser); a Date is read on the local clock.
 */
function dayKey(today: Date | string = new Date()): number {
  if (typeof today === "string") return Number(today.replaceAll("-", ""));
  return today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
}

/**
 * No. KK numbers of this form were first issued long after 1970: a YY whose 19YY reading is earlier
 * cannot be from the 1900s, so with 20YY still to come it is an issue date in the future.
 */
const KK_EARLIEST_YEAR = 1970;

/** The year of a DDMMYY issue date: 20YY unless that is after today, then 19YY if a KK could be that old. */
function issueYear(day: number, month: number, yy: number, todayKey: number): number | undefined {
  const recent = 2000 + yy;
  if (recent * 10000 + month * 100 + day <= todayKey) return recent;
  return 1900 + yy >= KK_EARLIEST_YEAR ? 1900 + yy : undefined;
}

const isCalendarDate = (year: number, month: number, day: number) => {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

export function checkKk(
  raw: string,
  options: { regions?: RegionCodes; today?: Date | string; label?: string } = {},
): IdCheck {
  const label = options.label ?? "No. KK";
  const digits = digitsOf(label, raw);
  if (!digits.ok) return digits;
  const { value } = digits;

  // Digits 7–12 are the day the number was issued, DDMMYY.
  const shown = `${value.slice(6, 8)}-${value.slice(8, 10)}-${value.slice(10, 12)}`;
  const day = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const yy = Number(value.slice(10, 12));
  const todayKey = dayKey(options.today);
  const year = issueYear(day, month, yy, todayKey);
  // A day that exists in no reading (31-02) is not a date at all, wherever it would fall.
  if (!isCalendarDate(year ?? 2000 + yy, month, day))
    return { ok: false, reason: `${label}: tanggal terbit ${shown} tidak ada di kalender.` };
  // Neither century fits: say why for both, or "01-01-69" reads as a claim that 1969 is to come.
  if (year === undefined) {
    const yy2 = value.slice(10, 12);
    const reason = `${label}: tanggal terbit ${shown} tidak mungkin: ${shown.slice(0, 6)}20${yy2} belum tiba, dan tahun 19${yy2} sebelum ada No. KK (${KK_EARLIEST_YEAR}).`;
    return { ok: false, reason };
  }

  if (value.slice(12) === "0000") return { ok: false, reason: `${label}: nomor urut 0000 tidak valid.` };
  return { ok: true, value, warnings: regionWarnings(label, value, options.regions ?? {}) };
}

/** `3328********0001`: the form lists show, never the whole number. */
export const maskNik = (nik: string) => `${nik.slice(0, 4)}${"*".repeat(8)}${nik.slice(12)}`;
