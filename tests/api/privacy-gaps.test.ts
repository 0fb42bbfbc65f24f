import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { today } from "@puskesos/core/time";
import { type Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, person } from "../support/residents.ts";

/**
 * The access report by NIK for a household member who is not the reporter: every step of her
 * household's proposal (the visit scheduled, the day's visits taken onto the phone, the verval result,
 * the musdes decision and its annex, the export batch) is listed for her, not only for the reporter;
 * and a case's entries name the case by its short id, as complaints and referrals are named.
 */
let fo: Client, survei: Client, koord: Client, manajer: Client, pdp: Client, peksos: Client;
const KALISAPU = "33.28.10.2001";
const REPORTER = person(301);
const WIFE = person(302);
/** Found by the surveyor at the visit, not in the proposal as first made. */
const GRANDCHILD = person(303);
let complaintId = "";
let trackingCode = "";
let proposalId = "";
let version = 0;
let musdesId = "";

type Entry = { what: string; kind: string; record: string; by: string };

/** The report's entries for one NIK, without the reports themselves (each report lists itself). */
async function accesses(nik: string): Promise<Entry[]> {
  const res = await pdp.post("/api/privacy/access-report", { nik });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.entries as Entry[]).filter((e) => e.what !== "Membuat laporan akses data untuk warga");
}

const proposalRecord = () => `Usulan rumah tangga ${proposalId.slice(0, 8)}`;

beforeAll(async () => {
  await freshTable();
  [fo, survei, koord, manajer, pdp, peksos] = (await Promise.all(
    ["fo.kalisapu", "survei", "koord.kalisapu", "manajer", "pdp", "peksos.slawi"].map((u, i) =>
      signedIn(u, undefined, `10.89.0.${i + 1}`),
    ),
  )) as Client[] as [Client, Client, Client, Client, Client, Client];
  const c = await fo.post("/api/complaints", complaint({}, REPORTER));
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  complaintId = c.body.id;
  trackingCode = c.body.trackingCode;
  const p = await fo.post("/api/proposals", {
    id: randomUUID(),
    complaintId,
    members: [
      { reporter: true, name: REPORTER.name, relationship: "kepala-keluarga" },
      { ...WIFE, relationship: "suami-istri" },
    ],
    houseCondition: "tidak-layak",
    incomeSource: "buruh-harian",
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  proposalId = p.body.id;
  version = p.body.version;
});

describe("a household member who is not the reporter", () => {
  it("finds the visit scheduled for her household, as the reporter does", async () => {
    const s = await survei.post(`/api/proposals/${proposalId}/schedule`, {
      version,
      visitDate: today(),
      officers: ["Teguh Prasetyo"],
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    version = s.body.version;
    const scheduled = { what: "Kunjungan verval dijadwalkan", record: proposalRecord(), by: "survei" };
    expect(await accesses(WIFE.nik)).toContainEqual(expect.objectContaining(scheduled));
    expect(await accesses(REPORTER.nik)).toContainEqual(expect.objectContaining(scheduled));
  });

  it("finds the day's visits taken onto the surveyor's phone (names, masked NIKs)", async () => {
    const visits = await survei.get(`/api/proposals?visitDate=${today()}`);
    expect(visits.status).toBe(200);
    expect(visits.body.items.map((p: { id: string }) => p.id)).toEqual([proposalId]);
    for (const nik of [WIFE.nik, REPORTER.nik])
      expect(await accesses(nik)).toContainEqual(
        expect.objectContaining({
          what: "Membawa daftar kunjungan verval ke perangkat (nama, NIK tersamar)",
          kind: "usulan",
          record: proposalRecord(),
          by: "survei",
        }),
      );
    // A list that is not a day's visits is not recorded as one.
    expect((await survei.get("/api/proposals")).status).toBe(200);
    const taken = (await accesses(WIFE.nik)).filter((e) => e.what.startsWith("Membawa daftar kunjungan"));
    expect(taken).toHaveLength(1);
  });

  it("finds the verval result, and so does a member the surveyor added at the visit", async () => {
    const v = await survei.post(`/api/proposals/${proposalId}/verify`, {
      version,
      resultId: randomUUID(),
      result: "layak",
      reason: "Rumah berdinding bambu, tanpa penghasilan tetap.",
      visitDate: today(),
      members: [
        { existing: 0, name: REPORTER.name, relationship: "kepala-keluarga" },
        { existing: 1, name: WIFE.name, relationship: "suami-istri" },
        { ...GRANDCHILD, relationship: "cucu" },
      ],
      houseCondition: "tidak-layak",
      incomeSource: "buruh-harian",
      assets: [],
      indicators: {},
    });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    version = v.body.version;
    const recorded = { what: "Hasil verval dicatat", record: proposalRecord(), by: "survei" };
    for (const nik of [WIFE.nik, GRANDCHILD.nik, REPORTER.nik])
      expect(await accesses(nik)).toContainEqual(expect.objectContaining(recorded));
  });

  it("finds the musdes decision on her household, and the annex that names it", async () => {
    musdesId = randomUUID();
    const m = await koord.post("/api/musdes", {
      id: musdesId,
      date: today(),
      place: "Balai Desa Kalisapu",
      present: 30,
      minutesRef: "BA/09/2026",
      decisions: [{ proposalId, version, confirmed: true }],
    });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    expect(m.body.decisions[0]).toMatchObject({ applied: true });
    const decided = { what: "Diputuskan Musyawarah Desa", record: proposalRecord(), by: "koord.kalisapu" };
    expect(await accesses(WIFE.nik)).toContainEqual(expect.objectContaining(decided));
    expect((await accesses(WIFE.nik)).filter((e) => e.what.startsWith("Membuka lampiran musdes"))).toEqual(
      [],
    );

    const annex = await koord.get(`/api/musdes/${musdesId}/annex`);
    expect(annex.status).toBe(200);
    expect(annex.body.households.map((h: { proposalId: string }) => h.proposalId)).toEqual([proposalId]);
    // Its heading says which kind of village held it (a kelurahan holds a musyawarah kelurahan).
    expect(annex.body.desaKind).toBe("desa");
    for (const nik of [WIFE.nik, GRANDCHILD.nik, REPORTER.nik])
      expect(await accesses(nik)).toContainEqual(
        expect.objectContaining({
          what: "Membuka lampiran musdes (nama kepala keluarga, RT/RW, keputusan)",
          kind: "usulan",
          record: `Musdes ${musdesId.slice(0, 8)}`,
          by: "koord.kalisapu",
        }),
      );
  });

  it("finds her household put into an export batch, before anyone downloads its file", async () => {
    const batch = await manajer.post("/api/proposal-exports", { id: randomUUID(), desaCode: KALISAPU });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    expect(batch.body).toMatchObject({ households: 1, members: 3 });
    for (const nik of [WIFE.nik, GRANDCHILD.nik, REPORTER.nik])
      expect(await accesses(nik)).toContainEqual(
        expect.objectContaining({
          what: "Memasukkan rumah tangga ke batch ekspor usulan untuk DTSEN/SIKS-NG",
          kind: "ekspor",
          record: proposalRecord(),
          by: "manajer",
        }),
      );
  });

  it("reads her household's whole way in order, once each", async () => {
    expect((await accesses(WIFE.nik)).map((e) => e.what)).toEqual([
      "Mengusulkan rumah tangga masuk DPM",
      "Kunjungan verval dijadwalkan",
      "Membawa daftar kunjungan verval ke perangkat (nama, NIK tersamar)",
      "Hasil verval dicatat",
      "Diputuskan Musyawarah Desa",
      "Membuka lampiran musdes (nama kepala keluarga, RT/RW, keputusan)",
      "Memasukkan rumah tangga ke batch ekspor usulan untuk DTSEN/SIKS-NG",
    ]);
  });
});

describe("a resident's case in the report", () => {
  it("is named by its short id, and opening it reads as a new case", async () => {
    const opened = await peksos.post("/api/cases", {
      id: randomUUID(),
      source: "pengaduan",
      complaintId,
      client: { name: REPORTER.name, sex: "L", ppks: "fakir-miskin" },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId: string = opened.body.id;
    expect((await peksos.get(`/api/cases/${caseId}`)).status).toBe(200);
    const cases = (await accesses(REPORTER.nik)).filter((e) => e.kind === "kasus");
    expect(cases.map(({ what, record }) => ({ what, record }))).toEqual([
      { what: "Membuka kasus baru", record: `Kasus ${caseId.slice(0, 8)}` },
      { what: "Membuka berkas kasus", record: `Kasus ${caseId.slice(0, 8)}` },
    ]);
    // The complaint keeps its own name beside it: the tracking code on the resident's receipt.
    expect((await accesses(REPORTER.nik))[0]).toMatchObject({
      what: "Mendaftarkan pengaduan",
      record: `Pengaduan kode ${trackingCode.split("-")[0]}\u2011****`,
    });
  });
});
