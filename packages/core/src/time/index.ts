/** Calendar day `YYYY-MM-DD` of an instant in a time zone (WIB/WITA/WIT). */
export function dayIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

export const nowIso = () => new Date().toISOString();
export const epochSeconds = (at: number = Date.now()) => Math.floor(at / 1000);
