import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Actor from "@puskesos/core/actor";
import {
  GetCommand,
  getItem,
  queryAll,
  ScanCommand,
  UpdateCommand,
  updateNow,
  type Db,
} from "@puskesos/core/db";
import { recount } from "@puskesos/core/report/recount";
import { nikHash } from "@puskesos/core/resident";
import { sweep } from "@puskesos/core/retention";
import { type Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, person, referral } from "../support/residents.ts";

/**
 * Retention: records finished longer ago than the kabupaten's period lose every personal field to the
 * daily sweep (found through the marks their closing wrote, not a scan), while open and recently
 * finished ones are left as they are and the report counters do not move.
 */
const resident = (n: number, name: string) => ({ ...person(n), name });
const RATNA = resident(201, "Ratna Dewi Anggraeni"); // complaint resolved long ago
const BAMBANG = resident(202, "Bambang Priyo Utomo"); // complaint with proposal and referral, cancelled
const SARI = resident(203, "Sari Utami Rahayu"); // member of Bambang's household
const LASTRI = resident(204, "Lastri Wulandari"); // case client, handed over long ago
const DODI = resident(205, "Dodi Kurniawan"); // complaint still open
const EKA = resident(206, "Eka Purnamasari"); // complaint resolved recently
const FAJAR = resident(207, "Fajar Nugroho"); // resolved long ago, changed recently
const GITA = resident(208, "Gita Permata Sari"); // case still open
const HENDRA = resident(209, "Hendra Wijaya"); // resolved long ago, changed while the sweep reads it
const PHONE = "081234500201";
const NOTE = "Riwayat kekerasan dalam rumah tangga";
const erasedNames = [RATNA, BAMBANG, SARI, LASTRI].map((r) => r.name);
const keptNames = [DODI, EKA, FAJAR, GITA].map((r) => r.name);

/** A day at 10:00 WIB (Tegal's zone). */
const at = (day: string) => vi.setSystemTime(new Date(`${day}T03:00:00Z`));

let db: Db;
let fo: Client, bo: Client, worker: Client, manajer: Client, pdp: Client;
const ids = {
  ...{ a: "", b: "", d: "", e: "", f: "", h: "" },
  ...{ proposal: "", referral: "", closedCase: "", openCase: "", request: "" },
};
let trackingA = "";

async function signIn(n: number) {
  [fo, bo, worker, manajer, pdp] = (await Promise.all(
    ["fo.kalisapu", "bo.kalisapu", "peksos.slawi", "manajer", "pdp"].map((u, i) =>
      signedIn(u, undefined, `10.88.${n}.${i + 1}`),
    ),
  )) as [Client, Client, Client, Client, Client];
}

async function register(who: { nik: string; name: string }, reporter: Record<string, unknown> = {}) {
  const res = await fo.post("/api/complaints", complaint({}, { nik: who.nik, name: who.name, ...reporter }));
  expect(res.status).toBe(201);
  return res.body as { id: string; trackingCode: string; version: number };
}

async function resolve(id: string, answer: string) {
  const current = await bo.get(`/api/complaints/${id}`);
  const res = await bo.post(`/api/complaints/${id}/resolve`, { version: current.body.version, answer });
  expect(res.status).toBe(200);
}

/** Every item as stored (the test's own Scan: never in a request path). */
async function dump(): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: db.table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const counters = async () =>
  (await dump())
    .filter((i) => /^(STATS|CASECOUNT)#/.test(i.pk))
    .sort((x, y) => `${x.pk}${x.sk}`.localeCompare(`${y.pk}${y.sk}`));

const marks = (kind: string) =>
  queryAll<{ sk: string }>({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": `RETAIN#${kind}` },
  });

const asSystem = () => Actor.provide({ type: "system", name: "test" }, () => sweep({ now: new Date() }));

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  at("2026-12-02");
  db = await freshTable();
  await signIn(1);

  const a = await register(RATNA, { phone: PHONE });
  ids.a = a.id;
  trackingA = a.trackingCode;
  await resolve(a.id, `Sembako desa diantar ke rumah ${RATNA.name}.`);

  const b = await register(BAMBANG);
  ids.b = b.id;
  ids.proposal = randomUUID();
  const proposal = await fo.post("/api/proposals", {
    id: ids.proposal,
    complaintId: b.id,
    kk: "3328102001150007",
    members: [
      { reporter: true, name: BAMBANG.name, relationship: "kepala-keluarga" },
      { nik: SARI.nik, name: SARI.name, relationship: "suami-istri" },
    ],
    houseCondition: "tidak-layak",
    incomeSource: "buruh-harian",
    notes: `Rumah ${BAMBANG.name} bocor.`,
  });
  expect(proposal.status).toBe(201);
  const referred = await bo.post("/api/referrals", referral(b.id, { notes: `Istri: ${SARI.name}.` }));
  expect(referred.status).toBe(201);
  ids.referral = referred.body.id;
  const current = await fo.get(`/api/complaints/${b.id}`);
  const cancelled = await fo.post(`/api/complaints/${b.id}/cancel`, {
    version: current.body.version,
    reason: `Keluarga ${BAMBANG.name} pindah ke luar kabupaten.`,
  });
  expect(cancelled.status).toBe(200);

  ids.d = (await register(DODI)).id;
  ids.f = (await register(FAJAR)).id;
  await resolve(ids.f, "Diselesaikan di desa.");
  ids.h = (await register(HENDRA)).id;
  await resolve(ids.h, "Diselesaikan di desa.");

  const opened = await worker.post("/api/cases", {
    id: randomUUID(),
    source: "penjangkauan",
    client: { name: LASTRI.name, nik: LASTRI.nik, sex: "P", ppks: "korban-tindak-kekerasan", known: NOTE },
  });
  expect(opened.status).toBe(201);
  ids.closedCase = opened.body.id;
  expect(
    (
      await worker.post(`/api/cases/${ids.closedCase}/assess`, {
        version: 1,
        problems: NOTE,
        needs: "Tempat aman.",
      })
    ).status,
  ).toBe(200);
  const handed = await worker.post(`/api/cases/${ids.closedCase}/hand-over`, {
    version: 2,
    toKabupatenCode: "33.29",
    receiver: "Dinas Sosial Kabupaten Brebes",
    reason: `Keluarga ${LASTRI.name} di Brebes.`,
  });
  expect(handed.status).toBe(200);
  const open = await worker.post("/api/cases", {
    id: randomUUID(),
    source: "penjangkauan",
    client: { name: GITA.name, nik: GITA.nik, sex: "P", ppks: "fakir-miskin" },
  });
  expect(open.status).toBe(201);
  ids.openCase = open.body.id;

  // Ratna asks who used her data, and is answered.
  ids.request = randomUUID();
  const asked = await pdp.post("/api/privacy/requests", {
    id: ids.request,
    kind: "akses",
    nik: RATNA.nik,
    name: RATNA.name,
    contact: PHONE,
    detail: `Saya ${RATNA.name} ingin tahu siapa yang membuka data saya.`,
    receivedOn: "2026-12-02",
  });
  expect(asked.status).toBe(201);
  const answered = await pdp.post(`/api/privacy/requests/${ids.request}/answer`, {
    version: 1,
    answer: `Laporan akses untuk ${RATNA.name} diserahkan.`,
  });
  expect(answered.status).toBe(200);
}, 60_000);

afterAll(() => vi.useRealTimers());

describe("the kabupaten's retention periods", () => {
  it("start at the documented defaults; the manajer sets them, others may not, a bad value is named", async () => {
    expect((await bo.get("/api/settings")).body.retention).toEqual({
      complaint: 24,
      referral: 24,
      proposal: 24,
      case: 60,
      request: 60,
      audit: 60,
    });
    const base = { dueDays: { supervisor: 3, manajer: 5, opd: 14 }, letterhead: ["DINAS SOSIAL"] };
    const periods = { complaint: 24, referral: 24, proposal: 24, case: 24, request: 24, audit: 24 };
    expect((await bo.put("/api/settings", { ...base, retention: periods })).status).toBe(403);
    const tooShort = await manajer.put("/api/settings", { ...base, retention: { ...periods, complaint: 3 } });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.error.fields).toContainEqual({
      field: "retention.complaint",
      message: "Masa simpan pengaduan minimal 6 bulan.",
    });
    const auditShorter = await manajer.put("/api/settings", {
      ...base,
      retention: { ...periods, audit: 12 },
    });
    expect(auditShorter.status).toBe(422);
    expect(auditShorter.body.error.fields[0].field).toBe("retention.audit");
    // A period over the maximum is named alone: a longer access log could not follow it there.
    const tooLong = await manajer.put("/api/settings", {
      ...base,
      retention: { ...periods, complaint: 400 },
    });
    expect(tooLong.body.error.fields).toEqual([
      { field: "retention.complaint", message: "Masa simpan pengaduan maksimal 360 bulan." },
    ]);
    // A period left out or empty is named as required, not as too short.
    const { complaint: _left, ...withoutComplaint } = periods;
    for (const retention of [withoutComplaint, { ...periods, complaint: "" }]) {
      const empty = await manajer.put("/api/settings", { ...base, retention });
      expect(empty.status).toBe(422);
      expect(empty.body.error.fields).toContainEqual({
        field: "retention.complaint",
        message: "Masa simpan pengaduan wajib diisi.",
      });
    }
    const notWhole = await manajer.put("/api/settings", { ...base, retention: { ...periods, case: 12.5 } });
    expect(notWhole.body.error.fields).toContainEqual({
      field: "retention.case",
      message: "Masa simpan kasus harus bilangan bulat (bulan).",
    });
    const saved = await manajer.put("/api/settings", { ...base, retention: periods });
    expect(saved.status).toBe(200);
    // A client that leaves the periods out keeps them.
    expect((await manajer.put("/api/settings", base)).body.retention).toEqual(periods);
    expect((await bo.get("/api/settings")).body.retention).toEqual(periods);
  });

  it("mark each record in the same write that finishes it, and only finished ones", async () => {
    const day = "2026-12-02";
    expect((await marks("complaint")).map((m) => m.sk).sort()).toEqual(
      [ids.a, ids.b, ids.f, ids.h].map((id) => `${day}#${id}`).sort(),
    );
    expect((await marks("referral")).map((m) => m.sk)).toEqual([`${day}#${ids.referral}`]);
    expect((await marks("proposal")).map((m) => m.sk)).toEqual([`${day}#${ids.proposal}`]);
    expect((await marks("case")).map((m) => m.sk)).toEqual([`${day}#${ids.closedCase}`]);
    expect((await marks("request")).map((m) => m.sk)).toEqual([`${day}#${ids.request}`]);
  });

  it("is swept by the system only", async () => {
    await expect(Actor.provide({ type: "public", ip: "10.0.0.9" }, () => sweep())).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("the sweep, 25 months on", () => {
  let before: Awaited<ReturnType<typeof counters>>;
  let hashes: string[];

  beforeAll(async () => {
    hashes = [RATNA, BAMBANG, SARI, LASTRI].map((r) => nikHash(r.nik));
    // Finished two weeks before the sweep: inside its period.
    at("2029-01-06");
    await signIn(2);
    ids.e = (await register(EKA)).id;
    await resolve(ids.e, "Diselesaikan di desa.");
    // Fajar's complaint was finished long ago but changed since (as a correction does).
    await updateNow({
      key: { pk: `COMPLAINT#${ids.f}`, sk: "COMPLAINT" },
      set: { updatedAt: new Date().toISOString() },
    });
    at("2029-01-20");
    before = await counters();
    const linked = (await dump()).filter(
      (i) => String(i.pk).startsWith("AUDIT#") && String(i.sk) < "2027-01-20" && i.gsi3pk,
    );
    expect(linked.length).toBeGreaterThan(0);
  }, 60_000);

  it("anonymises what finished before the period and reports what it did", async () => {
    // An officer changes Hendra's complaint between the sweep's read and its write.
    const send = db.doc.send.bind(db.doc);
    let raced = false;
    const racing = async (command: any, ...rest: any[]) => {
      const out = await (send as any)(command, ...rest);
      if (!raced && command instanceof GetCommand && command.input.Key.pk === `COMPLAINT#${ids.h}`) {
        raced = true;
        await send(
          new UpdateCommand({
            TableName: db.table,
            Key: command.input.Key,
            UpdateExpression: "SET description = :d ADD version :one",
            ExpressionAttributeValues: { ":d": "Diubah petugas saat penghapusan berjalan.", ":one": 1 },
          }),
        );
      }
      return out;
    };
    (db.doc as any).send = racing;
    const result = await asSystem().finally(() => ((db.doc as any).send = send));
    expect(raced).toBe(true);
    expect(result.day).toBe("2029-01-20");
    expect(result.kinds.complaint).toMatchObject({
      before: "2027-01-20",
      anonymized: 2,
      postponed: 1,
      conflicts: 1,
    });
    expect(result.kinds.referral.anonymized).toBe(1);
    expect(result.kinds.proposal.anonymized).toBe(1);
    expect(result.kinds.case.anonymized).toBe(1);
    expect(result.kinds.request.anonymized).toBe(1);
    expect(result.audit.entries).toBeGreaterThan(0);
    expect(result.records.map((r) => r.id).sort()).toEqual(
      [ids.a, ids.b, ids.referral, ids.proposal, ids.closedCase, ids.request].sort(),
    );
  });

  it("leaves no name, NIK hash, note or handover file of them anywhere in the table", async () => {
    const table = JSON.stringify(await dump());
    for (const text of [...erasedNames, ...hashes, NOTE]) expect(table, text).not.toContain(text);
    // Open and recent records keep theirs (names are not sealed, so the dump would show them).
    for (const name of keptNames) expect(table, name).toContain(name);
    const a = await getItem<Record<string, any>>({ pk: `COMPLAINT#${ids.a}`, sk: "COMPLAINT" });
    expect(a?.reporter).toEqual({
      name: expect.stringContaining("dihapus"),
      nikMasked: "****************",
      rt: "-",
      rw: "-",
    });
    expect(a).not.toHaveProperty("gsi3pk");
    expect(a?.anonymizedAt).toBe(new Date().toISOString());
    expect(await getItem({ pk: `TRACK#${trackingA}`, sk: "TRACK" })).toBeUndefined();
    const c = await getItem<Record<string, any>>({ pk: `CASE#${ids.closedCase}`, sk: "CASE" });
    expect(c?.client).not.toHaveProperty("nik");
    expect(c?.client).not.toHaveProperty("known");
    expect(c?.client).toMatchObject({ sex: "P", ppks: "korban-tindak-kekerasan" });
  });

  it("keeps what the reports count: counters unchanged and equal to a recount from the records", async () => {
    expect(await counters()).toEqual(before);
    expect((await recount()).differences).toEqual([]);
  });

  it("no longer finds them by NIK or name, nor by tracking code; open and recent ones still", async () => {
    await signIn(3);
    expect((await fo.post("/api/complaints/search", { nik: RATNA.nik })).body.items).toEqual([]);
    expect((await fo.post("/api/complaints/search", { name: "Ratna" })).body.items).toEqual([]);
    expect((await fo.post("/api/complaints/search", { nik: DODI.nik })).body.items).toHaveLength(1);
    expect((await fo.post("/api/complaints/search", { nik: EKA.nik })).body.items).toHaveLength(1);
    expect((await bo.post(`/api/complaints/${ids.d}/reveal-nik`)).body.nik).toBe(DODI.nik);
    const status = await fo.post("/api/status", { code: trackingA, nikLast4: RATNA.nik.slice(12) });
    expect(status.status).toBe(404);
  });

  it("still shows each record with its state, dates and what the screens need", async () => {
    const a = await bo.get(`/api/complaints/${ids.a}`);
    expect(a.body).toMatchObject({ state: "selesai", category: "kesehatan", desaCode: "33.28.10.2001" });
    // Nothing more is done on it: no action offered, and a direct call is refused.
    expect(a.body.actions).toEqual([]);
    const reveal = await bo.post(`/api/complaints/${ids.a}/reveal-nik`);
    expect(reveal.status).toBe(409);
    expect(reveal.body.error.message).toContain("masa simpannya berakhir");
    const timeline = await bo.get(`/api/complaints/${ids.b}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.length).toBeGreaterThan(2);
    expect(timeline.body.filter((e: { note?: string }) => e.note)).toEqual([]);
    const ref = await bo.get(`/api/referrals/${ids.referral}`);
    expect(ref.body).toMatchObject({ state: "dibatalkan", reporter: { nikMasked: "****************" } });
    expect(ref.body).not.toHaveProperty("notes");
    const proposal = await fo.get(`/api/proposals/${ids.proposal}`);
    expect(proposal.body).toMatchObject({ state: "dibatalkan", members: [], houseCondition: "tidak-layak" });
    expect(proposal.body).not.toHaveProperty("kkMasked");
    const file = await worker.get(`/api/cases/${ids.closedCase}`);
    expect(file.body.case.state).toBe("diserahkan");
    expect(file.body.entries.every((e: { data: object }) => Object.keys(e.data).length === 0)).toBe(true);
    expect((await worker.get(`/api/cases/${ids.closedCase}/handover`)).status).toBe(404);
    const open = await worker.get(`/api/cases/${ids.openCase}`);
    expect(open.body.case.client.name).toBe(GITA.name);
    // The request stays as the proof it was answered in time, without the resident or the texts.
    const request = await pdp.get(`/api/privacy/requests/${ids.request}`);
    expect(request.body).toMatchObject({
      kind: "akses",
      state: "dijawab",
      nikMasked: "****************",
      receivedOn: "2026-12-02",
      dueOn: "2026-12-05",
      answeredBy: "pdp",
    });
    for (const field of ["name", "detail", "answer"]) expect(request.body[field]).toContain("dihapus");
    expect(request.body).not.toHaveProperty("contact");
    const report = await pdp.post("/api/privacy/access-report", { nik: RATNA.nik });
    expect(report.body.requests).toEqual([]);
  });

  it("loses no change made while it ran: the changed record waits, marked, for the next run", async () => {
    const h = await getItem<Record<string, any>>({ pk: `COMPLAINT#${ids.h}`, sk: "COMPLAINT" });
    expect(h).toMatchObject({ description: "Diubah petugas saat penghapusan berjalan." });
    expect(h?.reporter.name).toBe(HENDRA.name);
    expect(h).not.toHaveProperty("anonymizedAt");
  });

  it("moves the mark of a record changed since; run again, it takes the one left and nothing more", async () => {
    expect((await marks("complaint")).map((m) => m.sk).sort()).toEqual(
      ["2029-01-06#" + ids.e, "2029-01-06#" + ids.f, "2026-12-02#" + ids.h].sort(),
    );
    for (const kind of ["referral", "proposal", "case", "request"]) expect(await marks(kind)).toEqual([]);
    const again = await asSystem();
    expect(again.records).toEqual([{ kind: "complaint", id: ids.h }]);
    expect(again.kinds.complaint).toMatchObject({ anonymized: 1, postponed: 0, dropped: 0, conflicts: 0 });
    expect(again.audit.entries).toBe(0);
    const h = await getItem<Record<string, any>>({ pk: `COMPLAINT#${ids.h}`, sk: "COMPLAINT" });
    expect(h?.reporter.name).not.toBe(HENDRA.name);
    expect((await asSystem()).records).toEqual([]);
  });

  it("unlinks old audit entries from residents and keeps the entries", async () => {
    const audit = (await dump()).filter(
      (i) => String(i.pk).startsWith("AUDIT#") && String(i.sk) < "2027-01-20",
    );
    expect(audit.length).toBeGreaterThan(5);
    for (const entry of audit) {
      expect(entry, entry.action).not.toHaveProperty("gsi3pk");
      expect(entry.summary).not.toMatch(/\d{4}\*{8}\d{4}/);
      expect(entry.pk).not.toMatch(/^AUDIT#(person|resident)#(?!anonim$)/);
    }
  });
});
