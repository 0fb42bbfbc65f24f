import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  formatMonth,
  endOfDay,
  formatDateTime,
  formatDay,
  localDate,
  offsetMinutes,
  startOfDay,
  timeZoneOf,
} from "./calendar.ts";

describe("kabupaten calendar", () => {
  it("knows the zone of every province code, whatever the code's length", () => {
    expect(timeZoneOf("33.28")).toBe("Asia/Jakarta");
    expect(timeZoneOf("73.71.01.1001")).toBe("Asia/Makassar");
    expect(timeZoneOf("51")).toBe("Asia/Makassar");
    expect(timeZoneOf("91.71")).toBe("Asia/Jayapura");
    expect(timeZoneOf("81.71")).toBe("Asia/Jayapura");
    expect(timeZoneOf("64.72")).toBe("Asia/Makassar");
    expect(timeZoneOf("61.71")).toBe("Asia/Jakarta");
  });

  it("reads the offsets from the zone data, not from a table", () => {
    const at = new Date("2026-12-31T12:00:00Z");
    expect(offsetMinutes("Asia/Jakarta", at)).toBe(420);
    expect(offsetMinutes("Asia/Makassar", at)).toBe(480);
    expect(offsetMinutes("Asia/Jayapura", at)).toBe(540);
  });

  it("turns the same instant into each zone's own day, month and year around midnight and a new year", () => {
    const beforeWitaMidnight = new Date("2026-12-31T15:59:59Z");
    const afterWitaMidnight = new Date("2026-12-31T16:00:00Z");
    expect(localDate("Asia/Makassar", beforeWitaMidnight)).toEqual({
      day: "2026-12-31",
      month: "2026-12",
      year: 2026,
      monthNumber: 12,
    });
    expect(localDate("Asia/Makassar", afterWitaMidnight)).toEqual({
      day: "2027-01-01",
      month: "2027-01",
      year: 2027,
      monthNumber: 1,
    });
    // WIT is an hour ahead: at that same instant it is long past midnight there, and still the old year in WIB.
    expect(localDate("Asia/Jayapura", beforeWitaMidnight).day).toBe("2027-01-01");
    expect(localDate("Asia/Jakarta", afterWitaMidnight).day).toBe("2026-12-31");
    expect(localDate("Asia/Jayapura", new Date("2026-11-30T14:59:59Z")).month).toBe("2026-11");
    expect(localDate("Asia/Jayapura", new Date("2026-11-30T15:00:00Z")).month).toBe("2026-12");
  });

  it("gives the first and last instant of a local day", () => {
    expect(startOfDay("Asia/Makassar", "2027-01-01").toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(endOfDay("Asia/Makassar", "2026-12-31").toISOString()).toBe("2026-12-31T15:59:59.999Z");
    expect(endOfDay("Asia/Jayapura", "2026-02-28").toISOString()).toBe("2026-02-28T14:59:59.999Z");
    expect(endOfDay("Asia/Jakarta", "2028-02-29").toISOString()).toBe("2028-02-29T16:59:59.999Z");
  });

  it("counts calendar days across months, years and leap days", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("names the zone with the time, and a calendar day without moving it", () => {
    expect(formatDateTime("Asia/Makassar", "2026-12-31T16:30:00Z")).toMatch(/^1 Jan 2027.*00\.30 WITA$/);
    expect(formatDateTime("Asia/Jayapura", "2026-12-31T16:30:00Z")).toMatch(/01\.30 WIT$/);
    expect(formatDay("2027-01-01")).toBe("1 Januari 2027");
  });

  it("moves a day by months, to the month's last day when it is shorter", () => {
    expect(addMonths("2026-12-02", -24)).toBe("2024-12-02");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2028-03-31", -1)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-05-20", -360)).toBe("1996-05-20");
  });
});

describe("formatMonth", () => {
  it("names a month as Indonesians write it, whatever the process's zone", () => {
    expect(formatMonth("2027-05")).toBe("Mei 2027");
    expect(formatMonth("2026-12")).toBe("Desember 2026");
  });
});
