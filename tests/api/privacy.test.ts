import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, freshTable, signedIn } from "../support/api.ts";
import { BUDI, complaint, dpmCsv, JOKO, person, referral, SITI } from "../support/residents.ts";

/**
 * UU PDP in daily use: the data protection officer finds, by NIK, every access to one resident's data
 * (registration, opening, the full NIK, the timeline, the referral and its letter, the correction),
 * with who and when and nothing of the record's contents; records residents' requests with their due
 * day and answers; and a correction keeps the earlier value in the complaint's history.
 */
let fo: Client, bo: Client, spv: Client, manajer: Client, pdp: Client, admin: Client, peksos: Client;
let complaintId = "";
let trackingCode = "";
const SHELTER = {
  code: "rps-koreksi",
  name: "Rumah Perlindungan Sosial Slawi",
  kind: "rumah-singgah",
  capacityL: 2,
  capacityP: 2,
  longStayDays: 14,
};
let referralId = "";

beforeAll(async () => {
  await freshTable();
  [fo, bo, spv, manajer, pdp, admin, peksos] = (await Promise.all(
    ["fo.kalisapu", "bo.kalisapu", "spv.slawi", "manajer", "pdp", "admin", "peksos.slawi"].map((u, i) =>
      signedIn(u, undefined, `10.88.0.${i + 1}`),
    ),
  )) as Client[] as [Client, Client, Client, Client, Client, Client, Client];
  const c = await fo.post(
    "/api/complaints",
    complaint({}, { nik: SITI.nik, name: SITI.name, phone: "081234567890" }),
  );
  expect(c.status).toBe(201);
  complaintId = c.body.id;
  trackingCode = c.body.trackingCode;
  expect((await fo.get(`/api/complaints/${complaintId}`)).status).toBe(200);
  expect((await fo.post(`/api/complaints/${complaintId}/reveal-nik`)).status).toBe(200);
  const timeline = await bo.get(`/api/complaints/${complaintId}/timeline`);
  expect(timeline.status).toBe(200);
  // The complaint's page reads the complaint with its timeline: one entry, not two.
  const page = await bo.get(`/api/complaints/${complaintId}/with-timeline`);
  expect(page.status).toBe(200);
  expect(page.body.complaint.id).toBe(complaintId);
  expect(page.body.timeline).toEqual(timeline.body);
  const r = await bo.post("/api/referrals", referral(complaintId));
  expect(r.status).toBe(201);
  referralId = r.body.id;
  expect((await spv.get(`/api/referrals/${referralId}`)).status).toBe(200);
  expect((await spv.get(`/api/referrals/${referralId}/timeline`)).status).toBe(200);
  const referralPage = await spv.get(`/api/referrals/${referralId}/with-timeline`);
  expect(referralPage.status).toBe(200);
  expect(referralPage.body.referral.id).toBe(referralId);
  expect(referralPage.body.timeline.length).toBeGreaterThan(0);
  // Another resident's complaint: never in Siti's report.
  expect((await fo.post("/api/complaints", complaint({}, { nik: BUDI.nik, name: BUDI.name }))).status).toBe(
    201,
  );
});

describe("access report by NIK", () => {
  it("lists every access to the resident's data, oldest first, who and what without contents", async () => {
    const res = await pdp.post("/api/privacy/access-report", { nik: SITI.nik });
    expect(res.status).toBe(200);
    expect(res.body.nikMasked).toBe("3328********0001");
    const entries = res.body.entries as {
      by: string;
      byName?: string;
      roleLabel: string;
      what: string;
      kind: string;
      record: string;
      at: string;
    }[];
    const seen = entries.map((e) => `${e.by}:${e.what}`);
    expect(seen).toEqual([
      "fo.kalisapu:Mendaftarkan pengaduan",
      "fo.kalisapu:Membuka pengaduan",
      "fo.kalisapu:Menampilkan NIK lengkap",
      "bo.kalisapu:Membuka riwayat pengaduan",
      "bo.kalisapu:Membuka pengaduan",
      "bo.kalisapu:Membuat rujukan ke kabupaten",
      "spv.slawi:Membuka rujukan",
      "spv.slawi:Membuka riwayat rujukan",
      "spv.slawi:Membuka rujukan",
      "pdp:Membuat laporan akses data untuk warga",
    ]);
    expect([...entries].sort((a, b) => (a.at < b.at ? -1 : 1))).toEqual(entries);
    const first = entries[0]!;
    expect(first.byName).toBe("Siti Rahayu");
    expect(first.roleLabel).toBe("Front Office");
    expect(first.kind).toBe("pendaftaran");
    // Named by the code on the resident's receipt, which they can match; a referral has none.
    expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(first.record).toBe(`Pengaduan kode ${trackingCode.split("-")[0]}\u2011****`);
    // Never the whole code: with the NIK's last digits it would open the public status page.
    expect(JSON.stringify(res.body)).not.toContain(trackingCode);
    expect(entries.find((e) => e.what === "Membuka rujukan")?.record).toMatch(/^Rujukan [0-9a-f]{8}$/);
    // Nothing of the complaint's contents or the NIK in clear.
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(SITI.nik);
    expect(text).not.toContain("081234567890");
    expect(text).not.toContain("Kesulitan");
  });

  it("takes the NIK in the body only, refuses a bad one by field, and is for the officer alone", async () => {
    const bad = await pdp.post("/api/privacy/access-report", { nik: "123" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe("nik");
    for (const other of [admin, manajer, fo, peksos])
      expect((await other.post("/api/privacy/access-report", { nik: SITI.nik })).status).toBe(403);
    // The officer reads no complaint or case.
    expect((await pdp.get(`/api/complaints/${complaintId}`)).status).toBe(403);
    expect((await pdp.get("/api/cases")).status).toBe(403);
  });

  it("finds a household member's proposal opened, and a DPM check by NIK", async () => {
    const proposal = await fo.post("/api/proposals", {
      id: randomUUID(),
      complaintId,
      members: [
        { reporter: true, name: SITI.name, relationship: "kepala-keluarga" },
        { nik: JOKO.nik, name: JOKO.name, relationship: "suami-istri" },
      ],
      houseCondition: "tidak-layak",
      incomeSource: "buruh-harian",
    });
    expect(proposal.status).toBe(201);
    expect((await fo.get(`/api/proposals/${proposal.body.id}`)).status).toBe(200);
    expect((await fo.post("/api/dpm/33.28.10.2001/nik", { nik: JOKO.nik })).status).toBe(200);
    const res = await pdp.post("/api/privacy/access-report", { nik: JOKO.nik });
    const whats = (res.body.entries as { what: string }[]).map((e) => e.what);
    expect(whats).toEqual([
      "Mengusulkan rumah tangga masuk DPM",
      "Membuka usulan rumah tangga",
      "Memeriksa DPM dengan NIK",
      "Membuat laporan akses data untuk warga",
    ]);
  });
});

describe("residents' requests", () => {
  const made = {
    id: randomUUID(),
    kind: "koreksi",
    nik: SITI.nik,
    name: SITI.name,
    detail: "Nomor HP saya salah.",
  };
  it("records a request with its due day three days after it came in, and a resend is the same", async () => {
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
    const res = await pdp.post("/api/privacy/requests", {
      ...made,
      receivedOn: day,
      contact: "0812 0000 1111",
    });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe("terbuka");
    expect(res.body.nikMasked).toBe("3328********0001");
    expect(res.body.actions).toEqual(["answer", "decline"]);
    const due = new Date(`${day}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 3);
    expect(res.body.dueOn).toBe(due.toISOString().slice(0, 10));
    expect(res.body.overdue).toBe(false);
    const again = await pdp.post("/api/privacy/requests", { ...made, receivedOn: day });
    expect(again.body.id).toBe(made.id);
    const open = await pdp.get("/api/privacy/requests");
    expect(open.body.items.map((r: { id: string }) => r.id)).toEqual([made.id]);
    // A view carries no keys: the person's NIK hash stays in the table.
    expect(JSON.stringify(open.body)).not.toMatch(/PERSON#|gsi\dpk|nikh/);
  });

  it("makes the access report from a recorded request, whose NIK never travels again", async () => {
    const byRequest = await pdp.post("/api/privacy/access-report", { requestId: made.id });
    expect(byRequest.status).toBe(200);
    expect(byRequest.body.nikMasked).toBe("3328********0001");
    expect(byRequest.body.requests.map((r: { id: string }) => r.id)).toContain(made.id);
    const unknown = await pdp.post("/api/privacy/access-report", { requestId: randomUUID() });
    expect(unknown.status).toBe(404);
    const neither = await pdp.post("/api/privacy/access-report", {});
    expect(neither.status).toBe(422);
    expect(neither.body.error.fields).toEqual([{ field: "nik", message: "NIK wajib diisi." }]);
  });

  it("refuses a future day, an unknown kind and other roles, naming the field", async () => {
    const future = await pdp.post("/api/privacy/requests", {
      ...made,
      id: randomUUID(),
      receivedOn: "2999-01-01",
    });
    expect(future.status).toBe(422);
    expect(future.body.error.fields[0].field).toBe("receivedOn");
    const kind = await pdp.post("/api/privacy/requests", {
      ...made,
      id: randomUUID(),
      kind: "x",
      receivedOn: "2026-01-01",
    });
    expect(kind.status).toBe(422);
    expect(kind.body.error.fields[0].field).toBe("kind");
    // None picked (the form's empty choice): to be chosen, not a list of codes.
    const unpicked = await pdp.post("/api/privacy/requests", {
      ...made,
      id: randomUUID(),
      kind: "",
      receivedOn: "2026-01-01",
    });
    expect(unpicked.body.error.fields[0]).toEqual({
      field: "kind",
      message: "Jenis permintaan wajib dipilih.",
    });
    expect((await admin.get("/api/privacy/requests")).status).toBe(403);
  });

  it("corrects the reporter's phone at the desa, keeping the earlier value in the history", async () => {
    const before = await fo.get(`/api/complaints/${complaintId}`);
    expect(before.body.actions).toContain("correct");
    const none = await fo.post(`/api/complaints/${complaintId}/correct`, {
      version: before.body.version,
      reason: "Permintaan warga.",
      reporter: { phone: "081234567890" },
    });
    expect(none.status).toBe(422);
    expect(none.body.error.fields[0].field).toBe("reporter");
    const res = await fo.post(`/api/complaints/${complaintId}/correct`, {
      version: before.body.version,
      reason: "Permintaan koreksi warga, nomor lama tidak aktif.",
      reporter: { phone: "081299990000", name: "Siti Aminah Rahmawati", rt: "4" },
    });
    expect(res.status).toBe(200);
    expect(res.body.reporter.rt).toBe("004");
    expect(res.body.reporter.phone).toBe("081299990000");
    expect(res.body.reporter.name).toBe("Siti Aminah Rahmawati");
    const stale = await fo.post(`/api/complaints/${complaintId}/correct`, {
      version: before.body.version,
      reason: "Lagi.",
      reporter: { phone: "081200000000" },
    });
    expect(stale.status).toBe(409);
    const timeline = await bo.get(`/api/complaints/${complaintId}/timeline`);
    const corrected = (timeline.body as { action: string; changes?: unknown[] }[]).find(
      (e) => e.action === "complaint.correct",
    );
    expect(corrected?.changes).toEqual([
      { field: "name", label: "Nama", before: SITI.name, after: "Siti Aminah Rahmawati" },
      { field: "phone", label: "Nomor HP", before: "081234567890", after: "081299990000" },
      { field: "rt", label: "RT", before: "001", after: "004" },
    ]);
    // Back office and supervisor may not correct.
    expect(
      (
        await bo.post(`/api/complaints/${complaintId}/correct`, {
          version: res.body.version,
          reason: "Coba.",
          reporter: { phone: "081211112222" },
        })
      ).status,
    ).toBe(403);
  });

  it("moves the complaint to a corrected NIK: found by the new NIK, the status page's digits follow", async () => {
    const current = await fo.get(`/api/complaints/${complaintId}`);
    // Registered before the desa's DPM was imported: not matched. The new NIK is matched against it.
    const listed = async (dpm: string) =>
      (
        (await manajer.get(`/api/complaints/browse?month=${current.body.queueDay.slice(0, 7)}&dpm=${dpm}`))
          .body.items as { id: string }[]
      ).map((c) => c.id);
    expect(await listed("belum")).toContain(complaintId);
    await admin.request(
      "PUT",
      "/api/dpm/33.28.10.2001",
      dpmCsv([{ nik: "3328104503859999", name: "Warga DPM" }]),
      {
        "content-type": "text/csv",
      },
    );
    const res = await fo.post(`/api/complaints/${complaintId}/correct`, {
      version: current.body.version,
      reason: "NIK salah ketik saat pendaftaran.",
      reporter: { nik: "3328104503850009" },
    });
    expect(res.status).toBe(200);
    expect(res.body.dpm).toMatchObject({ checked: true, found: false });
    expect(await listed("belum")).not.toContain(complaintId);
    expect(await listed("tidak")).toContain(complaintId);
    expect(res.body.reporter.nikMasked).toBe("3328********0009");
    const byNew = await fo.post("/api/complaints/search", { nik: "3328104503850009" });
    expect(byNew.body.items.map((c: { id: string }) => c.id)).toEqual([complaintId]);
    const byOld = await fo.post("/api/complaints/search", { nik: SITI.nik });
    expect(byOld.body.items).toEqual([]);
    const status = await new (await import("../support/api.ts")).Client("10.88.1.1").post("/api/status", {
      code: res.body.trackingCode,
      nikLast4: "0009",
    });
    expect(status.status).toBe(200);
    // Both the earlier and the new NIK's owners find the correction.
    for (const nik of [SITI.nik, "3328104503850009"]) {
      const report = await pdp.post("/api/privacy/access-report", { nik });
      expect((report.body.entries as { what: string }[]).map((e) => e.what)).toContain(
        "Mengoreksi data pelapor",
      );
    }

    // Corrected again within the masked digits (the birth year): the history says which digits changed.
    const again = await fo.post(`/api/complaints/${complaintId}/correct`, {
      version: res.body.version,
      reason: "Tahun lahir salah ketik.",
      reporter: { nik: "3328104503860009" },
    });
    expect(again.status).toBe(200);
    const timeline = await bo.get(`/api/complaints/${complaintId}/timeline`);
    const last = (timeline.body as { action: string; changes?: unknown[] }[])
      .filter((e) => e.action === "complaint.correct")
      .at(-1);
    expect(last?.changes).toEqual([
      {
        field: "nik",
        label: "NIK (berubah pada angka ke-12)",
        before: "3328********0009",
        after: "3328********0009",
      },
    ]);
    // The resident's report by the NIK now on the complaint goes back through both corrections: the
    // registration under the first NIK is there, and the earlier NIKs are named, masked.
    const report = await pdp.post("/api/privacy/access-report", { nik: "3328104503860009" });
    const whats = (report.body.entries as { what: string }[]).map((e) => e.what);
    expect(whats).toContain("Mendaftarkan pengaduan");
    // Each correction once (the phone's, then the two NIKs'): the earlier NIK's twin entry of the same
    // change is not taken for an access before it.
    expect(whats.filter((w) => w === "Mengoreksi data pelapor")).toHaveLength(3);
    expect(report.body.formerNiks.map((f: { nikMasked: string }) => f.nikMasked)).toEqual([
      "3328********0001",
      "3328********0009",
    ]);
    // The earlier NIK's own report is not widened: what happened to its other records stays out.
    const earlier = await pdp.post("/api/privacy/access-report", { nik: SITI.nik });
    expect(earlier.body.formerNiks).toEqual([]);

    // A correction made by mistake and undone: the other NIK's owner is not handed this complaint's past.
    const mine = person(731);
    const other = person(732);
    const c = await fo.post("/api/complaints", complaint({}, { nik: mine.nik, name: mine.name }));
    const wrong = await fo.post(`/api/complaints/${c.body.id}/correct`, {
      version: c.body.version,
      reason: "Koreksi NIK.",
      reporter: { nik: other.nik },
    });
    expect(wrong.status).toBe(200);
    const undone = await fo.post(`/api/complaints/${c.body.id}/correct`, {
      version: wrong.body.version,
      reason: "Koreksi sebelumnya keliru.",
      reporter: { nik: mine.nik },
    });
    expect(undone.status).toBe(200);
    const others = await pdp.post("/api/privacy/access-report", { nik: other.nik });
    expect((others.body.entries as { what: string }[]).map((e) => e.what)).not.toContain(
      "Mendaftarkan pengaduan",
    );
    expect(others.body.formerNiks).toEqual([]);
    const own = await pdp.post("/api/privacy/access-report", { nik: mine.nik });
    expect(own.body.formerNiks.map((f: { nikMasked: string }) => f.nikMasked)).toEqual([
      `3328********${other.nik.slice(12)}`,
    ]);
  });

  it("carries a corrected NIK and name to the household's proposal, the case opened from the complaint and its stay in a shelter", async () => {
    const c = await fo.post("/api/complaints", complaint({}, { nik: JOKO.nik, name: JOKO.name }));
    expect(c.status).toBe(201);
    const proposal = await fo.post("/api/proposals", {
      id: randomUUID(),
      complaintId: c.body.id,
      members: [
        { reporter: true, name: JOKO.name, relationship: "kepala-keluarga" },
        { nik: BUDI.nik, name: BUDI.name, relationship: "anak" },
      ],
      houseCondition: "tidak-layak",
      incomeSource: "buruh-harian",
    });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
    const opened = await peksos.post("/api/cases", {
      id: randomUUID(),
      source: "pengaduan",
      complaintId: c.body.id,
      client: { name: JOKO.name, sex: "L", ppks: "fakir-miskin" },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    // In a shelter: the occupancy screen keeps its own copy of the client's name.
    expect((await manajer.post("/api/facilities", SHELTER)).status).toBe(201);
    const admittedOn = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
    const admitted = await peksos.post(`/api/cases/${opened.body.id}/admit`, {
      version: opened.body.version,
      facility: SHELTER.code,
      admittedOn,
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200);
    const stayName = async () =>
      ((await peksos.get("/api/facilities/stays")).body as { caseId?: string; clientName: string }[]).find(
        (s) => s.caseId === opened.body.id,
      )?.clientName;
    expect(await stayName()).toBe(JOKO.name);

    const current = await fo.get(`/api/complaints/${c.body.id}`);
    const fixed = await fo.post(`/api/complaints/${c.body.id}/correct`, {
      version: current.body.version,
      reason: "NIK dan nama salah ketik; dicocokkan dengan KTP.",
      reporter: { nik: "3328101208790011", name: "Joko Susilo Wibowo" },
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const after = await fo.get(`/api/proposals/${proposal.body.id}`);
    expect(after.body.members).toEqual([
      { nikMasked: "3328********0011", name: "Joko Susilo Wibowo", relationship: "kepala-keluarga" },
      { nikMasked: proposal.body.members[1].nikMasked, name: BUDI.name, relationship: "anak" },
    ]);
    expect(after.body.version).toBe(proposal.body.version + 1);
    const file = await peksos.get(`/api/cases/${opened.body.id}`);
    expect(file.body.case.client).toMatchObject({
      name: "Joko Susilo Wibowo",
      nikMasked: "3328********0011",
    });
    expect(await stayName()).toBe("Joko Susilo Wibowo");
    // The corrected NIK's report holds the case's past too: its entries are kept against the person.
    const report = await pdp.post("/api/privacy/access-report", { nik: "3328101208790011" });
    const whats = (report.body.entries as { what: string }[]).map((e) => e.what);
    expect(whats).toContain("Membuka kasus baru");
    expect(whats).toContain("Mengusulkan rumah tangga masuk DPM");
  });

  it("answers a request once; a second answer is a 409 and the report lists the request", async () => {
    const answered = await pdp.post(`/api/privacy/requests/${made.id}/answer`, {
      version: 1,
      answer: "Nomor HP sudah dikoreksi oleh front office desa.",
    });
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe("dijawab");
    expect(answered.body.answeredBy).toBe("pdp");
    // The page says who answered by name, as the resident's letter would.
    expect(answered.body.answeredByName).toBe("Ratna Sari, S.H.");
    expect(answered.body.answeredLate).toBe(false);
    expect(
      (await pdp.post(`/api/privacy/requests/${made.id}/decline`, { version: 1, reason: "Tidak jelas." }))
        .status,
    ).toBe(409);
    expect((await pdp.get("/api/privacy/requests")).body.items).toEqual([]);
    expect((await pdp.get("/api/privacy/requests?status=semua")).body.items).toHaveLength(1);
    const report = await pdp.post("/api/privacy/access-report", { nik: SITI.nik });
    expect(report.body.requests.map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([
      [made.id, "dijawab"],
    ]);
  });
});

describe("a request answered after its due day", () => {
  it("stays marked as answered late, in the open list and in every later one", async () => {
    const received = new Date(Date.now() - 10 * 86_400_000);
    const receivedOn = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(received);
    const late = await pdp.post("/api/privacy/requests", {
      id: randomUUID(),
      kind: "akses",
      nik: BUDI.nik,
      name: BUDI.name,
      detail: "Minta daftar siapa saja yang membuka data saya.",
      receivedOn,
    });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ overdue: true, answeredLate: false });
    const answered = await pdp.post(`/api/privacy/requests/${late.body.id}/answer`, {
      version: 1,
      answer: "Laporan akses diserahkan.",
    });
    expect(answered.body).toMatchObject({ state: "dijawab", overdue: false, answeredLate: true });
    const all = (await pdp.get("/api/privacy/requests?status=semua")).body.items as {
      id: string;
      answeredLate: boolean;
    }[];
    expect(all.find((r) => r.id === late.body.id)?.answeredLate).toBe(true);
  });
});

describe("retention periods", () => {
  it("are set by the data protection officer alone, leaving the manager's settings as they were", async () => {
    const before = (await manajer.get("/api/settings")).body;
    const periods = { complaint: 36, referral: 36, proposal: 24, case: 72, request: 60, audit: 84 };
    const bad = await pdp.put("/api/settings/retention", { retention: { ...periods, case: 2 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe("retention.case");
    const saved = await pdp.put("/api/settings/retention", { retention: periods });
    expect(saved.status).toBe(200);
    expect(saved.body.retention).toEqual(periods);
    const after = (await manajer.get("/api/settings")).body;
    expect(after.dueDays).toEqual(before.dueDays);
    expect(after.letterhead).toEqual(before.letterhead);
    expect(after.retention).toEqual(periods);
    // The officer does not change due days or the letterhead; a back office sets nothing.
    expect((await pdp.put("/api/settings", { dueDays: before.dueDays, letterhead: ["X"] })).status).toBe(403);
    expect((await bo.put("/api/settings/retention", { retention: periods })).status).toBe(403);
  });
});
