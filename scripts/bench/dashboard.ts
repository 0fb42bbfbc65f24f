import { randomUUID } from "node:crypto";
import { BatchWriteCommand } from "@puskesos/core/db";
import * as Actor from "@puskesos/core/actor";
import * as Auth from "@puskesos/core/auth";
import * as Complaint from "@puskesos/core/complaint";
import { browse } from "@puskesos/core/complaint/browse";
import { configure, deriveKeys } from "@puskesos/core/config";
import { configureDb, ensureTable, getItem, type Db } from "@puskesos/core/db";
import * as Demo from "@puskesos/core/demo";
import * as Region from "@puskesos/core/region";
import * as Report from "@puskesos/core/report";
import * as Time from "@puskesos/core/time";
import { startDynamoLocal } from "../../packages/functions/src/local/dynamo.ts";
import { meter } from "./capacity.ts";

/**
 * The oversight screens at the size they will have: every desa of the kabupaten (Tegal: 287) with a
 * year of monthly counters as a busy desa makes them (15 complaints a working day), their kecamatan's
 * items, two thirds of the desa having sent the month's report; and one page of the kabupaten-wide
 * complaint list over a month of 10 complaints per desa. Each screen's server time here (median) and
 * its read units (DynamoDB Local's ReturnConsumedCapacity) for one showing.
 */
export interface ScreenCost {
  screen: string;
  ms: number;
  read: number;
}

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const int = (max: number) => Math.floor(random() * max);

/** One desa's month as the counters hold it after ~450 complaints and what became of them. */
function desaMonth(): Record<string, number> {
  const c: Record<string, number> = {};
  const add = (name: string, n = 1) => (c[name] = (c[name] ?? 0) + n);
  const cats = [
    "kesehatan",
    "pendidikan",
    "bansos",
    "ekonomi",
    "perumahan",
    "adminduk",
    "data-dtks",
    "rehabilitasi",
    "lainnya",
  ];
  const ppks = [
    "fakir-miskin",
    "lansia-terlantar",
    "penyandang-disabilitas",
    "anak-terlantar",
    "perempuan-rawan-sosial-ekonomi",
    "korban-bencana-alam",
    "pemulung",
    "anak-jalanan",
    "odha",
    "korban-napza",
    "gelandangan",
    "pengemis",
  ];
  const rumpun = ["kemiskinan", "ketelantaran", "kecacatan", "bencana", "ketunaan", "kekerasan"];
  const opds = [
    "dinas-kesehatan",
    "dinas-pendidikan",
    "dinas-sosial",
    "bpjs-kesehatan",
    "disdukcapil",
    "dinas-perkim",
    "baznas",
    "dinas-tenaga-kerja",
  ];
  const fields = ["rehabilitasi", "perlindungan", "jaminan", "pemberdayaan"];
  add("t", 300 + int(200));
  const n = 350 + int(200);
  add("n", n);
  add("dpm0", Math.round(n * 0.3));
  for (let i = 0; i < n; i++) {
    add(`c.${cats[int(cats.length)]}`);
    if (random() < 0.6) add(`p.${ppks[int(ppks.length)]}`);
    if (random() < 0.6) add(`r.${rumpun[int(rumpun.length)]}`);
    const r = random();
    const state =
      r < 0.55
        ? "selesai"
        : r < 0.7
          ? "dirujuk"
          : r < 0.85
            ? "ditangani"
            : r < 0.95
              ? "diteruskan"
              : "dibatalkan";
    add(`s.${state}`);
    if (state === "selesai") add(`d.${int(30)}`);
    if (random() < 0.5) add(`fh.${fields[int(4)]}`);
  }
  add("rd", Math.round(n * 0.45));
  add("ref", Math.round(n * 0.2));
  for (let i = 0; i < n * 0.1; i++)
    add(`u.${["diusulkan", "dijadwalkan", "layak", "tidak-layak", "ditetapkan-musdes", "diekspor"][int(6)]}`);
  for (let i = 0; i < n * 0.2; i++) {
    const state = ["diajukan", "diteruskan", "disetujui", "diterima-opd", "selesai", "ditolak"][int(6)]!;
    add(`f.${state}`);
    if (["disetujui", "diterima-opd", "selesai"].includes(state)) {
      add(`o.${opds[int(opds.length)]}.${state}`);
      add(`fr.${fields[int(4)]}`);
    }
    for (const step of ["supervisor", "manajer", "opd"]) {
      if (random() < 0.5) continue;
      add(`x.${step}`);
      if (random() < 0.8) add(`xo.${step}`);
      add(`xd.${step}.${int(20)}`);
    }
  }
  return c;
}

async function batchPut(db: Db, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length) {
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: pending } }));
      pending = (out.UnprocessedItems?.[db.table] ?? []) as typeof pending;
    }
  }
}

export async function measureDashboard(runs: number): Promise<ScreenCost[]> {
  const dynamo = await startDynamoLocal();
  try {
    configure({ secureCookies: false, ...deriveKeys(randomUUID()) });
    const db = configureDb({ tableName: "bench-dashboard", endpoint: dynamo.endpoint, region: "local" });
    await ensureTable(db);
    await Actor.provide({ type: "system", name: "bench" }, () => Demo.seed());
    const kab = await Region.current();
    const month = Time.today().slice(0, 7);
    const year = month.slice(0, 4);
    const months = Array.from(
      { length: Number(month.slice(5)) },
      (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`,
    );
    // Last year's months too, so a year's Query has a whole year beside it.
    const all = [...months.map((m) => `${Number(year) - 1}${m.slice(4)}`), ...months];
    const items: Record<string, unknown>[] = [];
    const store = (region: string, m: string, counts: Record<string, number>) => {
      for (const group of Report.GROUPS) {
        const { key, set } = Report.statsKey(region, m, group);
        const mine = Object.entries(counts).filter(([name]) => Report.groupOf(name) === group);
        if (mine.length) items.push({ ...key, ...set, ...Object.fromEntries(mine) });
      }
    };
    // Desa and kecamatan counters are stored (a change writes both); the kabupaten's are summed as read.
    for (const m of all)
      for (const kec of kab.kecamatan) {
        const kecamatan: Record<string, number> = {};
        for (const desa of kec.desa) {
          const counts = desaMonth();
          for (const [name, n] of Object.entries(counts)) kecamatan[name] = (kecamatan[name] ?? 0) + n;
          store(desa.code, m, counts);
          if (m === month && random() < 0.67) {
            const submittedAt = new Date().toISOString();
            items.push({
              pk: `MONTHLY#${desa.code}#${m}`,
              sk: "LATEST",
              type: "report-latest",
              version: 1,
              submittedAt,
              gsi1pk: Report.submittedIndex(m),
              gsi1sk: Report.submittedSort(desa.code, 1, submittedAt),
            });
          }
        }
        store(kec.code, m, kecamatan);
      }
    await batchPut(db, items);

    // A month of complaints: 10 per desa, each as registration stores it (item and list entries).
    const ip = "127.0.0.1";
    const login = (username: string) =>
      Actor.provide({ type: "public", ip }, () => Auth.login({ username, password: Demo.DEMO_PASSWORD }));
    const as = async <T>(token: string, fn: () => Promise<T>) =>
      Actor.provide((await Auth.Session.resolve(token, ip))!, fn);
    const fo = await login("fo.kalisapu");
    const made = await as(fo.token, () =>
      Complaint.register({
        id: randomUUID(),
        reporter: { nik: "3328104503850001", name: "Siti Aminah", rt: "1", rw: "2" },
        category: "kesehatan",
        description: "Butuh bantuan biaya berobat.",
        ppks: ["fakir-miskin"],
        legalBasis: "persetujuan",
        consent: true,
      }),
    );
    const template = (await getItem<Record<string, unknown>>({
      pk: `COMPLAINT#${made.complaint.id}`,
      sk: "COMPLAINT",
    }))!;
    const complaints: Record<string, unknown>[] = [];
    for (const desa of kab.kecamatan.flatMap((k) => k.desa))
      for (let i = 0; i < 10; i++) {
        const id = randomUUID();
        const createdAt = new Date(Date.now() - int(20 * 86_400_000)).toISOString();
        complaints.push({
          ...template,
          pk: `COMPLAINT#${id}`,
          id,
          desaCode: desa.code,
          kecamatanCode: desa.kecamatanCode,
          createdAt,
          queueDay: `${month}-01`,
        });
        complaints.push({
          pk: `CL#${month}#all`,
          sk: `${desa.code}#${createdAt}#${id}`,
          type: "complaint-entry",
          complaintId: id,
        });
      }
    await batchPut(db, complaints);

    const totals = meter(db);
    const manajer = await login("manajer");
    const spv = await login("spv.slawi");
    const screens: [string, string, () => Promise<unknown>][] = [
      [
        "Dashboard, kabupaten, one month (287 desa, a year of counters)",
        manajer.token,
        () => Report.dashboard({ period: month }),
      ],
      ["Dashboard, kabupaten, one year", manajer.token, () => Report.dashboard({ period: year })],
      ["Dashboard, one kecamatan, one month", spv.token, () => Report.dashboard({ period: month })],
      ["Monthly report of one desa", manajer.token, () => Report.monthly({ month, desa: "33.28.10.2001" })],
      [
        "Complaint list, kabupaten, one page of 25 (2,870 in the month)",
        manajer.token,
        () => browse({ month }),
      ],
    ];
    const out: ScreenCost[] = [];
    for (const [screen, token, show] of screens) {
      await as(token, show); // warm: region data and catalog loaded once per instance
      const times: number[] = [];
      let read = 0;
      for (let i = 0; i < runs; i++) {
        const before = totals.read;
        const started = performance.now();
        await as(token, show);
        times.push(performance.now() - started);
        read = totals.read - before;
      }
      times.sort((a, b) => a - b);
      out.push({ screen, ms: times[Math.floor(times.length / 2)]!, read });
    }
    return out;
  } finally {
    await dynamo.stop();
  }
}
