import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { nikHash } from "@puskesos/core/resident";
import { local, today } from "@puskesos/core/time";
import { app } from "@puskesos/functions/app";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { BUDI, complaint, JOKO, WATI } from "../support/residents.ts";

/**
 * The manajer's export of households confirmed at the musdes for upload to DTSEN/SIKS-NG: brought
 * there through the API (complaint → proposal → schedule → verify → musdes), exported as numbered
 * batches, downloaded as XLSX and CSV and read back cell by cell.
 */

// Fictitious residents with valid NIKs (Kalisapu 33.28.10, Pagiyanten 33.28.11); none is a real person.
const AHMAD = { nik: "3328101001150005", name: "Ahmad Fauzi" };
const RINI = { nik: "3328104811950006", name: "Rini Astuti" };
const HARTO = { nik: "3328110303800007", name: "Suharto" };
const SRI = { nik: "3328114404820008", name: "Sri Mulyani" };
const KALISAPU = "33.28.10.2001";
const PAGIYANTEN = "33.28.11.2004";

let fo: Client, foPagiyanten: Client, survei: Client, koord: Client, koordPagiyanten: Client;
let manajer: Client, admin: Client;
let day: string;
let year: number;

type Household = {
  desa: "kalisapu" | "pagiyanten";
  reporter: { nik: string; name: string; rt: string; rw: string; dusun?: string };
  kk?: string;
  members: { nik: string; name: string; relationship: string }[];
  added?: { nik: string; name: string; relationship: string }[];
  assets: string[];
  indicators: Record<string, boolean | number | string>;
};
type Made = { proposalId: string; complaintId: string; version: number };

const H1: Household = {
  desa: "kalisapu",
  reporter: { nik: WATI.nik, name: WATI.name, rt: "3", rw: "4", dusun: "Krajan" },
  kk: "3328101503100001",
  members: [
    { nik: WATI.nik, name: WATI.name, relationship: "kepala-keluarga" },
    { nik: JOKO.nik, name: JOKO.name, relationship: "suami-istri" },
  ],
  added: [{ nik: AHMAD.nik, name: AHMAD.name, relationship: "anak" }],
  assets: ["sepeda-motor", "kulkas"],
  indicators: { "ada-anggota-penyandang-disabilitas": true, "jumlah-tanggungan": 3 },
};
const H2: Household = {
  desa: "kalisapu",
  reporter: { nik: BUDI.nik, name: BUDI.name, rt: "1", rw: "2" },
  members: [
    { nik: BUDI.nik, name: BUDI.name, relationship: "kepala-keluarga" },
    { nik: RINI.nik, name: RINI.name, relationship: "suami-istri" },
  ],
  assets: [],
  indicators: { "ada-anggota-penyandang-disabilitas": false },
};
const H3: Household = {
  desa: "pagiyanten",
  reporter: { nik: HARTO.nik, name: HARTO.name, rt: "5", rw: "1" },
  members: [
    { nik: HARTO.nik, name: HARTO.name, relationship: "kepala-keluarga" },
    { nik: SRI.nik, name: SRI.name, relationship: "suami-istri" },
  ],
  assets: ["ternak"],
  indicators: {},
};

const ok = <T>(res: { status: number; body: T }, label: string) => {
  if (res.status >= 300) throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A complaint of a resident not in the DPM and its household proposal (`diusulkan`). */
async function propose(h: Household): Promise<Made> {
  const desk = h.desa === "kalisapu" ? fo : foPagiyanten;
  const c = ok(await desk.post("/api/complaints", complaint({}, h.reporter)), "complaint");
  const p = ok(
    await desk.post("/api/proposals", {
      id: randomUUID(),
      complaintId: c.id,
      ...(h.kk ? { kk: h.kk } : {}),
      members: h.members,
      houseCondition: "tidak-layak",
      incomeSource: "buruh-harian",
    }),
    "proposal",
  );
  return { proposalId: p.id, complaintId: c.id, version: p.version };
}

/** The household visited, found `layak`, and confirmed at its desa's musdes. */
async function confirm(h: Household): Promise<Made> {
  const made = await propose(h);
  const { proposalId } = made;
  ok(
    await survei.post(`/api/proposals/${proposalId}/schedule`, {
      version: made.version,
      visitDate: day,
      officers: ["Teguh Prasetyo"],
    }),
    "schedule",
  );
  const verified = ok(
    await survei.post(`/api/proposals/${proposalId}/verify`, {
      version: made.version + 1,
      resultId: randomUUID(),
      result: "layak",
      reason: "Rumah tidak layak huni, penghasilan tidak tetap.",
      visitDate: day,
      members: [
        ...h.members.map((m, existing) => ({ existing, name: m.name, relationship: m.relationship })),
        ...(h.added ?? []),
      ],
      houseCondition: "tidak-layak",
      incomeSource: "buruh-harian",
      assets: h.assets,
      indicators: h.indicators,
    }),
    "verify",
  );
  const musdes = ok(
    await (h.desa === "kalisapu" ? koord : koordPagiyanten).post("/api/musdes", {
      id: randomUUID(),
      date: day,
      place: "Balai desa",
      present: 35,
      minutesRef: "BA/07/2026",
      decisions: [{ proposalId, version: verified.version, confirmed: true }],
    }),
    "musdes",
  );
  expect(musdes.decisions[0]).toMatchObject({ applied: true });
  return { ...made, version: verified.version + 1 };
}

/** The raw bytes of a download (the test client reads non-JSON answers as text). */
async function download(client: Client, path: string) {
  const res = await app.request(`http://localhost${path}`, {
    headers: { host: "localhost", ...(client.cookie ? { cookie: client.cookie } : {}) },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Usulan");
  if (!sheet) throw new Error("no sheet Usulan");
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const value = row.getCell(i).value;
      cells.push(value === null || value === undefined ? "" : String(value));
    }
    rows.push(cells);
  });
  return rows;
}

let made: { h1: Made; h2: Made; h3: Made; waiting: Made };

beforeAll(async () => {
  await freshTable();
  day = today();
  year = local().year;
  const as = (username: string, n: number) => signedIn(username, undefined, `10.90.0.${n}`);
  [fo, foPagiyanten, survei, koord, manajer, admin] = await Promise.all([
    as("fo.kalisapu", 1),
    as("fo.pagiyanten", 2),
    as("survei", 3),
    as("koord.kalisapu", 4),
    as("manajer", 5),
    as("admin", 6),
  ]);
  // Pagiyanten has no koordinator among the demo users: the admin makes one.
  const user = ok(
    await admin.post("/api/users", {
      username: "koord.pagiyanten",
      name: "Eko Prasetyo",
      role: "koordinator",
      scope: { level: "desa", code: PAGIYANTEN },
    }),
    "user",
  );
  koordPagiyanten = new Client("10.90.0.9");
  await koordPagiyanten.login("koord.pagiyanten", user.temporaryPassword);
  ok(
    await koordPagiyanten.post("/api/auth/password", {
      currentPassword: user.temporaryPassword,
      newPassword: "pagiyanten-rahasia-2026",
    }),
    "password",
  );
  for (const indicator of [
    { label: "Ada anggota penyandang disabilitas", kind: "ya-tidak" },
    { label: "Jumlah tanggungan", kind: "angka" },
  ])
    ok(await manajer.post("/api/indicators", indicator), "indicator");
}, 60_000);

describe("export of confirmed proposals", () => {
  it("refuses other roles with 403, and an empty area with 422 naming the field", async () => {
    for (const client of [fo, survei, koord, admin]) {
      expect((await client.post("/api/proposal-exports", { id: randomUUID() })).status).toBe(403);
      expect((await client.get("/api/proposal-exports")).status).toBe(403);
      expect((await download(client, `/api/proposal-exports/${randomUUID()}/file?format=xlsx`)).status).toBe(
        403,
      );
    }
    const message = "Belum ada usulan yang ditetapkan musdes untuk diekspor.";
    const all = await manajer.post("/api/proposal-exports", { id: randomUUID() });
    expect(all.status).toBe(422);
    expect(all.body.error.fields).toEqual([{ field: "body", message }]);
    const one = await manajer.post("/api/proposal-exports", { id: randomUUID(), desaCode: KALISAPU });
    expect(one.status).toBe(422);
    expect(one.body.error.fields).toEqual([{ field: "desaCode", message }]);
    const unknown = await manajer.post("/api/proposal-exports", {
      id: randomUUID(),
      desaCode: "33.28.10.2999",
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields[0].field).toBe("desaCode");
  });

  it("brings households to ditetapkan-musdes through the API", async () => {
    made = {
      h1: await confirm(H1),
      h2: await confirm(H2),
      h3: await confirm(H3),
      waiting: await propose({ ...H1, reporter: { ...H1.reporter, nik: AHMAD.nik, name: AHMAD.name } }),
    };
    const state = async (m: Made) => (await manajer.get(`/api/proposals/${m.proposalId}`)).body.state;
    expect(await state(made.h1)).toBe("ditetapkan-musdes");
    expect(await state(made.h3)).toBe("ditetapkan-musdes");
    expect(await state(made.waiting)).toBe("diusulkan");
  }, 60_000);

  let first: any;
  let second: any;

  it("exports one desa as batch 0001, moves its proposal to diekspor with a timeline entry", async () => {
    const id = randomUUID();
    const res = await manajer.post("/api/proposal-exports", { id, desaCode: PAGIYANTEN });
    expect(res.status).toBe(201);
    first = res.body;
    expect(first).toMatchObject({
      id,
      number: `0001/USULAN-33.28/${year}`,
      desaCode: PAGIYANTEN,
      area: "Desa Pagiyanten, Kec. Adiwerna",
      by: "manajer",
      households: 1,
      members: 2,
      skipped: 0,
      remaining: 0,
      complete: true,
    });
    const p = (await manajer.get(`/api/proposals/${made.h3.proposalId}`)).body;
    expect(p.state).toBe("diekspor");
    expect(p.export).toMatchObject({ batchId: id, number: first.number, by: "manajer" });
    expect((await manajer.get(`/api/proposals/${made.h1.proposalId}`)).body.state).toBe("ditetapkan-musdes");
    const timeline = (await manajer.get(`/api/complaints/${made.h3.complaintId}/timeline`)).body;
    expect(timeline.at(-1)).toMatchObject({
      entity: "proposal",
      action: "proposal.export",
      from: "ditetapkan-musdes",
      to: "diekspor",
      by: "manajer",
    });
    // The complaint shows its proposal's state beside its own.
    const c = (await fo.get(`/api/complaints/${made.h1.complaintId}`)).body;
    expect(c.proposalState).toBe("ditetapkan-musdes");
  });

  it("answers a resend of the same id with the same batch and no second number", async () => {
    const again = await manajer.post("/api/proposal-exports", { id: first.id, desaCode: PAGIYANTEN });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first);
    const other = await manajer.post("/api/proposal-exports", { id: first.id });
    expect(other.status).toBe(409);
  });

  it("exports the rest of the kabupaten as batch 0002 and then has nothing left", async () => {
    const res = await manajer.post("/api/proposal-exports", { id: randomUUID() });
    expect(res.status).toBe(201);
    second = res.body;
    expect(second).toMatchObject({
      number: `0002/USULAN-33.28/${year}`,
      area: "Kabupaten Tegal",
      households: 2,
      members: 5,
      complete: true,
    });
    expect(second.desaCode).toBeUndefined();
    for (const m of [made.h1, made.h2])
      expect((await manajer.get(`/api/proposals/${m.proposalId}`)).body.state).toBe("diekspor");
    expect((await manajer.get(`/api/proposals/${made.waiting.proposalId}`)).body.state).toBe("diusulkan");
    const c = (await fo.get(`/api/complaints/${made.h1.complaintId}`)).body;
    expect(c.proposalState).toBe("diekspor");
    const none = await manajer.post("/api/proposal-exports", { id: randomUUID() });
    expect(none.status).toBe(422);
  });

  it("lists the batches newest first with counts and no NIK", async () => {
    const res = await manajer.get("/api/proposal-exports");
    expect(res.status).toBe(200);
    expect(res.body.items.map((b: { number: string }) => b.number)).toEqual([second.number, first.number]);
    const text = JSON.stringify(res.body);
    for (const r of [WATI, JOKO, AHMAD, BUDI, RINI, HARTO, SRI]) expect(text).not.toContain(r.nik);
    expect(text).not.toContain("proposalIds");
  });

  let rows: string[][];

  it("gives the batch as XLSX, one row per member with full NIKs and labels", async () => {
    const res = await download(manajer, `/api/proposal-exports/${second.id}/file?format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="usulan-0002-USULAN-33.28-${year}.xlsx"`,
    );
    rows = await xlsxRows(res.bytes);
    expect(rows[0]).toEqual([
      "NIK",
      "No. KK",
      "Nama",
      "Hubungan keluarga (SHDK)",
      "RT",
      "RW",
      "Dusun",
      "Kode desa",
      "Desa/kelurahan",
      "Kode kecamatan",
      "Kecamatan",
      "Kondisi rumah",
      "Sumber penghasilan",
      "Aset",
      "Ada anggota penyandang disabilitas",
      "Jumlah tanggungan",
      "Hasil verval",
      "Tanggal kunjungan verval",
      "Tanggal musdes",
      "ID usulan",
    ]);
    expect(rows).toHaveLength(1 + 5);
    // RT and RW as the registration stored them (three digits).
    const household1 = [
      "003",
      "004",
      "Krajan",
      KALISAPU,
      "Kalisapu",
      "33.28.10",
      "Slawi",
      "Tidak layak huni",
      "Buruh harian lepas",
      "Sepeda motor; Lemari es",
      "Ya",
      "3",
      "Layak",
      day,
      day,
      made.h1.proposalId,
    ];
    expect(rows[1]).toEqual([WATI.nik, H1.kk, WATI.name, "Kepala keluarga", ...household1]);
    expect(rows[2]).toEqual([JOKO.nik, H1.kk, JOKO.name, "Suami/istri", ...household1]);
    expect(rows[3]).toEqual([AHMAD.nik, H1.kk, AHMAD.name, "Anak", ...household1]);
    expect(rows[4]!.slice(0, 7)).toEqual([BUDI.nik, "", BUDI.name, "Kepala keluarga", "001", "002", ""]);
    expect(rows[5]!.slice(0, 4)).toEqual([RINI.nik, "", RINI.name, "Suami/istri"]);
    expect(rows[5]!.slice(13)).toEqual(["", "Tidak", "", "Layak", day, day, made.h2.proposalId]);

    // NIKs are text cells (a number would lose the 16th digit) and the number is a number.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Usulan")!;
    expect(typeof sheet.getCell("A2").value).toBe("string");
    expect(sheet.getCell("P2").value).toBe(3);
  });

  it("gives the same rows as CSV (UTF-8 with BOM, ';'), and the same again on a second download", async () => {
    const res = await download(manajer, `/api/proposal-exports/${second.id}/file?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="usulan-0002-USULAN-33.28-${year}.csv"`,
    );
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(res.bytes.toString("utf8").replace(/^\uFEFF/, ""), {
      delimiter: ";",
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(rows);

    const again = await download(manajer, `/api/proposal-exports/${second.id}/file?format=xlsx`);
    expect(await xlsxRows(again.bytes)).toEqual(rows);
    // One desa's batch holds that desa's household only.
    const firstRows = await xlsxRows(
      (await download(manajer, `/api/proposal-exports/${first.id}/file`)).bytes,
    );
    expect(firstRows.slice(1).map((r) => r[0])).toEqual([HARTO.nik, SRI.nik]);
    expect(firstRows[0]).not.toContain("Jumlah tanggungan");

    const bad = await manajer.get(`/api/proposal-exports/${second.id}/file?format=pdf`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe("format");
    expect((await download(manajer, `/api/proposal-exports/${randomUUID()}/file`)).status).toBe(404);
  });

  it("records the export and every download in the audit log, against the batch and the residents", async () => {
    const log = async (type: string, id: string) =>
      (await admin.get(`/api/audit?targetType=${type}&targetId=${id}`)).body.items as {
        action: string;
        by: string;
        summary: string;
      }[];
    const batch = await log("proposal-export", second.id);
    expect(batch.filter((e) => e.action === "proposal.export")).toHaveLength(1);
    expect(batch.filter((e) => e.action === "proposal.export-download")).toHaveLength(3);
    expect(batch.every((e) => e.by === "manajer")).toBe(true);
    expect(batch.find((e) => e.action === "proposal.export")!.summary).toContain(second.number);
    const proposal = await log("proposal", made.h1.proposalId);
    expect(proposal.map((e) => e.action)).toContain("proposal.export");
    const resident = await log("resident", nikHash(WATI.nik));
    expect(resident.filter((e) => e.action === "proposal.export-download")).toHaveLength(3);
  });
});
