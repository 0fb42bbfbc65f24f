import { useConfig } from "../config/index.ts";
import {
  addDays,
  endOfDay,
  formatDateTime,
  localDate,
  timeZoneOf,
  type LocalDate,
  type TimeZone,
} from "./calendar.ts";

export * from "./calendar.ts";

/**
 * Kabupaten time: every day, month and year a user sees or a rule counts (queue day, due date,
 * overdue, letter number, report month) is the kabupaten's own (WIB/WITA/WIT from its province),
 * never the server's clock zone (UTC on Lambda) and never a fixed offset.
 */
export const nowIso = () => new Date().toISOString();
export const epochSeconds = (at: number = Date.now()) => Math.floor(at / 1000);

/** The zone of the kabupaten this stack serves. */
export const kabupatenZone = (): TimeZone => timeZoneOf(useConfig().kabupatenCode);

/** Day, month and year of an instant in the kabupaten (default: now). */
export const local = (at: Date | string = new Date()): LocalDate => localDate(kabupatenZone(), new Date(at));

/** Today in the kabupaten, `YYYY-MM-DD`. */
export const today = (at: Date = new Date()) => local(at).day;

/** The end of the kabupaten's day `day`, as an ISO instant. */
export const endOfLocalDay = (day: string) => endOfDay(kabupatenZone(), day).toISOString();

/** A due date `days` days from now: the end of that local day, so a step due "in 3 days" has all of the third. */
export const dueAfter = (days: number, at: Date = new Date()) => endOfLocalDay(addDays(today(at), days));

/** True once the due instant has passed. */
export const isOverdue = (dueAt: string, at: Date = new Date()) => dueAt < at.toISOString();

/** An instant as the kabupaten reads it, for messages: "2 Des 2026, 14.05 WITA". */
export const formatLocal = (iso: string) => formatDateTime(kabupatenZone(), iso);
