/**
 * Calendar arithmetic in a time zone, pure and shared by the server and the browser. Indonesia has
 * three zones and no daylight saving, but no offset is written down here: Intl answers for any zone
 * at any instant, so a day, month or year is always the one people in that zone live in.
 */
export type TimeZone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";

export const ZONE_NAMES: Record<TimeZone, "WIB" | "WITA" | "WIT"> = {
  "Asia/Jakarta": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

// Province codes per zone (Permendagri; WITA: Bali, NTB, NTT, Kalimantan except West and Central,
// Sulawesi; WIT: Maluku, Papua). Everything else is WIB.
const WITA = ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"];
const WIT = ["81", "82", "91", "92", "93", "94", "95", "96", "97"];

/** The zone of a province (the first two digits of any Kemendagri code). */
export function timeZoneOf(provinceCode: string): TimeZone {
  const province = provinceCode.slice(0, 2);
  if (WIT.includes(province)) return "Asia/Jayapura";
  if (WITA.includes(province)) return "Asia/Makassar";
  return "Asia/Jakarta";
}

/** A local calendar position: `day` 2026-12-31, `month` 2026-12, `year` 2026, `monthNumber` 12. */
export interface LocalDate {
  day: string;
  month: string;
  year: number;
  monthNumber: number;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function parts(zone: string, at: Date): Record<string, number> {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const part of format.formatToParts(at))
    if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function localDate(zone: string, at: Date): LocalDate {
  const p = parts(zone, at);
  const year = p.year!;
  const monthNumber = p.month!;
  return {
    day: `${year}-${pad(monthNumber)}-${pad(p.day!)}`,
    month: `${year}-${pad(monthNumber)}`,
    year,
    monthNumber,
  };
}

/** Calendar day `YYYY-MM-DD` of an instant in a zone. */
export const dayIn = (zone: string, at: Date = new Date()) => localDate(zone, at).day;

/** Minutes the zone is ahead of UTC at that instant. */
export function offsetMinutes(zone: string, at: Date): number {
  const p = parts(zone, at);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayParts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The instant local midnight begins `day` in the zone. */
export function startOfDay(zone: string, day: string): Date {
  const [y, m, d] = dayParts(day);
  const guess = Date.UTC(y, m - 1, d);
  let at = guess - offsetMinutes(zone, new Date(guess)) * 60_000;
  // A zone whose offset differs at the result (daylight saving elsewhere) needs one correction.
  at = guess - offsetMinutes(zone, new Date(at)) * 60_000;
  return new Date(at);
}

/** The last millisecond of `day` in the zone. */
export const endOfDay = (zone: string, day: string) =>
  new Date(startOfDay(zone, addDays(day, 1)).getTime() - 1);

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = dayParts(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * `day` moved by `n` calendar months, on the same day of the month or its last day when the month is
 * shorter (31 March minus one month is the end of February), so a period in months never skips a month.
 */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = dayParts(day);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = dayParts(from);
  const [y2, m2, d2] = dayParts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Whole years from a birth day to a later day (both `YYYY-MM-DD`): an age on that day. */
export const yearsBetween = (from: string, to: string) =>
  Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);

export const ROMAN_MONTHS = [
  "I",
  "II",
  "III",
  "IV",
  "V",
  "VI",
  "VII",
  "VIII",
  "IX",
  "X",
  "XI",
  "XII",
] as const;

/** A month `YYYY-MM` in words, "Mei 2027". */
export function formatMonth(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString("id-ID", {
    timeZone: "UTC",
    month: "long",
    year: "numeric",
  });
}

/** "2 Desember 2026" in the zone. */
export function formatDate(zone: string, iso: string, style: "long" | "medium" = "long"): string {
  return new Date(iso).toLocaleDateString("id-ID", { timeZone: zone, dateStyle: style });
}

/** A calendar day `YYYY-MM-DD` in words, "2 Desember 2026": a day, not an instant, so no zone moves it. */
export function formatDay(day: string, style: "long" | "medium" = "long"): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("id-ID", { timeZone: "UTC", dateStyle: style });
}

/** "2 Des 2026, 14.05 WITA": an instant as people of the zone read it, with the zone named. */
export function formatDateTime(zone: string, iso: string): string {
  const text = new Date(iso).toLocaleString("id-ID", {
    timeZone: zone,
    dateStyle: "medium",
    timeStyle: "short",
  });
  return `${text} ${ZONE_NAMES[zone as TimeZone] ?? zone}`;
}

/** "14.05": the time of day in the zone. */
export function formatTime(zone: string, iso: string): string {
  return new Date(iso).toLocaleTimeString("id-ID", { timeZone: zone, timeStyle: "short" });
}
