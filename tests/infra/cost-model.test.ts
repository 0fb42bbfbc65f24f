import { describe, expect, it } from "vitest";
import { alwaysOnCost, monthlyCost, type Measured, type Options } from "../../scripts/cost/model.ts";
import { PRICES } from "../../scripts/cost/prices.ts";
import { kindOf, writeUnits } from "../../scripts/bench/write-units.ts";
import { DEFAULT_PROFILE, type Profile } from "../../scripts/cost/profile.ts";

const op = (read: number, write: number, ms: number, table = 0, indexes = 0) => ({
  read,
  write,
  ms,
  bytes: { table, indexes },
});

/** One complaint = one registration; officers only sign in; no cold starts. */
const profile: Profile = {
  ...DEFAULT_PROFILE,
  desa: 10,
  complaintsPerDesaPerDay: 10,
  workingDaysPerMonth: 20,
  perComplaint: { register: 1 },
  officersPerDay: 10,
  perOfficerDay: { "sign in": 1 },
  dpmImportsPerMonth: 0,
  monthsOfData: 1,
  coldStartsPerDay: 0,
};
const measured: Measured = {
  operations: {
    register: op(4, 16, 50, 2000, 4000),
    "sign in": op(1, 10, 300, 500, 1000),
    "import DPM, 1,000 rows (admin)": op(3, 2008, 1000, 300_000, 300_000),
  },
  logBytesPerRequest: 500,
  initMs: 300,
  siteBytes: 1024 * 1024,
};
const options: Options = {
  memoryMb: 512,
  cpuFactor: 2,
  alarmMetrics: 14,
  alarms: 5,
  secrets: 1,
  tableClass: "standard",
};
const line = (cost: ReturnType<typeof monthlyCost>, service: string) =>
  cost.items.find((i) => i.service === service)!.usd;

describe("cost model", () => {
  it("prices each line from the measured units, durations and bytes", () => {
    const cost = monthlyCost(profile, measured, PRICES, options);
    // 2,000 complaints and 200 sign-ins a month.
    expect(cost.complaintsPerMonth).toBe(2000);
    expect(cost.requests).toBe(2200);
    expect(cost.wru).toBe(2000 * 16 + 200 * 10);
    expect(line(cost, "DynamoDB requests")).toBeCloseTo(
      (34_000 / 1e6) * PRICES.dynamoWriteUnits.usd + ((2000 * 4 + 200) / 1e6) * PRICES.dynamoReadUnits.usd,
      10,
    );
    // GB-s: (2,000 × 50 + 200 × 300) ms × 2 (CPU share) × 0.5 GB.
    expect(cost.gbSeconds).toBeCloseTo(((2000 * 50 + 200 * 300) * 2 * 0.5) / 1000, 6);
    expect(line(cost, "API Gateway (HTTP API)")).toBeCloseTo((2200 / 1e6) * PRICES.httpApiRequests.usd, 10);
    expect(line(cost, "CloudWatch alarms")).toBeCloseTo(14 * PRICES.alarmMetric.usd, 10);
    // Storage: a month of complaints and sign-ins plus the 10 desa's DPM lists; PITR on the table only.
    const tableGb = (2000 * 2000 + 200 * 500 + 10 * 300_000) / 1024 ** 3;
    const indexGb = (2000 * 4000 + 200 * 1000 + 10 * 300_000) / 1024 ** 3;
    expect(line(cost, "DynamoDB storage + PITR")).toBeCloseTo(
      (tableGb + indexGb) * PRICES.dynamoStorageGbMonth.usd + tableGb * PRICES.dynamoPitrGbMonth.usd,
      10,
    );
    expect(cost.total).toBeCloseTo(
      cost.items.reduce((n, i) => n + i.usd, 0),
      10,
    );
  });

  it("grows storage with the months of data kept, and the traffic lines with the desa", () => {
    const base = monthlyCost(profile, measured, PRICES, options);
    const year = monthlyCost({ ...profile, monthsOfData: 12 }, measured, PRICES, options);
    expect(line(year, "DynamoDB storage + PITR")).toBeGreaterThan(line(base, "DynamoDB storage + PITR") * 5);
    expect(line(year, "DynamoDB requests")).toBe(line(base, "DynamoDB requests"));
    const twice = monthlyCost({ ...profile, desa: 20 }, measured, PRICES, options);
    expect(twice.complaintsPerMonth).toBe(2 * base.complaintsPerMonth);
  });

  it("trades storage for requests in the Standard-IA class", () => {
    const standard = monthlyCost({ ...profile, monthsOfData: 12 }, measured, PRICES, options);
    const ia = monthlyCost({ ...profile, monthsOfData: 12 }, measured, PRICES, {
      ...options,
      tableClass: "infrequent-access",
    });
    expect(line(ia, "DynamoDB requests")).toBeCloseTo(line(standard, "DynamoDB requests") * 1.25, 10);
    expect(line(ia, "DynamoDB storage + PITR")).toBeLessThan(line(standard, "DynamoDB storage + PITR"));
  });

  it("refuses a profile naming an operation that was not measured", () => {
    expect(() =>
      monthlyCost({ ...profile, perComplaint: { "teleport a complaint": 1 } }, measured, PRICES, options),
    ).toThrow(/No measurement for "teleport a complaint"/);
  });

  it("prices the always-on comparison for a month of 730 hours", () => {
    const server = alwaysOnCost(PRICES, 5);
    expect(server.total).toBeCloseTo(
      730 * (PRICES.ec2T4gSmallHour.usd + PRICES.rdsT4gMicroHour.usd) +
        20 * (PRICES.ebsGp3GbMonth.usd + PRICES.rdsGp3GbMonth.usd),
      10,
    );
  });

  it("has a source and a date for every price", () => {
    for (const [name, price] of Object.entries(PRICES)) {
      expect(price.source, name).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(price.asOf, name).toMatch(/^\d{4}-\d{2}$/);
      expect(price.usd, name).toBeGreaterThan(0);
    }
  });
});

describe("write units counted from item images", () => {
  const small = (pk: string, extra: Record<string, unknown> = {}) => ({ pk, sk: "S", ...extra });

  it("doubles each item of a transaction, rounded per item (DynamoDB Local reports 2 for these five)", () => {
    const puts = ["A", "B", "C", "D", "E"].map((pk) => ({ before: undefined, after: small(pk) }));
    expect(writeUnits(puts, true)).toBe(10);
    expect(writeUnits(puts, false)).toBe(5);
    // 1.5 KB is two units, before doubling.
    expect(writeUnits([{ before: undefined, after: small("A", { text: "x".repeat(1500) }) }], true)).toBe(4);
  });

  it("writes a keys-only index entry when the key is set, moved or removed, not on other changes", () => {
    const indexed = (state: string, note = "") =>
      small("A", { gsi2pk: `STATE#${state}`, gsi2sk: "2026", note: note + "x".repeat(1500) });
    // The item (2 units) and one small index entry.
    expect(writeUnits([{ before: undefined, after: indexed("a") }], false)).toBe(3);
    // A note changes: the item only.
    expect(writeUnits([{ before: indexed("a"), after: indexed("a", "more") }], false)).toBe(2);
    // The state moves: the item, the old entry deleted and the new one written.
    expect(writeUnits([{ before: indexed("a"), after: indexed("b") }], false)).toBe(4);
    // Deleted: the item and its entry.
    expect(writeUnits([{ before: indexed("a"), after: undefined }], false)).toBe(3);
  });

  it("bills a condition check like a write of the item read", () => {
    expect(writeUnits([{ before: small("A"), after: small("A"), check: true }], true)).toBe(2);
  });
});

describe("one complaint's life", () => {
  it("adds up the write units of the operations the profile makes per complaint", () => {
    const cost = monthlyCost({ ...profile, perComplaint: { register: 1.5 } }, measured, PRICES, options);
    expect(cost.wruPerComplaint).toBe(1.5 * 16);
  });

  it("splits them by kind of item written, largest first, adding up to the total", () => {
    const byKind = {
      ...measured,
      operations: {
        ...measured.operations,
        register: { ...op(4, 16, 50), writeBy: { "log audit": 5, "penghitung laporan": 8, catatan: 3 } },
      },
    };
    const cost = monthlyCost({ ...profile, perComplaint: { register: 1.5 } }, byKind, PRICES, options);
    expect(cost.wruPerComplaintBy).toEqual([
      ["penghitung laporan", 12],
      ["log audit", 7.5],
      ["catatan", 4.5],
    ]);
    expect(cost.wruPerComplaintBy.reduce((n, [, units]) => n + units, 0)).toBe(cost.wruPerComplaint);
  });

  it("names the kind of an item by its keys", () => {
    expect(kindOf({ pk: "AUDIT#complaint#1", sk: "2026-12-03T00:00:00.000Z#x" })).toBe("log audit");
    expect(kindOf({ pk: "CL#2026-12#all", sk: "33.28.10.2001#…" })).toBe("entri daftar pengaduan");
    expect(kindOf({ pk: "STATS#33.28.10#2026", sk: "main#12#33.28.10.2001" })).toBe("penghitung laporan");
    expect(kindOf({ pk: "COMPLAINT#1", sk: "EVENT#2026-12-03T00:00:00.000Z#u" })).toBe("linimasa");
    expect(kindOf({ pk: "COMPLAINT#1", sk: "COMPLAINT" })).toMatch(/^catatan/);
  });
});
