import {
  dayIn,
  formatDate as inZone,
  formatDateTime as dateTimeInZone,
  formatDay,
  formatTime as timeInZone,
  type TimeZone,
} from "@puskesos/core/time/calendar";
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

/** Today in the kabupaten, `YYYY-MM-DD`, for date fields. */
export const today = () => dayIn(zone(), new Date());

/** The kabupaten's day of a moment, `YYYY-MM-DD`. */
export const dayOf = (iso: string) => dayIn(zone(), new Date(iso));

/** "14.05" today, the full date and time on another day (a draft's save time, in the kabupaten's zone). */
export const savedWhen = (iso: string) =>
  formatDate(iso) === formatDate(new Date().toISOString()) ? formatTime(iso) : formatDateTime(iso);
