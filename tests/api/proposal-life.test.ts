import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDay, today } from "@puskesos/core/time";
import { Client, createdUser, freshTable, signedIn } from "../support/api.ts";
import { complaint, dpmCsv, person, referral, SITI } from "../support/residents.ts";

/**
 * A household proposal's whole life (issue 11): the complaint is never parked, the survey team
 * schedules and verifies, the desa's musdes decides, a later DPM import closes the loop; and a
 * complaint cancelled takes its proposal and referral with it. Every step refused to the wrong role,
 * the wrong scope, the wrong state and a stale version.
 */
let fo: Client, bo: Client, koord: Client, kades: Client, survei: Client, surveiAdiwerna: Client;
let spv: Client, manajer: Client, admin: Client;
const KALISAPU = "33.28.10.2001";
let counter = 100;

beforeAll(async () => {
  await freshTable();
  const ip = (i: number) => `10.110.0.${i}`;
  const as = (username: string, i: number) => signedIn(username, undefined, ip(i));
  fo = await as("fo.kalisapu", 1);
  bo = await as("bo.kalisapu", 2);
  koord = await as("koord.kalisapu", 3);
  kades = await as("kades.kalisapu", 4);
  survei = await as("survei", 5);
  spv = await as("spv.slawi", 6);
  manajer = await as("manajer", 7);
  admin = await as("admin", 8);
  surveiAdiwerna = await createdUser(admin, {
    username: "survei.adiwerna",
    name: "Tim Survei Adiwerna",
    role: "survei",
    scope: { level: "kecamatan", code: "33.28.11" },
  });
  await admin.request("PUT", `/api/dpm/${KALISAPU}`, dpmCsv([SITI]), { "content-type": "text/csv" });
});

/** A complaint of a resident not in the DPM, and the household proposed from it (the reporter first). */
async function proposed(): Promise<{
  complaintId: string;
  id: string;
  reporter: { nik: string; name: string };
}> {
  const reporter = person(counter++);
  const c = await fo.post("/api/complaints", complaint({}, reporter));
  expect(c.body).toMatchObject({ state: "diteruskan", dpm: { found: false } });
  const p = await fo.post("/api/proposals", {
    id: randomUUID(),
    complaintId: c.body.id,
    members: [
      { reporter: true, name: reporter.name, relationship: "kepala-keluarga" },
      { ...person(counter++), relationship: "anak" },
    ],
    houseCondition: "tidak-layak",
    incomeSource: "buruh-harian",
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  return { complaintId: c.body.id, id: p.body.id, reporter };
}

const visit = (version: number, over: Record<string, unknown> = {}) => ({
  version,
  resultId: randomUUID(),
  result: "layak",
  reason: "Rumah berdinding bambu, tanpa penghasilan tetap.",
  visitDate: today(),
  members: [
    { existing: 0, name: "Kepala Keluarga", relationship: "kepala-keluarga" },
    { existing: 1, name: "Anak Pertama", relationship: "anak" },
  ],
  houseCondition: "tidak-layak",
  incomeSource: "buruh-harian",
  assets: ["sepeda-motor"],
  indicators: {},
  ...over,
});

async function verified(): Promise<{
  complaintId: string;
  id: string;
  reporter: { nik: string; name: string };
}> {
  const p = await proposed();
  const s = await survei.post(`/api/proposals/${p.id}/schedule`, {
    version: 1,
    visitDate: today(),
    officers: ["Teguh"],
  });
  expect(s.body.state).toBe("dijadwalkan");
  const v = await survei.post(`/api/proposals/${p.id}/verify`, visit(2));
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  return p;
}

describe("no complaint parked", () => {
  it("lets the back office handle and refer a complaint whose household is being proposed", async () => {
    const p = await proposed();
    const c = await bo.get(`/api/complaints/${p.complaintId}`);
    expect(c.body).toMatchObject({ state: "diteruskan", proposalState: "diusulkan" });
    expect(c.body.actions).toEqual(expect.arrayContaining(["handle", "resolve", "refer"]));
    const program = await manajer.post("/api/catalog/programs", {
      name: "JAMKESDA Tegal",
      field: "kesehatan",
      serviceField: "jaminan",
    });
    expect(program.status).toBe(201);
    const r = await bo.post("/api/referrals", referral(p.complaintId, { programs: ["jamkesda-tegal"] }));
    expect(r.status).toBe(201);
    expect((await fo.get(`/api/complaints/${p.complaintId}`)).body).toMatchObject({
      state: "dirujuk",
      proposalState: "diusulkan",
    });
    // The proposal holds the reporter's own NIK, masked, as its first member.
    const proposal = await survei.get(`/api/proposals/${p.id}`);
    expect(proposal.body.members[0].nikMasked).toBe(
      `${p.reporter.nik.slice(0, 4)}********${p.reporter.nik.slice(12)}`,
    );
  });
});

describe("verification in the field", () => {
  it("lists the team's whole scope by default, by state, area and visit day", async () => {
    const p = await proposed();
    expect((await survei.get("/api/proposals")).body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(
      (await survei.get("/api/proposals?state=diusulkan&kecamatan=33.28.10")).body.items.length,
    ).toBeGreaterThan(0);
    expect(
      (await survei.get("/api/proposals?state=layak&desa=33.28.10.2001")).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).not.toContain(p.id);
    expect((await surveiAdiwerna.get("/api/proposals")).body.items).toEqual([]);
    await survei.post(`/api/proposals/${p.id}/schedule`, {
      version: 1,
      visitDate: today(),
      officers: ["Teguh", "Rina"],
    });
    const visits = await survei.get(`/api/proposals?visitDate=${today()}`);
    expect(visits.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(visits.body.items.find((i: { id: string }) => i.id === p.id).actions).toEqual([
      "schedule",
      "verify",
    ]);
    // The complaint's history names the visit's day in words, as every other date on screen.
    const timeline = await bo.get(`/api/complaints/${p.complaintId}/timeline`);
    expect(timeline.body.map((e: { note?: string }) => e.note)).toContain(
      `Kunjungan ${formatDay(today(), "medium")} oleh Teguh, Rina`,
    );
  });

  it("schedules and records a result once; refuses the wrong role, scope, state, version and input", async () => {
    const p = await proposed();
    const body = { version: 1, visitDate: today(), officers: ["Teguh"] };
    expect((await fo.post(`/api/proposals/${p.id}/schedule`, body)).status).toBe(403);
    expect((await spv.post(`/api/proposals/${p.id}/schedule`, body)).status).toBe(403);
    expect((await surveiAdiwerna.post(`/api/proposals/${p.id}/schedule`, body)).status).toBe(404);
    const past = await survei.post(`/api/proposals/${p.id}/schedule`, { ...body, visitDate: "2020-01-01" });
    expect(past.body.error.fields).toEqual([
      { field: "visitDate", message: "Tanggal kunjungan tidak boleh di masa lalu." },
    ]);
    expect((await survei.post(`/api/proposals/${p.id}/verify`, visit(1))).status).toBe(409);
    expect((await survei.post(`/api/proposals/${p.id}/schedule`, body)).body.state).toBe("dijadwalkan");
    expect((await survei.post(`/api/proposals/${p.id}/schedule`, body)).status).toBe(409);

    const future = await survei.post(`/api/proposals/${p.id}/verify`, visit(2, { visitDate: "2099-01-01" }));
    expect(future.body.error.fields).toEqual([
      { field: "visitDate", message: "Tanggal kunjungan tidak boleh di masa depan." },
    ]);
    const noReason = await survei.post(`/api/proposals/${p.id}/verify`, visit(2, { reason: "" }));
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0].field).toBe("reason");
    const badMember = await survei.post(
      `/api/proposals/${p.id}/verify`,
      visit(2, { members: [{ existing: 7, name: "X Y", relationship: "anak" }] }),
    );
    expect(badMember.body.error.fields).toEqual([
      { field: "members.0.existing", message: "Anggota ini tidak ada di usulan." },
    ]);

    const result = visit(2, {
      result: "tidak-layak",
      members: [
        { existing: 0, name: "Kepala Keluarga", relationship: "kepala-keluarga" },
        { ...person(9000), relationship: "cucu" },
      ],
    });
    const recorded = await survei.post(`/api/proposals/${p.id}/verify`, result);
    expect(recorded.body).toMatchObject({
      state: "tidak-layak",
      verification: { result: "tidak-layak", byName: "Teguh Prasetyo" },
    });
    expect(recorded.body.members.map((m: { relationship: string }) => m.relationship)).toEqual([
      "kepala-keluarga",
      "cucu",
    ]);
    // The outbox sends the same result again: answered, not recorded twice.
    const again = await survei.post(`/api/proposals/${p.id}/verify`, result);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(recorded.body.version);
    const c = await fo.get(`/api/complaints/${p.complaintId}`);
    expect(c.body).toMatchObject({ state: "diteruskan", proposalState: "tidak-layak" });
    // An ended proposal may be made again from the complaint.
    expect(c.body.actions).toContain("propose");
  });

  it("lets one of two surveyors recording the same visit win; the other is told who recorded what", async () => {
    const p = await proposed();
    await survei.post(`/api/proposals/${p.id}/schedule`, {
      version: 1,
      visitDate: today(),
      officers: ["Teguh"],
    });
    const other = await createdUser(admin, {
      username: "survei.dua",
      name: "Rina Surveyor",
      role: "survei",
      scope: { level: "kabupaten", code: "33.28" },
    });
    const answers = await Promise.all([
      survei.post(`/api/proposals/${p.id}/verify`, visit(2)),
      other.post(`/api/proposals/${p.id}/verify`, visit(2, { result: "tidak-layak" })),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.error.message).toMatch(/^Usulan ini sudah berubah: sekarang "(Layak|Tidak layak)/);
    expect(loser.body.error.message).toMatch(
      /hasil verval "(layak|tidak-layak)" oleh (Teguh Prasetyo|Rina Surveyor)/,
    );
  });

  it("records the kabupaten's own indicators, and refuses one the kabupaten retired", async () => {
    expect(
      (await fo.post("/api/indicators", { label: "Punya jamban sendiri", kind: "ya-tidak" })).status,
    ).toBe(403);
    const jamban = await manajer.post("/api/indicators", { label: "Punya jamban sendiri", kind: "ya-tidak" });
    expect(jamban.status).toBe(201);
    const lantai = await manajer.post("/api/indicators", {
      label: "Lantai rumah",
      kind: "pilihan",
      options: ["Tanah", "Semen", "Keramik"],
    });
    expect(lantai.body.code).toBe("lantai-rumah");
    const bad = await manajer.post("/api/indicators", {
      label: "Atap",
      kind: "pilihan",
      options: ["Genteng"],
    });
    expect(bad.body.error.fields).toEqual([
      { field: "options", message: "Indikator pilihan memerlukan minimal 2 pilihan." },
    ]);
    const p = await proposed();
    await survei.post(`/api/proposals/${p.id}/schedule`, {
      version: 1,
      visitDate: today(),
      officers: ["Teguh"],
    });
    const wrongKind = await survei.post(
      `/api/proposals/${p.id}/verify`,
      visit(2, { indicators: { "lantai-rumah": "Marmer" } }),
    );
    expect(wrongKind.body.error.fields).toEqual([
      { field: "indicators.lantai-rumah", message: "Lantai rumah: pilih salah satu pilihan yang ada." },
    ]);
    expect((await manajer.post("/api/indicators/punya-jamban-sendiri/retire")).body.active).toBe(false);
    const retired = await survei.post(
      `/api/proposals/${p.id}/verify`,
      visit(2, { indicators: { "punya-jamban-sendiri": true } }),
    );
    expect(retired.body.error.fields).toEqual([
      {
        field: "indicators.punya-jamban-sendiri",
        message: 'Indikator "Punya jamban sendiri" sudah tidak dipakai kabupaten.',
      },
    ]);
    const ok = await survei.post(
      `/api/proposals/${p.id}/verify`,
      visit(2, { indicators: { "lantai-rumah": "Tanah" } }),
    );
    expect(ok.body.verification.indicators).toEqual({ "lantai-rumah": "Tanah" });
    const list = await fo.get("/api/indicators");
    expect(list.body.map((i: { code: string; active: boolean }) => [i.code, i.active])).toEqual([
      ["punya-jamban-sendiri", false],
      ["lantai-rumah", true],
    ]);
  });
});

describe("Musyawarah Desa", () => {
  it("records the musdes and its decisions, once; refuses the wrong role, a date before the result, and a missing reason", async () => {
    const a = await verified();
    const b = await verified();
    const musdes = (over: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      date: today(),
      place: "Balai Desa Kalisapu",
      present: 34,
      minutesRef: "BA/07/XII/2026",
      decisions: [
        { proposalId: a.id, version: 3, confirmed: true },
        { proposalId: b.id, version: 3, confirmed: false, reason: "Sudah menerima bantuan RTLH tahun ini." },
      ],
      ...over,
    });
    expect((await fo.post("/api/musdes", musdes())).status).toBe(403);
    const before = await koord.post("/api/musdes", musdes({ date: "2020-01-01" }));
    expect(before.status).toBe(422);
    expect(before.body.error.fields[0].field).toBe("date");
    // Days as people write them, not ISO.
    expect(before.body.error.fields[0].message).toMatch(
      /^Tanggal musdes 1 Jan 2020 sebelum kunjungan verval \d{1,2} [A-Z][a-z]{2} \d{4} \(/,
    );
    const noReason = await koord.post(
      "/api/musdes",
      musdes({ decisions: [{ proposalId: b.id, version: 3, confirmed: false }] }),
    );
    expect(noReason.body.error.fields).toEqual([
      { field: "decisions.0.reason", message: "Alasan tidak ditetapkan wajib diisi." },
    ]);
    const body = musdes();
    const recorded = await kades.post("/api/musdes", body);
    expect(recorded.status).toBe(200);
    expect(recorded.body.decisions.map((d: { applied: boolean }) => d.applied)).toEqual([true, true]);
    expect((await fo.get(`/api/proposals/${a.id}`)).body).toMatchObject({
      state: "ditetapkan-musdes",
      musdes: { confirmed: true },
    });
    expect((await fo.get(`/api/proposals/${b.id}`)).body.state).toBe("tidak-ditetapkan");
    const again = await kades.post("/api/musdes", body);
    expect(again.body.decisions.map((d: { applied: boolean }) => d.applied)).toEqual([true, true]);
    expect((await fo.get(`/api/proposals/${a.id}`)).body.version).toBe(4);
    const annex = await koord.get(`/api/musdes/${body.id}/annex`);
    expect(annex.body).toMatchObject({
      desa: "Kalisapu",
      kecamatan: "Slawi",
      musdes: { place: "Balai Desa Kalisapu" },
    });
    expect(annex.body.households.map((h: { confirmed: boolean }) => h.confirmed)).toEqual([true, false]);
    expect((await koord.get("/api/musdes")).body.map((m: { id: string }) => m.id)).toContain(body.id);
    const timeline = await fo.get(`/api/complaints/${a.complaintId}/timeline`);
    expect(
      timeline.body
        .filter((e: { entity: string }) => e.entity === "proposal")
        .map((e: { toLabel?: string }) => e.toLabel),
    ).toEqual(["Diusulkan", "Dijadwalkan verval", "Layak (menunggu musdes)", "Ditetapkan musdes"]);
  });
});

describe("closing the loop", () => {
  it("marks a proposal 'masuk DPM' when a later import of the desa holds its household", async () => {
    const p = await verified();
    await admin.request("PUT", `/api/dpm/${KALISAPU}`, dpmCsv([SITI, p.reporter]), {
      "content-type": "text/csv",
    });
    const proposal = await fo.get(`/api/proposals/${p.id}`);
    expect(proposal.body.inDpm.importedAt).toMatch(/^\d{4}-/);
    const c = await fo.get(`/api/complaints/${p.complaintId}`);
    expect(c.body.proposalInDpmOn).toBe(proposal.body.inDpm.importedAt);
    const status = await new Client("10.111.0.1").post("/api/status", {
      code: c.body.trackingCode,
      nikLast4: p.reporter.nik.slice(12),
    });
    expect(status.body.proposal).toEqual({
      stateLabel: "Layak (menunggu musdes)",
      inDpmOn: proposal.body.inDpm.importedAt,
    });
    const timeline = await fo.get(`/api/complaints/${p.complaintId}/timeline`);
    expect(timeline.body.at(-1)).toMatchObject({
      entity: "proposal",
      actionLabel: "Masuk DPM (tercantum dalam impor DPM)",
    });
  });
});

describe("cancelling a complaint", () => {
  it("withdraws its open proposal and referral; refuses the back office, a stale version and a second cancel", async () => {
    const p = await proposed();
    const r = await bo.post("/api/referrals", referral(p.complaintId));
    expect(r.status).toBe(201);
    const c = (await fo.get(`/api/complaints/${p.complaintId}`)).body;
    expect(c.actions).toContain("cancel");
    expect(
      (
        await bo.post(`/api/complaints/${p.complaintId}/cancel`, {
          version: c.version,
          reason: "Terdaftar dua kali.",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await fo.post(`/api/complaints/${p.complaintId}/cancel`, {
          version: c.version - 1,
          reason: "Terdaftar dua kali.",
        })
      ).status,
    ).toBe(409);
    const noReason = await fo.post(`/api/complaints/${p.complaintId}/cancel`, { version: c.version });
    expect(noReason.body.error.fields).toEqual([
      { field: "reason", message: "Alasan pembatalan wajib diisi." },
    ]);
    const cancelled = await fo.post(`/api/complaints/${p.complaintId}/cancel`, {
      version: c.version,
      reason: "Terdaftar dua kali.",
    });
    expect(cancelled.body).toMatchObject({
      state: "dibatalkan",
      proposalState: "dibatalkan",
      cancelled: { reason: "Terdaftar dua kali." },
    });
    expect((await fo.get(`/api/proposals/${p.id}`)).body).toMatchObject({ state: "dibatalkan" });
    expect((await spv.get(`/api/referrals/${r.body.id}`)).body.state).toBe("dibatalkan");
    expect((await spv.get("/api/referrals/inbox")).body.items.map((i: { id: string }) => i.id)).not.toContain(
      r.body.id,
    );
    expect(
      (await fo.post(`/api/complaints/${p.complaintId}/cancel`, { version: c.version + 1, reason: "Lagi." }))
        .status,
    ).toBe(409);
    const status = await new Client("10.111.0.2").post("/api/status", {
      code: c.trackingCode,
      nikLast4: p.reporter.nik.slice(12),
    });
    expect(status.body).toMatchObject({ state: "dibatalkan", stateLabel: "Dibatalkan" });
    const timeline = await fo.get(`/api/complaints/${p.complaintId}/timeline`);
    expect(
      timeline.body.slice(-3).map((e: { entity: string; toLabel: string }) => `${e.entity}:${e.toLabel}`),
    ).toEqual(["complaint:Dibatalkan", "proposal:Dibatalkan", "referral:Dibatalkan (pengaduan dibatalkan)"]);
  });
});
