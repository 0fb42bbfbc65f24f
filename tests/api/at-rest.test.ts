import { randomUUID } from "node:crypto";
import { ScanCommand } from "@puskesos/core/db";
import { beforeAll, describe, expect, it } from "vitest";
import { configure, useConfig } from "@puskesos/core/config";
import type { Db } from "@puskesos/core/db";
import { rotate } from "@puskesos/core/seal/rotate";
import { type Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, JOKO, referral, SITI, WATI } from "../support/residents.ts";

/**
 * NIK, No. KK, phone numbers and case notes are sealed inside their items: after a walk through intake,
 * a proposal, a referral and casework (with a handover), a dump of the whole table holds none of what
 * was entered, while every screen still reads them; a key rotation re-seals all of it.
 */
let db: Db;
let fo: Client, bo: Client, worker: Client;
const KK = "3328102001150007";
const PHONE = "081298765432";
const NOTE = "Riwayat gangguan jiwa, pernah dirawat di RSJ";
const entered = [SITI.nik, JOKO.nik, WATI.nik, KK, PHONE, NOTE];

/** Every item of the table as stored, as one text (the test's own Scan: never in a request path). */
async function dump(): Promise<string> {
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: db.table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items);
}

let complaintId = "";
let caseId = "";

beforeAll(async () => {
  db = await freshTable();
  [fo, bo, worker] = (await Promise.all(
    ["fo.kalisapu", "bo.kalisapu", "peksos.slawi"].map((u, i) => signedIn(u, undefined, `10.87.0.${i + 1}`)),
  )) as [Client, Client, Client];
  const c = await fo.post(
    "/api/complaints",
    complaint({}, { nik: SITI.nik, name: SITI.name, kk: KK, phone: PHONE }),
  );
  expect(c.status).toBe(201);
  complaintId = c.body.id;
  const proposal = await fo.post("/api/proposals", {
    id: randomUUID(),
    complaintId,
    kk: KK,
    members: [
      { reporter: true, name: SITI.name, relationship: "kepala-keluarga" },
      { nik: JOKO.nik, name: JOKO.name, relationship: "suami-istri" },
    ],
    houseCondition: "tidak-layak",
    incomeSource: "buruh-harian",
  });
  expect(proposal.status).toBe(201);
  expect((await bo.post("/api/referrals", referral(complaintId))).status).toBe(201);
  const opened = await worker.post("/api/cases", {
    id: randomUUID(),
    source: "penjangkauan",
    client: { name: WATI.name, nik: WATI.nik, sex: "P", ppks: "korban-tindak-kekerasan", known: NOTE },
  });
  expect(opened.status).toBe(201);
  caseId = opened.body.id;
  const assessed = await worker.post(`/api/cases/${caseId}/assess`, {
    version: 1,
    problems: NOTE,
    needs: "Pendampingan dan tempat aman.",
  });
  expect(assessed.status).toBe(200);
  const handed = await worker.post(`/api/cases/${caseId}/hand-over`, {
    version: 2,
    toKabupatenCode: "33.29",
    receiver: "Dinas Sosial Kabupaten Brebes",
    reason: "Keluarga klien di Brebes.",
  });
  expect(handed.status).toBe(200);
});

describe("personal fields at rest", () => {
  it("are in no item of the table in clear after intake, a proposal, a referral and a case", async () => {
    const table = await dump();
    expect(table).toContain("enc1:1:");
    for (const value of entered) expect(table, value).not.toContain(value);
  });

  it("still read back where the screens need them", async () => {
    const nik = await bo.post(`/api/complaints/${complaintId}/reveal-nik`);
    expect(nik.body).toEqual({ nik: SITI.nik, kk: KK });
    expect((await bo.get(`/api/complaints/${complaintId}`)).body.reporter.phone).toBe(PHONE);
    const file = await worker.get(`/api/cases/${caseId}`);
    expect(file.body.case.client).toMatchObject({ nikMasked: "3328********0003", known: NOTE });
    expect(file.body.entries.find((e: { action: string }) => e.action === "assess").data.problems).toBe(NOTE);
    const handover = await worker.get(`/api/cases/${caseId}/handover`);
    expect(handover.body.file.document.client.nik).toBe(WATI.nik);
  });

  it("are sealed again with a new key version by the rotation, and read as before", async () => {
    configure({ ...useConfig(), dataKeyVersion: 2 });
    const first = await rotate();
    expect(first.resealed).toBeGreaterThanOrEqual(4);
    expect(first.skipped).toBe(0);
    const table = await dump();
    expect(table).not.toMatch(/enc1j?:1:/);
    for (const value of entered) expect(table, value).not.toContain(value);
    expect((await rotate()).resealed).toBe(0);
    const nik = await bo.post(`/api/complaints/${complaintId}/reveal-nik`);
    expect(nik.body).toEqual({ nik: SITI.nik, kk: KK });
    expect((await worker.get(`/api/cases/${caseId}`)).body.case.client.known).toBe(NOTE);
  });
});
