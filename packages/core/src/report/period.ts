import { FieldError } from "../error/index.ts";
import { formatMonth, today } from "../time/index.ts";

/** The first year the reports accept: no kabupaten ran this system before. */
const FIRST_YEAR = 2020;

/** A month or year (already in the right format) that is neither before the system nor in the future. */
export function assertPast(period: string, field: string): void {
  const now = today().slice(0, period.length);
  if (Number(period.slice(0, 4)) < FIRST_YEAR)
    throw FieldError(field, `Periode sebelum ${FIRST_YEAR} tidak ada datanya.`);
  if (period > now)
    throw FieldError(
      field,
      period.length === 4 ? `Tahun ${period} belum tiba.` : `Bulan ${formatMonth(period)} belum tiba.`,
    );
}

/** Whether the month is over in the kabupaten's calendar. */
export const monthEnded = (month: string) => month < today().slice(0, 7);

/** The months of a year up to the current one. */
export function monthsOf(year: string): string[] {
  const now = today().slice(0, 7);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`).filter(
    (m) => m <= now,
  );
}
