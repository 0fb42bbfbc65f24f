import { randomUUID } from "node:crypto";
import { UpdateCommand } from "@puskesos/core/db";
import { beforeAll, describe, expect, it } from "vitest";
import { useDb } from "@puskesos/core/db";
import { COMPLAINT_PUBLIC_LABELS } from "@puskesos/core/complaint/schema";
import { recount } from "@puskesos/core/report/recount";
import { addDays, today } from "@puskesos/core/time";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, dpmCsv, JOKO, SITI } from "../support/residents.ts";

let fo: Client, bo: Client, spv: Client, spvOther: Client, manajer: Client, dinkes: Client, admin: Client;

beforeAll(async () => {
  await freshTable();
  const ip = (i: number) => `10.90.0.${i}`;
  fo = await signedIn("fo.kalisapu", undefined, ip(1));
  bo = await signedIn("bo.kalisapu", undefined, ip(2));
  spv = await signedIn("spv.slawi", undefined, ip(3));
  spvOther = await signedIn("spv.adiwerna", undefined, ip(4));
  manajer = await signedIn("manajer", undefined, ip(5));
  dinkes = await signedIn("opd.dinkes", undefined, ip(6));
  admin = await signedIn("admin", undefined, ip(7));
  await admin.request("PUT", "/api/dpm/33.28.10.2001", dpmCsv([SITI]), { "content-type": "text/csv" });
});

/** A complaint of a resident in the DPM, forwarded to the back office. */
async function forwarded(): Promise<{ id: string; trackingCode: string }> {
  const res = await fo.post("/api/complaints", complaint({}, { nik: SITI.nik, name: SITI.name }));
  expect(res.body.state).toBe("diteruskan");
  return res.body;
}

const referralOf = (complaintId: string, over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  complaintId,
  reason: "Biaya operasi di luar kemampuan desa.",
  urgency: "segera",
  needs: "Jaminan kesehatan (PBI) dan biaya rawat inap.",
  notes: "Catatan internal desa: keluarga sudah dikunjungi.",
  opds: ["dinas-kesehatan"],
  programs: ["kis-pbi"],
  ...over,
});

/** Sets the clock forward for one referral: its due date passed yesterday (its index keys with it). */
async function dueYesterday(id: string) {
  const past = new Date(Date.now() - 86_400_000).toISOString();
  await useDb().doc.send(
    new UpdateCommand({
      TableName: useDb().table,
      Key: { pk: `REFERRAL#${id}`, sk: "REFERRAL" },
      UpdateExpression: "SET dueAt = :past, gsi1sk = :s1, gsi2sk = :s2",
      ExpressionAttributeValues: { ":past": past, ":s1": `${past}#${id}`, ":s2": `${past}#${id}` },
    }),
  );
}

const act = (client: Client, id: string, action: string, body: Record<string, unknown>) =>
  client.post(`/api/referrals/${id}/${action}`, body);

/** A referral of the complaint, forwarded by the supervisor and approved to an OPD: its id and the answer. */
async function approvedTo(complaintId: string, opd: string, program: string) {
  const id = (await bo.post("/api/referrals", referralOf(complaintId))).body.id;
  await act(spv, id, "forward", { version: 1 });
  return { id, approved: await act(manajer, id, "approve", { version: 2, opd, program }) };
}

describe("the referral chain", () => {
  it("walks desa → supervisor (returns) → desa (resubmits) → supervisor → manager → OPD → closed", async () => {
    const c = await forwarded();
    const created = await bo.post("/api/referrals", referralOf(c.id));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: "diajukan", version: 1, overdue: false });
    const id = created.body.id;
    expect((await fo.get(`/api/complaints/${c.id}`)).body.state).toBe("dirujuk");

    const spvInbox = await spv.get("/api/referrals/inbox");
    expect(spvInbox.body.items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await spvOther.get("/api/referrals/inbox")).body.items).toEqual([]);

    const returned = await act(spv, id, "return-to-desa", {
      version: 1,
      note: "Lampirkan surat keterangan dokter.",
    });
    expect(returned.body).toMatchObject({ state: "dikembalikan", version: 2 });
    expect((await bo.get("/api/referrals/inbox")).body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await spv.get("/api/referrals/inbox")).body.items).toEqual([]);

    const resubmitted = await act(bo, id, "resubmit", {
      version: 2,
      note: "Surat keterangan dokter sudah dilampirkan.",
    });
    expect(resubmitted.body.state).toBe("diajukan");
    const forwardedRef = await act(spv, id, "forward", {
      version: 3,
      recommendation: "Layak dibantu segera.",
    });
    expect(forwardedRef.body.state).toBe("diteruskan");
    expect((await manajer.get("/api/referrals/inbox")).body.items.map((r: { id: string }) => r.id)).toContain(
      id,
    );

    const approved = await act(manajer, id, "approve", {
      version: 4,
      opd: "dinas-kesehatan",
      program: "kis-pbi",
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: "disetujui",
      opd: "dinas-kesehatan",
      approvedByName: "Dra. Sri Wahyuni",
    });
    expect(approved.body.letterNumber).toMatch(/^0001\/SLRT-33\.28\/[IVX]+\/\d{4}$/);

    const opdView = await dinkes.get(`/api/referrals/${id}`);
    expect(opdView.body).toMatchObject({
      reason: expect.any(String),
      needs: expect.any(String),
      reporter: { name: "Siti Aminah" },
    });
    expect(opdView.body.notes).toBeUndefined();
    expect(opdView.body.lastNote).toBeUndefined();
    expect((await dinkes.get("/api/referrals/inbox")).body.items.map((r: { id: string }) => r.id)).toEqual([
      id,
    ]);

    const opdTimeline = await dinkes.get(`/api/referrals/${id}/timeline`);
    expect(opdTimeline.body.length).toBe(5);
    expect(JSON.stringify(opdTimeline.body)).not.toMatch(/Layak dibantu|Lampirkan surat/);
    // The page's one read gives the OPD the same: the timeline without the notes.
    const opdPage = await dinkes.get(`/api/referrals/${id}/with-timeline`);
    expect(opdPage.status).toBe(200);
    expect(opdPage.body.referral.id).toBe(id);
    expect(opdPage.body.timeline.length).toBe(5);
    expect(JSON.stringify(opdPage.body)).not.toMatch(/Layak dibantu|Lampirkan surat/);
    const accepted = await act(dinkes, id, "accept", { version: 5 });
    expect(accepted.body.state).toBe("diterima-opd");
    // The complaint stays "dirujuk" meanwhile; the resident still sees the referral move, and when.
    const moving = await new Client("10.91.0.2").post("/api/status", {
      code: c.trackingCode,
      nikLast4: "0001",
    });
    expect(moving.body).toMatchObject({
      stateLabel: COMPLAINT_PUBLIC_LABELS.dirujuk,
      referral: { stateLabel: "Sedang dilayani dinas tujuan", opd: "Dinas Kesehatan" },
      updatedAt: accepted.body.updatedAt,
    });
    expect(JSON.stringify(moving.body)).not.toMatch(/Layak dibantu|Lampirkan surat|Siti/);
    const outcome = {
      version: 6,
      service: "Didaftarkan sebagai peserta PBI-JK dan dirawat di RSUD.",
      reference: "PBI/2026/0457",
    };
    // A service day is the kabupaten's: not ahead of today, not before the referral was made.
    for (const [servedOn, message] of [
      [addDays(today(), 1), "Tanggal layanan tidak boleh setelah hari ini."],
      ["1990-01-01", "Tanggal layanan tidak boleh sebelum rujukan dibuat."],
    ] as const) {
      const refused = await act(dinkes, id, "complete", { ...outcome, servedOn });
      expect(refused.status).toBe(422);
      expect(refused.body.error.fields).toEqual([{ field: "servedOn", message }]);
    }
    const done = await act(dinkes, id, "complete", { ...outcome, servedOn: today() });
    expect(done.body).toMatchObject({ state: "selesai", outcome: { reference: "PBI/2026/0457" } });
    expect((await fo.get(`/api/complaints/${c.id}`)).body.state).toBe("selesai");
    expect((await dinkes.get("/api/referrals/inbox")).body.items).toEqual([]);
    // Out of its inbox, it is the OPD's work done: listed for the OPD, without the desa's notes.
    const served = await dinkes.get("/api/referrals/served");
    expect(served.status).toBe(200);
    expect(served.body.items).toHaveLength(1);
    expect(served.body.items[0]).toMatchObject({
      id,
      state: "selesai",
      outcome: { reference: "PBI/2026/0457" },
    });
    expect(served.body.items[0].notes).toBeUndefined();
    expect((await manajer.get("/api/referrals/served")).status).toBe(403);
    const unknown = await dinkes.get("/api/referrals/served?halaman=2");
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toBe(`Isian "halaman" tidak dikenal.`);
    const status = await new Client("10.91.0.1").post("/api/status", {
      code: c.trackingCode,
      nikLast4: "0001",
    });
    expect(status.body.stateLabel).toBe("Selesai");

    const timeline = await bo.get(`/api/complaints/${c.id}/timeline`);
    expect(timeline.body.map((e: { action: string }) => e.action)).toEqual([
      "referral.create",
      "referral.return-to-desa",
      "referral.resubmit",
      "referral.forward",
      "referral.approve",
      "referral.accept",
      "referral.complete",
    ]);
    expect(timeline.body[1]).toMatchObject({
      by: "spv.slawi",
      role: "supervisor",
      note: "Lampirkan surat keterangan dokter.",
    });
  });

  it("lists a referral served before the OPD's list existed once the upgrade's recount --fix runs", async () => {
    const c = await forwarded();
    const { id } = await approvedTo(c.id, "dinas-kesehatan", "kis-pbi");
    expect((await act(dinkes, id, "accept", { version: 3 })).status).toBe(200);
    const done = await act(dinkes, id, "complete", {
      version: 4,
      service: "Didaftarkan sebagai peserta PBI-JK.",
      servedOn: today(),
      reference: "PBI/2026/0999",
    });
    expect(done.body.state).toBe("selesai");
    // As the code before 2026-12-06 left a served referral: under the kabupaten's "selesai", by due date.
    await useDb().doc.send(
      new UpdateCommand({
        TableName: useDb().table,
        Key: { pk: `REFERRAL#${id}`, sk: "REFERRAL" },
        UpdateExpression: "SET gsi2pk = :pk, gsi2sk = :sk",
        ExpressionAttributeValues: { ":pk": "REFERRALS#33.28#selesai", ":sk": `${done.body.dueAt}#${id}` },
      }),
    );
    const listed = async () =>
      (await dinkes.get("/api/referrals/served")).body.items.map((r: { id: string }) => r.id);
    expect(await listed()).not.toContain(id);
    expect((await recount()).servedUnlisted).toBe(1);
    expect((await recount({ fix: true })).servedUnlisted).toBe(1);
    // Newest first: served last in this file, it heads the list.
    expect((await listed())[0]).toBe(id);
    expect((await recount()).servedUnlisted).toBe(0);
  });

  it("shows an OPD the referral's own steps, not the household's proposal on the same complaint", async () => {
    // A resident not in the DPM: the household's proposal and the referral share the complaint.
    const c = (await fo.post("/api/complaints", complaint({}, { nik: JOKO.nik, name: JOKO.name }))).body;
    const proposal = await fo.post("/api/proposals", {
      id: randomUUID(),
      complaintId: c.id,
      kk: "3328102001150007",
      members: [{ reporter: true, name: JOKO.name, relationship: "kepala-keluarga" }],
      houseCondition: "tidak-layak",
      incomeSource: "buruh-harian",
    });
    expect(proposal.status).toBe(201);
    const { id, approved } = await approvedTo(c.id, "dinas-kesehatan", "kis-pbi");
    expect(approved.status).toBe(200);
    const entities = (entries: { action: string }[]) =>
      [...new Set(entries.map((e) => e.action.split(".")[0]))].sort();
    // The desa and the kabupaten read the complaint's whole story; the agency, its referral only.
    expect(entities((await bo.get(`/api/referrals/${id}/timeline`)).body)).toEqual(["proposal", "referral"]);
    expect(entities((await dinkes.get(`/api/referrals/${id}/timeline`)).body)).toEqual(["referral"]);
    const page = await dinkes.get(`/api/referrals/${id}/with-timeline`);
    expect(entities(page.body.timeline)).toEqual(["referral"]);
  });

  it("lets exactly one of 50 simultaneous decisions win; the others get 409 saying what happened", async () => {
    const c = await forwarded();
    const id = (await bo.post("/api/referrals", referralOf(c.id))).body.id;
    await act(spv, id, "forward", { version: 1 });
    const managers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => signedIn("manajer", undefined, `10.92.0.${i}`)),
    );
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2
          ? act(managers[i % 5]!, id, "approve", { version: 2, opd: "dinas-kesehatan", program: "kis-pbi" })
          : act(managers[i % 5]!, id, "return-to-supervisor", {
              version: 2,
              note: "Periksa lagi kelayakannya.",
            }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.error.message).toMatch(/^Rujukan ini sudah berubah: sekarang "/);
    const final = await manajer.get(`/api/referrals/${id}`);
    expect(final.body.version).toBe(3);
    const timeline = await bo.get(`/api/complaints/${c.id}/timeline`);
    expect(timeline.body).toHaveLength(3);
  });

  it("refuses the wrong role (403), another scope (404), a stale version and a wrong step (409)", async () => {
    const c = await forwarded();
    const id = (await bo.post("/api/referrals", referralOf(c.id))).body.id;
    expect((await act(fo, id, "forward", { version: 1 })).status).toBe(403);
    expect((await act(manajer, id, "forward", { version: 1 })).status).toBe(403);
    expect((await act(spvOther, id, "forward", { version: 1 })).status).toBe(404);
    expect((await spvOther.get(`/api/referrals/${id}`)).status).toBe(404);
    expect((await dinkes.get(`/api/referrals/${id}`)).status).toBe(404);
    const other = await signedIn("fo.pagiyanten", undefined, "10.93.0.1");
    expect((await other.get(`/api/referrals/${id}`)).status).toBe(404);
    const stale = await act(spv, id, "forward", { version: 7 });
    expect(stale.status).toBe(409);
    expect((await act(dinkes, id, "accept", { version: 1 })).status).toBe(404);
    const early = await act(manajer, id, "approve", {
      version: 1,
      opd: "dinas-kesehatan",
      program: "kis-pbi",
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      "Rujukan ini masih di supervisor dan belum lewat batas waktu; manajer belum dapat memutuskannya.",
    );
    expect((await admin.get(`/api/referrals/${id}`)).status).toBe(403);
    // A complaint can be referred only from the back office states.
    expect((await bo.post("/api/referrals", referralOf(c.id))).status).toBe(409);
  });

  it("lets the manager decide a referral overdue at the supervisor, recorded as an escalation", async () => {
    const c = await forwarded();
    const id = (await bo.post("/api/referrals", referralOf(c.id))).body.id;
    // Its supervisor deadline passed yesterday.
    await dueYesterday(id);
    const spvInbox = await spv.get("/api/referrals/inbox");
    expect(spvInbox.body.overdue).toBeGreaterThanOrEqual(1);
    const inbox = await manajer.get("/api/referrals/inbox");
    expect(inbox.body.escalations.map((r: { id: string }) => r.id)).toContain(id);
    const approved = await act(manajer, id, "approve", {
      version: 1,
      opd: "dinas-kesehatan",
      program: "kis-pbi",
    });
    expect(approved.status).toBe(200);
    const timeline = await bo.get(`/api/complaints/${c.id}/timeline`);
    expect(timeline.body.at(-1).note).toMatch(/lewat batas waktu supervisor/);
  });

  it("runs no clock while a referral is back at the desa: never overdue there, as its page and the reports say", async () => {
    const c = await forwarded();
    const id = (await bo.post("/api/referrals", referralOf(c.id))).body.id;
    await act(spv, id, "return-to-desa", { version: 1, note: "Lengkapi surat keterangan." });
    await dueYesterday(id);
    expect((await bo.get(`/api/referrals/${id}`)).body).toMatchObject({
      state: "dikembalikan",
      overdue: false,
    });
    const returned = (await bo.get("/api/referrals/inbox")).body.items.find(
      (r: { id: string }) => r.id === id,
    );
    expect(returned.overdue).toBe(false);
  });

  it("sends a declined referral back to the manager, who assigns another OPD; a rejection closes the complaint", async () => {
    const byOpd = async () => {
      const month = today().slice(0, 7);
      const res = await manajer.get(`/api/reports/monthly?desa=33.28.10.2001&month=${month}`);
      expect(res.status).toBe(200);
      const rows: { code: string; approved: number; waiting: number; declined: number }[] =
        res.body.figures.referralsByOpd;
      const row = (code: string) =>
        rows.find((r) => r.code === code) ?? { approved: 0, waiting: 0, declined: 0 };
      return { dinkes: row("dinas-kesehatan"), bpjs: row("bpjs") };
    };
    const before = await byOpd();
    const c = await forwarded();
    const id = (await bo.post("/api/referrals", referralOf(c.id))).body.id;
    await act(spv, id, "forward", { version: 1 });
    await act(manajer, id, "approve", { version: 2, opd: "dinas-kesehatan", program: "kis-pbi" });
    const declined = await act(dinkes, id, "decline", { version: 3, reason: "Bukan kewenangan dinas kami." });
    expect(declined.body.state).toBe("ditolak-opd");
    expect((await manajer.get("/api/referrals/inbox")).body.items.map((r: { id: string }) => r.id)).toContain(
      id,
    );
    const again = await act(manajer, id, "approve", { version: 4, opd: "bpjs", program: "kis-pbi" });
    expect(again.body).toMatchObject({ state: "disetujui", opd: "bpjs" });
    const gone = await dinkes.get(`/api/referrals/${id}`);
    expect(gone.status).toBe(404);
    // Told where it went, and nothing of it.
    expect(gone.body.error.message).toMatch(
      /^Rujukan ini sudah ditugaskan ke OPD lain setelah OPD Anda menolaknya/,
    );
    expect(JSON.stringify(gone.body)).not.toMatch(/bpjs|Siti/i);

    const c2 = await forwarded();
    const id2 = (await bo.post("/api/referrals", referralOf(c2.id))).body.id;
    await act(spv, id2, "forward", { version: 1 });
    const rejected = await act(manajer, id2, "reject", {
      version: 2,
      reason: "Sudah ditangani program lain.",
    });
    expect(rejected.body.state).toBe("ditolak");
    expect((await fo.get(`/api/complaints/${c2.id}`)).body.state).toBe("ditutup");

    // Declined, then rejected by the manager.
    const c3 = await forwarded();
    const { id: id3 } = await approvedTo(c3.id, "dinas-kesehatan", "kis-pbi");
    await act(dinkes, id3, "decline", { version: 3, reason: "Kuota tahun ini sudah penuh." });
    expect(
      (await act(manajer, id3, "reject", { version: 4, reason: "Tidak ada OPD lain." })).body.state,
    ).toBe("ditolak");

    // Declined, then the complaint is cancelled before the manager decides.
    const c4 = await forwarded();
    const { id: id4 } = await approvedTo(c4.id, "dinas-kesehatan", "kis-pbi");
    await act(dinkes, id4, "decline", { version: 3, reason: "Bukan kewenangan dinas kami." });
    const c4now = (await fo.get(`/api/complaints/${c4.id}`)).body;
    const cancelled = await fo.post(`/api/complaints/${c4.id}/cancel`, {
      version: c4now.version,
      reason: "Warga pindah ke luar daerah.",
    });
    expect(cancelled.status).toBe(200);
    expect((await manajer.get(`/api/referrals/${id4}`)).body.state).toBe("dibatalkan");

    // Each OPD's row keeps its own declines: the reassigned, the rejected and the cancelled are Dinkes's.
    const after = await byOpd();
    expect(after.dinkes.approved - before.dinkes.approved).toBe(3);
    expect(after.dinkes.declined - before.dinkes.declined).toBe(3);
    expect(after.bpjs.approved - before.bpjs.approved).toBe(1);
    expect(after.bpjs.waiting - before.bpjs.waiting).toBe(1);
    expect((await manajer.get(`/api/referrals/${id}`)).body.declinedOpds).toEqual(["dinas-kesehatan"]);
  });

  it("numbers letters per kabupaten and year without gaps", async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await forwarded();
      const id = (await bo.post("/api/referrals", referralOf(c.id))).body.id;
      await act(spv, id, "forward", { version: 1 });
      numbers.push(
        (await act(manajer, id, "approve", { version: 2, opd: "dinas-sosial", program: "pkh" })).body
          .letterNumber,
      );
    }
    const seq = numbers.map((n) => Number(n.split("/")[0]));
    expect(seq[1]).toBe(seq[0]! + 1);
    expect(seq[2]).toBe(seq[0]! + 2);
  });
});

describe("bad input on the referral routes", () => {
  it("answers 422 naming the field, and 422 for an unknown step", async () => {
    const c = await forwarded();
    const bad: [unknown, string, string][] = [
      [referralOf(c.id, { reason: "x" }), "reason", "Alasan rujukan minimal 5 karakter."],
      [referralOf(c.id, { urgency: "kilat" }), "urgency", "Tingkat kepentingan tidak dikenal."],
      [referralOf(c.id, { opds: ["A B"] }), "opds.0", "OPD tidak dikenal."],
      [referralOf(c.id, { complaintId: "x" }), "complaintId", "ID pengaduan harus UUID."],
    ];
    for (const [body, field, message] of bad) {
      const res = await bo.post("/api/referrals", body);
      expect(res.status, field).toBe(422);
      expect(res.body.error.fields).toContainEqual({ field, message });
    }
    const id = (await bo.post("/api/referrals", referralOf(c.id))).body.id;
    await act(spv, id, "forward", { version: 1 });
    const noOpd = await act(manajer, id, "approve", { version: 2, program: "pkh" });
    expect(noOpd.body.error.fields).toContainEqual({ field: "opd", message: "OPD tujuan wajib diisi." });
    const unknownOpd = await act(manajer, id, "approve", {
      version: 2,
      opd: "dinas-rahasia",
      program: "pkh",
    });
    expect(unknownOpd.body.error.fields).toEqual([
      { field: "opd", message: 'OPD "dinas-rahasia" tidak dikenal.' },
    ]);
    const pastDue = await act(manajer, id, "approve", {
      version: 2,
      opd: "bpjs",
      program: "pkh",
      dueDate: "2020-01-01",
    });
    expect(pastDue.body.error.fields).toEqual([
      { field: "dueDate", message: "Batas waktu tidak boleh di masa lalu." },
    ]);
    const step = await act(manajer, id, "terbang", { version: 2 });
    expect(step.status).toBe(422);
    expect(step.body.error.fields).toEqual([
      { field: "action", message: 'Tindakan "terbang" tidak dikenal.' },
    ]);
    expect((await act(manajer, id, "reject", { version: "2", reason: "Tidak layak dirujuk." })).status).toBe(
      422,
    );
  });
});

describe("desa back office handling", () => {
  it("records handling, then resolves in the desa; refuses a stale version", async () => {
    const c = await forwarded();
    const handled = await bo.post(`/api/complaints/${c.id}/handle`, {
      version: 1,
      answer: "Dijelaskan syarat pendaftaran PBI.",
      villageProgram: "Ambulans desa",
      psks: ["psm"],
    });
    expect(handled.body.state).toBe("ditangani");
    expect(
      (await bo.post(`/api/complaints/${c.id}/resolve`, { version: 1, answer: "Selesai diurus desa." }))
        .status,
    ).toBe(409);
    const resolved = await bo.post(`/api/complaints/${c.id}/resolve`, {
      version: 2,
      answer: "Selesai diurus desa.",
    });
    expect(resolved.body.state).toBe("selesai");
    expect(
      (await fo.post(`/api/complaints/${c.id}/handle`, { version: 3, answer: "Coba-coba" })).status,
    ).toBe(403);
    const bad = await bo.post(`/api/complaints/${c.id}/handle`, { version: 3, answer: "ok", psks: ["raja"] });
    expect(bad.status).toBe(422);
  });
});

describe("kabupaten settings", () => {
  it("lets the manager set due days and letterhead; others are refused; bad input is named", async () => {
    const current = await manajer.get("/api/settings");
    expect(current.body.dueDays).toEqual({ supervisor: 3, manajer: 5, opd: 14 });
    const saved = await manajer.request("PUT", "/api/settings", {
      dueDays: { supervisor: 2, manajer: 4, opd: 10 },
      letterhead: ["PEMERINTAH KABUPATEN TEGAL", "DINAS SOSIAL"],
    });
    expect(saved.status).toBe(200);
    expect((await bo.get("/api/settings")).body.dueDays.supervisor).toBe(2);
    expect(
      (
        await bo.request("PUT", "/api/settings", {
          dueDays: { supervisor: 9, manajer: 9, opd: 9 },
          letterhead: ["X"],
        })
      ).status,
    ).toBe(403);
    const bad = await manajer.request("PUT", "/api/settings", {
      dueDays: { supervisor: 0, manajer: 4, opd: 10 },
      letterhead: ["X"],
    });
    expect(bad.body.error.fields).toContainEqual({
      field: "dueDays.supervisor",
      message: "Batas hari supervisor minimal 1 hari.",
    });
  });
});

describe("the kabupaten's own catalog", () => {
  it("lets the manager add a program and an OPD, edit routes, and use them at once", async () => {
    const program = await manajer.post("/api/catalog/programs", {
      name: "JAMKESDA Kabupaten Tegal",
      field: "kesehatan",
      serviceField: "jaminan",
    });
    expect(program.status).toBe(201);
    expect(program.body).toEqual({
      code: "jamkesda-kabupaten-tegal",
      name: "JAMKESDA Kabupaten Tegal",
      field: "kesehatan",
      level: "kabupaten",
      serviceField: "jaminan",
    });
    expect(
      (
        await manajer.post("/api/catalog/programs", {
          name: "JAMKESDA Kabupaten Tegal",
          field: "kesehatan",
          serviceField: "jaminan",
        })
      ).status,
    ).toBe(409);
    const opd = await manajer.post("/api/catalog/opds", { name: "RSUD dr. Soeselo" });
    expect(opd.body.code).toBe("rsud-dr-soeselo");
    const catalog = await bo.get("/api/catalog");
    expect(catalog.body.programs.map((p: { code: string }) => p.code)).toContain("jamkesda-kabupaten-tegal");
    expect(catalog.body.opds.map((o: { code: string }) => o.code)).toContain("rsud-dr-soeselo");

    const routes = await manajer.request("PUT", "/api/catalog/routes", {
      routes: [
        { case: "Lansia sakit", ppks: ["lansia-terlantar"], opds: ["rsud-dr-soeselo", "dinas-kesehatan"] },
      ],
    });
    expect(routes.status).toBe(200);
    expect((await bo.get("/api/catalog")).body.routes).toHaveLength(1);
    const badRoute = await manajer.request("PUT", "/api/catalog/routes", {
      routes: [{ case: "Salah", ppks: ["lansia-terlantar"], opds: ["dinas-rahasia"] }],
    });
    expect(badRoute.body.error.fields).toEqual([
      { field: "routes.0.opds.0", message: 'OPD "dinas-rahasia" tidak ada di katalog.' },
    ]);

    // Which OPDs answer a complaint category is the kabupaten's too; a category left out keeps its default.
    const categories = await manajer.request("PUT", "/api/catalog/category-routes", {
      routes: [{ category: "kesehatan", opds: ["rsud-dr-soeselo", "dinas-kesehatan"] }],
    });
    expect(categories.status).toBe(200);
    const kept = (await bo.get("/api/catalog")).body.categoryRoutes as { category: string; opds: string[] }[];
    expect(kept.find((r) => r.category === "kesehatan")?.opds).toEqual([
      "rsud-dr-soeselo",
      "dinas-kesehatan",
    ]);
    expect(kept.find((r) => r.category === "pendidikan")?.opds).toEqual(["dinas-pendidikan"]);
    for (const [routes, field, message] of [
      [
        [{ category: "kesehatan", opds: ["dinas-rahasia"] }],
        "routes.0.opds.0",
        'OPD "dinas-rahasia" tidak ada di katalog.',
      ],
      [[{ category: "sihir", opds: [] }], "routes.0.category", "Kategori pengaduan tidak dikenal."],
      [
        [
          { category: "bansos", opds: [] },
          { category: "bansos", opds: ["dinas-sosial"] },
        ],
        "routes",
        "Setiap kategori hanya boleh muncul sekali.",
      ],
    ] as const) {
      const refused = await manajer.request("PUT", "/api/catalog/category-routes", { routes });
      expect(refused.status).toBe(422);
      expect(refused.body.error.fields).toContainEqual({ field, message });
    }
    expect((await bo.request("PUT", "/api/catalog/category-routes", { routes: [] })).status).toBe(403);
    expect((await bo.get("/api/catalog")).body.categoryRoutes).toEqual(kept);

    // An OPD officer can be tied to the new OPD, and the manager can assign referrals to it with the new program.
    const officer = await admin.post("/api/users", {
      username: "opd.soeselo",
      name: "Petugas RSUD",
      role: "opd",
      scope: { level: "kabupaten", code: "33.28" },
      opd: "rsud-dr-soeselo",
    });
    expect(officer.status).toBe(201);
    const c = await forwarded();
    const { id, approved } = await approvedTo(c.id, "rsud-dr-soeselo", "jamkesda-kabupaten-tegal");
    expect(approved.body).toMatchObject({ state: "disetujui", opd: "rsud-dr-soeselo" });
    const letter = await manajer.get(`/api/referrals/${id}/letter`);
    expect(letter.body).toMatchObject({
      opd: "RSUD dr. Soeselo",
      program: "JAMKESDA Kabupaten Tegal",
      resident: { nik: SITI.nik },
    });

    expect(
      (
        await bo.post("/api/catalog/programs", {
          name: "Program Liar",
          field: "sosial",
          serviceField: "jaminan",
        })
      ).status,
    ).toBe(403);
    const bad = await manajer.post("/api/catalog/programs", { name: "X", field: "hiburan" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toContainEqual({
      field: "name",
      message: "Nama program minimal 3 karakter.",
    });
  });
});
