import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { app } from "@puskesos/functions/app";
import { argsOrExit } from "../args.ts";
import { measureCapacity } from "../bench/capacity.ts";
import { alwaysOnCost, dec, monthlyCost, type Measured } from "./model.ts";
import { PRICES } from "./prices.ts";
import { DEFAULT_PROFILE, officersFor } from "./profile.ts";
import { ALARM_METRICS, ALARMS, LAMBDA_PLATFORM_LOG_BYTES } from "./stack-facts.ts";

/**
 * `npm run cost [-- --desa 300 --per-day 15 --days 22 --months 12 --cpu-factor 2]`
 *
 * The monthly AWS cost of one kabupaten's stack for a usage profile (scripts/cost/profile.ts), from
 * the request units and durations each operation takes here (measured now on DynamoDB Local, as
 * `npm run bench` does) and the price table in scripts/cost/prices.ts.
 */
const { values } = argsOrExit(
  {
    options: {
      desa: { type: "string" },
      "per-day": { type: "string" },
      days: { type: "string" },
      months: { type: "string" },
      "cpu-factor": { type: "string" },
    },
  },
  "npm run cost -- --desa 300 --per-day 15 --days 22 --months 12",
);
const number = (name: string, raw: string | undefined, fallback: number) => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} harus angka lebih dari 0.`);
    process.exit(1);
  }
  return n;
};
const profile = {
  ...DEFAULT_PROFILE,
  desa: number("desa", values.desa, DEFAULT_PROFILE.desa),
  complaintsPerDesaPerDay: number("per-day", values["per-day"], DEFAULT_PROFILE.complaintsPerDesaPerDay),
  workingDaysPerMonth: number("days", values.days, DEFAULT_PROFILE.workingDaysPerMonth),
  monthsOfData: number("months", values.months, DEFAULT_PROFILE.monthsOfData),
};
profile.officersPerDay = officersFor(profile.desa);
profile.dpmImportsPerMonth = profile.desa;
const cpuFactor = number("cpu-factor", values["cpu-factor"], 2);

// The site's size is part of the bill: built now, once the arguments are known to be good.
execFileSync("npm", ["run", "build", "--workspace", "@puskesos/web"], {
  cwd: resolve(import.meta.dirname, "../.."),
  stdio: ["ignore", "ignore", "inherit"],
});
process.env.LOG_LEVEL = "silent";
console.log("Mengukur di DynamoDB Local (seperti npm run bench)...");
const units = await measureCapacity();

// The app's own log line for one request, as the Lambda writes it.
process.env.LOG_LEVEL = "info";
const lines: string[] = [];
const write = console.log;
console.log = (line: unknown) => void lines.push(String(line));
await app.request("/api/tidak-ada");
console.log = write;
process.env.LOG_LEVEL = "silent";
const appLogBytes = Math.max(...lines.map((l) => Buffer.byteLength(l) + 1));

const siteBytes = dirBytes(resolve(import.meta.dirname, "../../packages/web/dist"));
const measured: Measured = {
  operations: Object.fromEntries(units.map((u) => [u.operation, u])),
  logBytesPerRequest: appLogBytes + LAMBDA_PLATFORM_LOG_BYTES,
  initMs: 300,
  siteBytes,
};
const options = {
  memoryMb: 512,
  cpuFactor,
  alarmMetrics: ALARM_METRICS,
  alarms: ALARMS,
  // The stack secret and the edge key.
  secrets: 2,
  tableClass: "standard" as const,
};
const cost = monthlyCost(profile, measured, PRICES, options);
const firstMonth = monthlyCost({ ...profile, monthsOfData: 1 }, measured, PRICES, options);
const infrequent = monthlyCost(profile, measured, PRICES, { ...options, tableClass: "infrequent-access" });
const server = alwaysOnCost(PRICES, cost.storedGb);

const usd = (n: number) => `US$ ${dec(n).padStart(6)}`;
console.log(
  `\nBiaya bulanan satu kabupaten (${profile.desa} desa × ${profile.complaintsPerDesaPerDay} pengaduan/hari × ${profile.workingDaysPerMonth} hari kerja = ${cost.complaintsPerMonth.toLocaleString("id-ID")} pengaduan/bulan; data ${profile.monthsOfData} bulan)\n`,
);
for (const item of cost.items) console.log(`${item.service.padEnd(26)} ${usd(item.usd)}   ${item.detail}`);
console.log(
  `${"TOTAL serverless".padEnd(26)} ${usd(cost.total)}   target < US$10: ${cost.total < 10 ? "ya" : "TIDAK"}`,
);
console.log(
  `Bulan pertama (data 1 bulan): ${usd(firstMonth.total)}   target < US$6: ${firstMonth.total < 6 ? "ya" : "TIDAK"}`,
);
console.log(
  `Satu pengaduan seumur hidupnya: ${dec(cost.wruPerComplaint, 1)} unit tulis (target ≤ 30: ${cost.wruPerComplaint <= 30 ? "ya" : "TIDAK"}), ${dec(cost.bytesPerComplaint / 1024, 1)} KB tersimpan (target ≤ 8 KB: ${cost.bytesPerComplaint <= 8 * 1024 ? "ya" : "TIDAK"})`,
);
console.log(
  `  menurut jenis item: ${cost.wruPerComplaintBy.map(([kind, n]) => `${kind} ${dec(n, 1)}`).join(", ")}`,
);
console.log(
  `Dengan kelas tabel Standard-IA (TABLE_CLASS=ia), data ${profile.monthsOfData} bulan: ${usd(infrequent.total)}`,
);
const [top, second] = [...cost.items].sort((a, b) => b.usd - a.usd);
console.log(
  `Terbesar: ${top!.service} (${((top!.usd / cost.total) * 100).toFixed(0)}%), lalu ${second!.service} (${((second!.usd / cost.total) * 100).toFixed(0)}%).`,
);
console.log("\nPembanding: server kecil yang selalu menyala");
for (const item of server.items) console.log(`${item.service.padEnd(26)} ${usd(item.usd)}   ${item.detail}`);
console.log(`${"TOTAL server".padEnd(26)} ${usd(server.total)}`);
console.log(
  `\nDiukur di sini: unit baca/tulis dan durasi tiap operasi (DynamoDB Local), ${Math.round(cost.bytesPerComplaint)} B data (dengan salinan indeks) per pengaduan menurut profil, log ${measured.logBytesPerRequest} B per permintaan, situs ${(siteBytes / 1024).toFixed(0)} KB.`,
);
console.log(
  `Asumsi: profil di scripts/cost/profile.ts; durasi Lambda = durasi di sini × ${cpuFactor} (porsi CPU ${options.memoryMb} MB); init ${measured.initMs} ms per cold start; tanpa free tier Lambda (1 juta permintaan, 400.000 GB-s per akun) yang bisa dipakai stack lain di akun yang sama.`,
);
console.log(
  "Harga: scripts/cost/prices.ts (ap-southeast-3, sumber dan tanggal per baris; tidak diambil ulang dari mesin ini, periksa sebelum dipakai untuk anggaran).",
);

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return n + (stat.isDirectory() ? dirBytes(path) : stat.size);
  }, 0);
}
