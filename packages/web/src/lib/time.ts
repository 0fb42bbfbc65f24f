import {
  dayIn,
  formatDate as inZone,
  formatDateTime as dateTimeInZone,
  formatDay,
  formatTime as timeInZone,
  type TimeZone,
} from "@puskesos/core/time/calendar";
import { createMemo, createRoot, createSignal, untrack } from "solid-js";
import { me } from "./session.ts";

/**
 * Dates as the kabupaten lives them: the zone the server names for the signed-in user's kabupaten
 * (WIB/WITA/WIT), not the device's, which may be set wrong on an old shared laptop.
 */
const zone = (): TimeZone | string => me()?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "2 Desember 2026". */
export const formatDate = (iso: string, style: "long" | "medium" = "long") => inZone(zone(), iso, style);

export { formatDay };

/** "2 Des 2026, 14.05 WITA". */
export const formatDateTime = (iso: string) => dateTimeInZone(zone(), iso);

/** "14.05". */
export const formatTime = (iso: string) => timeInZone(zone(), iso);

// A page left open across the kabupaten's midnight (a night shift, a laptop never closed) moves to the new
// day: "Hari ini", a field's earliest or latest date and this month follow it. Checked each minute; the
// memo tells the page only when the day itself changes.
const [now, tick] = createSignal(Date.now());
setInterval(() => tick(Date.now()), 60_000);
const day = createRoot(() => createMemo(() => dayIn(zone(), new Date(now()))));

/** Today in the kabupaten, `YYYY-MM-DD`, for date fields; it changes at the kabupaten's midnight. */
export const today = day;

/** Today as a field's starting value, read once: the turn of the day never overwrites a date already chosen. */
export const defaultDay = () => untrack(day);

/** The kabupaten's day of a moment, `YYYY-MM-DD`. */
export const dayOf = (iso: string) => dayIn(zone(), new Date(iso));

/** "14.05" today, the full date and time on another day (a draft's save time, in the kabupaten's zone). */
export const savedWhen = (iso: string) =>
  formatDate(iso) === formatDate(new Date().toISOString()) ? formatTime(iso) : formatDateTime(iso);
