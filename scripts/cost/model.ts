import type { Profile } from "./profile.ts";
import type { PriceTable } from "./prices.ts";

/** What was measured on this machine (npm run bench's numbers), per operation and overall. */
export interface Measured {
  operations: Record<
    string,
    {
      read: number;
      write: number;
      ms: number;
      bytes: { table: number; indexes: number };
      /** Write units by kind of item written; absent where not measured. */
      writeBy?: Record<string, number>;
    }
  >;
  /** Log bytes per request: the app's JSON line plus Lambda's START/END/REPORT lines. */
  logBytesPerRequest: number;
  /** Cold start billed time: import + secret read, ms. */
  initMs: number;
  /** Bytes of the built site stored in S3. */
  siteBytes: number;
}

export interface Options {
  memoryMb: number;
  /** Lambda's share of a CPU at memoryMb is smaller than this machine's core: durations × this. */
  cpuFactor: number;
  /** Alarm metrics the Monitoring stack defines (each metric of a math alarm is billed). */
  alarmMetrics: number;
  /** The alarms those metrics belong to. */
  alarms: number;
  secrets: number;
  /** DynamoDB table class: Standard-IA stores for 60% less and charges 25% more per request. */
  tableClass: "standard" | "infrequent-access";
}

const IA_REQUEST_FACTOR = 1.25;

export interface LineItem {
  service: string;
  usd: number;
  detail: string;
}

const GB = 1024 ** 3;
const DPM_IMPORT = "import DPM, 1,000 rows (admin)";
const MILLION = 1_000_000;

/** The monthly line items of one kabupaten's stack. Pure: everything comes in as arguments. */
export function monthlyCost(profile: Profile, measured: Measured, prices: PriceTable, options: Options) {
  const op = (name: string) => {
    const found = measured.operations[name];
    if (!found) throw new Error(`No measurement for "${name}"`);
    return found;
  };
  const complaintsPerMonth = profile.desa * profile.complaintsPerDesaPerDay * profile.workingDaysPerMonth;
  const officerDays = profile.officersPerDay * profile.workingDaysPerMonth;
  const calls = new Map<string, number>();
  const add = (name: string, n: number) => calls.set(name, (calls.get(name) ?? 0) + n);
  for (const [name, n] of Object.entries(profile.perComplaint)) add(name, n * complaintsPerMonth);
  for (const [name, n] of Object.entries(profile.perOfficerDay)) add(name, n * officerDays);
  add(DPM_IMPORT, profile.dpmImportsPerMonth);

  let requests = 0;
  let rru = 0;
  let wru = 0;
  let ms = 0;
  // Lasting bytes a month adds (the DPM import replaces the previous list, so it is counted once).
  let monthTable = 0;
  let monthIndexes = 0;
  for (const [name, n] of calls) {
    const o = op(name);
    requests += n;
    rru += n * o.read;
    wru += n * o.write;
    ms += n * o.ms * options.cpuFactor;
    if (name === DPM_IMPORT) continue;
    monthTable += n * o.bytes.table;
    monthIndexes += n * o.bytes.indexes;
  }
  const dpm = op(DPM_IMPORT).bytes;
  const coldStarts = profile.coldStartsPerDay * profile.workingDaysPerMonth;
  const gbSeconds =
    ((ms + coldStarts * measured.initMs * options.cpuFactor) / 1000) * (options.memoryMb / 1024);
  // Point-in-time recovery is billed on the table's own size; indexes are rebuilt on restore.
  const tableGb = (monthTable * profile.monthsOfData + dpm.table * profile.desa) / GB;
  const indexGb = (monthIndexes * profile.monthsOfData + dpm.indexes * profile.desa) / GB;
  const storedGb = tableGb + indexGb;
  const logGb = (requests * measured.logBytesPerRequest) / GB;
  const edgeGb = (requests * profile.apiResponseBytes + officerDays * profile.staticBytesPerOfficerDay) / GB;

  const ia = options.tableClass === "infrequent-access";
  const items: LineItem[] = [
    {
      service: "Lambda",
      usd: (requests / MILLION) * prices.lambdaRequests.usd + gbSeconds * prices.lambdaArmGbSecond.usd,
      detail: `${fmt(requests)} permintaan, ${fmt(gbSeconds)} GB-detik (${options.memoryMb} MB, durasi × ${options.cpuFactor}, ${fmt(coldStarts)} cold start)`,
    },
    {
      service: "API Gateway (HTTP API)",
      usd: (requests / MILLION) * prices.httpApiRequests.usd,
      detail: `${fmt(requests)} permintaan`,
    },
    {
      service: "DynamoDB requests",
      usd:
        ((wru / MILLION) * prices.dynamoWriteUnits.usd + (rru / MILLION) * prices.dynamoReadUnits.usd) *
        (ia ? IA_REQUEST_FACTOR : 1),
      detail: `${fmt(wru)} unit tulis, ${fmt(rru)} unit baca (on-demand${ia ? ", Standard-IA" : ""})`,
    },
    {
      service: "DynamoDB storage + PITR",
      usd:
        storedGb * (ia ? prices.dynamoIaStorageGbMonth.usd : prices.dynamoStorageGbMonth.usd) +
        tableGb * prices.dynamoPitrGbMonth.usd,
      detail: `${dec(storedGb)} GB (tabel ${dec(tableGb)} + salinan indeks ${dec(indexGb)}) setelah ${profile.monthsOfData} bulan, +${dec((monthTable + monthIndexes) / GB)} GB per bulan`,
    },
    {
      service: "CloudWatch Logs",
      // 30-day retention: about one month of logs is stored at any time.
      usd: logGb * (prices.logsIngestGb.usd + prices.logsStorageGbMonth.usd),
      detail: `${dec(logGb)} GB masuk, disimpan 30 hari`,
    },
    {
      service: "CloudWatch alarms",
      usd: options.alarmMetrics * prices.alarmMetric.usd,
      detail: `${options.alarms} alarm atas ${options.alarmMetrics} metrik`,
    },
    {
      service: "Secrets Manager",
      usd:
        options.secrets * prices.secret.usd +
        ((coldStarts * options.secrets) / 10_000) * prices.secretCalls.usd,
      detail: `${options.secrets} rahasia, ${fmt(coldStarts * options.secrets)} kali dibaca`,
    },
    {
      service: "CloudFront + S3",
      usd:
        (edgeGb > 1024 ? (edgeGb - 1024) * prices.cloudfrontGb.usd : 0) +
        (requests > 10 * MILLION ? ((requests - 10 * MILLION) / 10_000) * prices.cloudfrontRequests.usd : 0) +
        (measured.siteBytes / GB) * prices.s3StorageGbMonth.usd,
      detail: `${dec(edgeGb, 1)} GB dan ${fmt(requests)} permintaan (dalam gratis selamanya: 1 TB dan 10 juta)`,
    },
  ];
  const total = items.reduce((sum, i) => sum + i.usd, 0);
  return {
    items,
    total,
    complaintsPerMonth,
    requests,
    rru,
    wru,
    gbSeconds,
    storedGb,
    bytesPerComplaint: (monthTable + monthIndexes) / complaintsPerMonth,
    /** Write units of one complaint's life: the operations the profile makes per complaint. */
    wruPerComplaint: Object.entries(profile.perComplaint).reduce((n, [name, k]) => n + k * op(name).write, 0),
    /** The same, by kind of item written, largest first. */
    wruPerComplaintBy: Object.entries(
      Object.entries(profile.perComplaint).reduce<Record<string, number>>((by, [name, k]) => {
        for (const [kind, n] of Object.entries(op(name).writeBy ?? {})) by[kind] = (by[kind] ?? 0) + k * n;
        return by;
      }, {}),
    ).sort((a, b) => b[1] - a[1]),
  };
}

/** A small always-on server for the same job: EC2 t4g.small + RDS db.t4g.micro (Single-AZ). */
export function alwaysOnCost(prices: PriceTable, storageGb: number) {
  const hours = 730;
  const disk = Math.max(20, Math.ceil(storageGb));
  const items: LineItem[] = [
    { service: "EC2 t4g.small", usd: hours * prices.ec2T4gSmallHour.usd, detail: "730 jam on-demand" },
    { service: "EBS gp3 20 GB", usd: 20 * prices.ebsGp3GbMonth.usd, detail: "disk server" },
    { service: "RDS db.t4g.micro", usd: hours * prices.rdsT4gMicroHour.usd, detail: "730 jam, Single-AZ" },
    { service: `RDS storage ${disk} GB`, usd: disk * prices.rdsGp3GbMonth.usd, detail: "gp3" },
  ];
  return { items, total: items.reduce((sum, i) => sum + i.usd, 0) };
}

const fmt = (n: number) => Math.round(n).toLocaleString("id-ID");
/** A decimal as Indonesian writes it (23,15). */
export const dec = (n: number, digits = 2) =>
  n.toLocaleString("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits });
