import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { formatMonth, today } from "@puskesos/core/time";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { BUDI, complaint, dpmCsv, JOKO, referral, SITI, WATI } from "../support/residents.ts";

/**
 * Oversight through the API: the complaint list of every scope, the monthly report and its versions,
 * the dashboard, the files, and the refusals (another area 404, bad input 422 naming the field).
 */
let fo: Client, bo: Client, koord: Client, kades: Client, spv: Client, spvOther: Client;
let manajer: Client, dinkes: Client, foOther: Client;
let month: string;
const KALISAPU = "33.28.10.2001";
const PAGIYANTEN = "33.28.11.2004";
const ids: Record<string, string> = {};

const USERS = [
  "fo.kalisapu",
  "bo.kalisapu",
  "koord.kalisapu",
  "kades.kalisapu",
  "spv.slawi",
  "spv.adiwerna",
  "manajer",
  "opd.dinkes",
  "fo.pagiyanten",
];

const figures = async (client: Client, query: string) =>
  (await client.get(`/api/reports/monthly?${query}`)).body;

beforeAll(async () => {
  await freshTable();
  month = today().slice(0, 7);
  const clients = await Promise.all(USERS.map((u, i) => signedIn(u, undefined, `10.81.0.${i + 1}`)));
  [fo, bo, koord, kades, spv, spvOther, manajer, dinkes, foOther] = clients as typeof clients &
    Record<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, Client>;
  const admin = await signedIn("admin", undefined, "10.81.0.20");
  await admin.request("PUT", `/api/dpm/${KALISAPU}`, dpmCsv([SITI]), { "content-type": "text/csv" });
  await fo.post("/api/queue");
  await fo.post("/api/queue");
  // In the DPM, health, two PPKS types of two rumpun: resolved in the desa in the field of jaminan.
  const inDpm = (
    await fo.post(
      "/api/complaints",
      complaint({ ppks: ["fakir-miskin", "penyandang-disabilitas"] }, { nik: SITI.nik, name: SITI.name }),
    )
  ).body;
  ids.resolved = inDpm.id;
  await bo.post(`/api/complaints/${inDpm.id}/resolve`, {
    version: inDpm.version,
    answer: "Dibantu dana desa.",
    serviceField: "jaminan",
  });
  // Not in the DPM, education: referred, approved, served by the OPD.
  const notInDpm = (
    await fo.post(
      "/api/complaints",
      complaint({ category: "pendidikan" }, { nik: WATI.nik, name: WATI.name }),
    )
  ).body;
  ids.referred = notInDpm.id;
  const ref = (await bo.post("/api/referrals", referral(notInDpm.id))).body;
  await spv.post(`/api/referrals/${ref.id}/forward`, { version: 1 });
  await manajer.post(`/api/referrals/${ref.id}/approve`, {
    version: 2,
    opd: "dinas-kesehatan",
    program: "kis-pbi",
  });
  await dinkes.post(`/api/referrals/${ref.id}/accept`, { version: 3 });
  await dinkes.post(`/api/referrals/${ref.id}/complete`, {
    version: 4,
    service: "Didaftarkan PBI-JK.",
    servedOn: today(),
    reference: "PBI/1",
  });
  // Still open at the back office, with a proposal for the household.
  const open = (await fo.post("/api/complaints", complaint({}, { nik: JOKO.nik, name: JOKO.name }))).body;
  ids.open = open.id;
  await fo.post("/api/proposals", {
    id: randomUUID(),
    complaintId: open.id,
    members: [{ reporter: true, name: JOKO.name, relationship: "kepala-keluarga" }],
    houseCondition: "tidak-layak",
    incomeSource: "buruh-harian",
  });
  // Another kecamatan's desa.
  ids.other = (
    await foOther.post(
      "/api/complaints",
      complaint({ category: "bansos" }, { nik: BUDI.nik, name: BUDI.name }),
    )
  ).body.id;
});

describe("the monthly Puskesos report", () => {
  it("counts the desa's month from the counters kept with each change", async () => {
    const report = await figures(koord, `month=${month}`);
    expect(report).toMatchObject({
      desaCode: KALISAPU,
      desaName: "Kalisapu",
      month,
      state: "belum-dikirim",
      actions: ["submit"],
    });
    const f = report.figures;
    expect(f).toMatchObject({
      tickets: 2,
      complaints: 3,
      notInDpm: 2,
      notMatched: 0,
      resolvedInDesa: 1,
      referred: 1,
      resolved: 2,
      open: 1,
    });
    expect(f.medianDaysToResolution).toBe(0);
    expect(f.byCategory.find((c: { code: string }) => c.code === "kesehatan").count).toBe(2);
    expect(f.byCategory.find((c: { code: string }) => c.code === "pendidikan").count).toBe(1);
    expect(f.byPpks).toHaveLength(26);
    expect(f.byRumpun).toHaveLength(7);
    expect(f.byPpks.find((p: { code: string }) => p.code === "fakir-miskin").count).toBe(3);
    expect(f.byRumpun.find((r: { code: string }) => r.code === "kemiskinan").count).toBe(3);
    expect(f.byRumpun.find((r: { code: string }) => r.code === "kecacatan").count).toBe(1);
    expect(f.proposals).toMatchObject({ made: 1, layak: 0, confirmed: 0 });
    expect(f.referralsByOpd).toEqual([
      {
        code: "dinas-kesehatan",
        name: expect.any(String),
        approved: 1,
        waiting: 0,
        accepted: 0,
        declined: 0,
        served: 1,
        withdrawn: 0,
      },
    ]);
    expect(f.serviceFields.find((s: { code: string }) => s.code === "jaminan")).toMatchObject({
      handled: 1,
      referred: 1,
    });
    const levels = Object.fromEntries(f.serviceLevels.map((l: { step: string }) => [l.step, l]));
    expect(levels.supervisor).toMatchObject({ finished: 1, onTime: 1, onTimeShare: 1, medianDays: 0 });
    expect(levels.manajer).toMatchObject({ finished: 1, onTime: 1 });
    expect(levels.opd).toMatchObject({ finished: 1, onTime: 1 });
  });

  it("counts apart the reporters of a desa whose DPM was not imported: not matched, not 'not in the DPM'", async () => {
    const other = await figures(spvOther, `desa=${PAGIYANTEN}&month=${month}`);
    expect(other.figures).toMatchObject({ complaints: 1, notInDpm: 0, notMatched: 1 });
  });

  it("is sent by the koordinator, corrected with a note as a new version, and read by the kepala desa", async () => {
    expect((await kades.post("/api/reports/monthly/submit", { month, version: 0 })).status).toBe(403);
    const sent = await koord.post("/api/reports/monthly/submit", { month, version: 0 });
    expect(sent.status).toBe(200);
    // Just sent: nothing differs yet, so no correction is offered (the view carries none).
    expect(sent.body).toMatchObject({
      state: "dikirim",
      actions: [],
      submissions: [{ version: 1, submittedBy: "koord.kalisapu", submittedByName: "Dwi Lestari" }],
    });
    expect((await figures(koord, `month=${month}`)).actions).toEqual([]);
    // Someone sent meanwhile: the second send of version 0 loses.
    const again = await koord.post("/api/reports/monthly/submit", { month, version: 0 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/sudah dikirim \(versi 1 oleh Dwi Lestari\)/);
    const noNote = await koord.post("/api/reports/monthly/submit", { month, version: 1 });
    expect(noNote.status).toBe(422);
    expect(noNote.body.error.fields).toEqual([{ field: "note", message: "Tulis apa yang dikoreksi." }]);
    // Nothing changed since version 1: a correction would only copy it.
    const same = await koord.post("/api/reports/monthly/submit", { month, version: 1, note: "Cek ulang." });
    expect(same.status).toBe(422);
    expect(same.body.error.message).toBe("Angka saat ini sama dengan versi 1: tidak ada yang dikoreksi.");
    expect((await fo.post("/api/queue")).status).toBe(201);
    // A figure has changed since: the correction is offered.
    expect((await figures(koord, `month=${month}`)).actions).toEqual(["correct"]);
    const corrected = await koord.post("/api/reports/monthly/submit", {
      month,
      version: 1,
      note: "Satu warga terlambat dicatat antreannya.",
    });
    expect(corrected.body.submissions.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    const read = await figures(kades, `month=${month}`);
    expect(read).toMatchObject({ state: "dikirim", actions: [] });
    expect(read.submissions[0]).toMatchObject({
      version: 2,
      note: "Satu warga terlambat dicatat antreannya.",
    });
  });

  it("is read above the desa for a desa in scope, and is 404 outside it", async () => {
    expect((await figures(spv, `month=${month}&desa=${KALISAPU}`)).figures.complaints).toBe(3);
    expect((await figures(manajer, `month=${month}&desa=${KALISAPU}`)).figures.complaints).toBe(3);
    expect((await spvOther.get(`/api/reports/monthly?month=${month}&desa=${KALISAPU}`)).status).toBe(404);
    expect((await koord.get(`/api/reports/monthly?month=${month}&desa=${PAGIYANTEN}`)).body.desaCode).toBe(
      KALISAPU,
    );
    expect((await fo.get(`/api/reports/monthly?month=${month}`)).status).toBe(403);
    const noDesa = await manajer.get(`/api/reports/monthly?month=${month}`);
    expect(noDesa.status).toBe(422);
    expect(noDesa.body.error.fields[0].field).toBe("desa");
  });

  it("refuses an unknown month, a future one, and an unknown parameter with 422 naming the field", async () => {
    const cases: [string, string][] = [
      ["month=2026-13", "month"],
      ["month=november", "month"],
      [`month=${Number(month.slice(0, 4)) + 1}-01`, "month"],
      ["month=1999-01", "month"],
    ];
    for (const [query, field] of cases) {
      const res = await koord.get(`/api/reports/monthly?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.error.fields[0].field, query).toBe(field);
      expect(res.body.error.message, query).toMatch(/[a-z]/);
    }
    // The month in words, as the page says it.
    const next = `${Number(month.slice(0, 4)) + 1}-01`;
    expect((await koord.get(`/api/reports/monthly?month=${next}`)).body.error.message).toBe(
      `Bulan Januari ${next.slice(0, 4)} belum tiba.`,
    );
    const unknown = await koord.get(`/api/reports/monthly?month=${month}&bulan=1`);
    expect(unknown.status).toBe(422);
  });

  it("downloads the report as XLSX with the screen's figures, and as CSV", async () => {
    const xlsx = await koord.request("GET", `/api/reports/monthly/file?month=${month}&format=xlsx&version=2`);
    expect(xlsx.status).toBe(200);
    const res = await (
      await import("../../packages/functions/src/app.ts")
    ).app.request(`http://localhost/api/reports/monthly/file?month=${month}&format=xlsx`, {
      headers: { cookie: koord.cookie!, host: "localhost" },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const summary = book.getWorksheet("Ringkasan")!;
    const value = (label: string) => summary.getColumn(1).values.indexOf(label);
    const row = (label: string) => summary.getRow(value(label)).getCell(2).value;
    expect(row("Pengaduan tercatat")).toBe(3);
    expect(row("Diselesaikan di desa")).toBe(1);
    expect(row("Masih terbuka")).toBe(1);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Laporan",
      "Ringkasan",
      "Kategori",
      "Jenis PPKS",
      "Rumpun",
      "Status",
      "Rujukan per OPD",
      "Bidang layanan",
      "Tingkat layanan",
    ]);
    const csv = await koord.get(`/api/reports/monthly/file?month=${month}&format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain("Pengaduan tercatat;3");
    // When the figures were taken, in the kabupaten's time (WIB here), which version was sent last, and
    // the month in words; the file is named by the desa's code and name.
    expect(String(csv.body)).toMatch(
      /Versi;"Angka per \d{1,2} \w{3} \d{4}, \d{2}\.\d{2} WIB \(angka saat ini; versi 2 dikirim \d{1,2} \w{3} \d{4}, \d{2}\.\d{2} WIB\)"/,
    );
    expect(csv.headers.get("content-disposition")).toBe(
      `attachment; filename="laporan-${KALISAPU}-kalisapu-${month}.csv"`,
    );
    expect(String(csv.body)).toContain(`Bulan;${formatMonth(month)}`);
    expect((await koord.get(`/api/reports/monthly/file?month=${month}&format=pdf`)).status).toBe(422);
    expect((await koord.get(`/api/reports/monthly/file?month=${month}&format=csv&version=9`)).status).toBe(
      404,
    );
  });
});

describe("the dashboard", () => {
  it("shows the kabupaten per kecamatan, who sent the month's report, and the trend", async () => {
    const d = (await manajer.get(`/api/reports/dashboard?period=${month}`)).body;
    expect(d.area).toMatchObject({ level: "kabupaten", code: "33.28" });
    // Three queue numbers: two before the report was sent, one before its correction.
    expect(d.totals).toMatchObject({ complaints: 4, tickets: 3, resolved: 2 });
    expect(d.rows).toHaveLength(18);
    expect(d.rows.find((r: { code: string }) => r.code === "33.28.10").figures.complaints).toBe(3);
    expect(d.rows.find((r: { code: string }) => r.code === "33.28.11").figures.complaints).toBe(1);
    expect(d.submissions).toMatchObject({ submitted: 1, total: 287 });
    expect(d.trend.find((t: { month: string }) => t.month === month)).toMatchObject({
      complaints: 4,
      resolved: 2,
      open: 2,
    });
    expect(d.overdueNow).toMatchObject({ total: 0 });
    const year = (await manajer.get(`/api/reports/dashboard?period=${month.slice(0, 4)}`)).body;
    expect(year.totals.complaints).toBe(4);
    expect(year.submissions).toBeUndefined();
  });

  it("drills into a kecamatan and a desa; a supervisor sees only its kecamatan", async () => {
    const kec = (await spv.get(`/api/reports/dashboard?period=${month}`)).body;
    expect(kec.area).toMatchObject({ level: "kecamatan", code: "33.28.10" });
    expect(kec.rows.find((r: { code: string }) => r.code === KALISAPU)).toMatchObject({
      figures: { complaints: 3 },
      submitted: { version: 2 },
    });
    expect(kec.submissions.submitted).toBe(1);
    expect((await spv.get(`/api/reports/dashboard?period=${month}&area=33.28`)).status).toBe(404);
    expect((await spv.get(`/api/reports/dashboard?period=${month}&area=${PAGIYANTEN}`)).status).toBe(404);
    const desa = (await kades.get(`/api/reports/dashboard?period=${month.slice(0, 4)}`)).body;
    expect(desa.area).toMatchObject({ level: "desa", code: KALISAPU });
    expect(desa.rows.find((r: { code: string }) => r.code === month).figures.complaints).toBe(3);
    expect((await fo.get(`/api/reports/dashboard?period=${month}`)).status).toBe(403);
  });

  it("refuses a future year and a malformed period naming the field", async () => {
    for (const period of [`${Number(month.slice(0, 4)) + 1}`, "2026-00", "26"]) {
      const res = await manajer.get(`/api/reports/dashboard?period=${period}`);
      expect(res.status, period).toBe(422);
      expect(res.body.error.fields[0].field).toBe("period");
    }
  });
});

describe("the complaint list of every scope", () => {
  const listed = async (client: Client, query: string) => {
    const res = await client.get(`/api/complaints/browse?month=${month}&${query}`);
    expect(res.status, query).toBe(200);
    return res.body.items.map((c: { id: string }) => c.id).sort();
  };

  it("lists the kabupaten, a kecamatan and a desa, picked one way at a time", async () => {
    expect(await listed(manajer, "")).toEqual([ids.resolved, ids.referred, ids.open, ids.other].sort());
    expect(await listed(manajer, "kecamatan=33.28.11")).toEqual([ids.other]);
    expect(await listed(manajer, `desa=${KALISAPU}&state=selesai`)).toEqual(
      [ids.resolved, ids.referred].sort(),
    );
    expect(await listed(manajer, "category=pendidikan")).toEqual([ids.referred]);
    expect(await listed(manajer, "rumpun=kecacatan")).toEqual([ids.resolved]);
    expect(await listed(manajer, "ppks=penyandang-disabilitas")).toEqual([ids.resolved]);
    expect(await listed(manajer, "dpm=ada")).toEqual([ids.resolved]);
    // The other kecamatan's desa has no DPM imported: its complaint was not matched, which is no finding.
    expect(await listed(manajer, "dpm=tidak")).toEqual([ids.referred, ids.open].sort());
    expect(await listed(manajer, "dpm=belum")).toEqual([ids.other]);
    // The audit trail says so too, rather than "not in the DPM".
    const admin = await signedIn("admin", undefined, "10.81.0.21");
    const registered = async (id: string) =>
      (await admin.get(`/api/audit?targetType=complaint&targetId=${id}`)).body.items.find(
        (e: { action: string }) => e.action === "complaint.register",
      )?.summary;
    expect(await registered(ids.other!)).toMatch(/\(tidak dicocokkan: DPM belum diimpor\)$/);
    expect(await registered(ids.referred!)).toMatch(/\(tidak ada di DPM\)$/);
    expect(await listed(spv, "")).toEqual([ids.resolved, ids.referred, ids.open].sort());
    expect(await listed(kades, "")).toEqual([ids.resolved, ids.referred, ids.open].sort());
    const kadesView = (await kades.get(`/api/complaints/browse?month=${month}`)).body.items;
    expect(kadesView.every((c: { actions: string[] }) => c.actions.length === 0)).toBe(true);
    expect(await listed(spv, "overdue=ya")).toEqual([]);
  });

  it("pages with a cursor, newest or oldest first", async () => {
    const first = (await manajer.get(`/api/complaints/browse?month=${month}&desa=${KALISAPU}&sort=terlama`))
      .body.items;
    expect(first.map((c: { id: string }) => c.id)).toEqual([ids.resolved, ids.referred, ids.open]);
  });

  it("answers 404 outside the scope and 422 naming the field for bad picks", async () => {
    expect((await spv.get(`/api/complaints/browse?month=${month}&desa=${PAGIYANTEN}`)).status).toBe(404);
    expect((await kades.get(`/api/complaints/browse?month=${month}&kecamatan=33.28.10`)).status).toBe(404);
    const cases: [string, string][] = [
      ["state=selesai&category=kesehatan", "category"],
      ["state=hilang", "state"],
      ["rumpun=apa", "rumpun"],
      ["kecamatan=33.28.10&desa=33.28.11.2004", "desa"],
      ["month=2026-13", "month"],
    ];
    for (const [query, field] of cases) {
      const res = await manajer.get(
        `/api/complaints/browse?${query.startsWith("month") ? "" : `month=${month}&`}${query}`,
      );
      expect(res.status, query).toBe(422);
      expect(res.body.error.fields[0].field, query).toBe(field);
    }
    expect((await manajer.get("/api/complaints/browse")).body.error.fields[0].field).toBe("month");
  });

  it("downloads the list with NIK masked, or in full for a role that may reveal it (audited)", async () => {
    const masked = await kades.get(`/api/complaints/browse/file?month=${month}&format=csv`);
    expect(masked.status).toBe(200);
    expect(String(masked.body)).not.toContain(SITI.nik);
    expect(String(masked.body)).toContain("Siti Aminah");
    expect(
      (await kades.get(`/api/complaints/browse/file?month=${month}&format=csv&nik=lengkap`)).status,
    ).toBe(403);
    const full = await manajer.get(`/api/complaints/browse/file?month=${month}&format=csv&nik=lengkap`);
    expect(String(full.body)).toContain(SITI.nik);
    expect(String(full.body)).toContain(BUDI.nik);
  });
});
