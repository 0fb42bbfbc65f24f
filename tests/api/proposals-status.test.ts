import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, dpmCsv, JOKO, SITI, WATI } from "../support/residents.ts";

let fo: Client;
let newComplaint: { id: string; trackingCode: string };

beforeAll(async () => {
  await freshTable();
  fo = await signedIn("fo.kalisapu", undefined, "10.80.0.1");
  const admin = await signedIn("admin", undefined, "10.80.0.2");
  await admin.request("PUT", "/api/dpm/33.28.10.2001", dpmCsv([SITI]), { "content-type": "text/csv" });
  newComplaint = (await fo.post("/api/complaints", complaint())).body;
});

const proposal = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  complaintId: newComplaint.id,
  members: [
    { nik: WATI.nik, name: WATI.name, relationship: "kepala-keluarga" },
    { nik: JOKO.nik, name: JOKO.name, relationship: "suami-istri" },
  ],
  houseCondition: "tidak-layak",
  incomeSource: "buruh-harian",
  ...over,
});

describe("household proposals", () => {
  it("refuses bad household data with 422 naming the field", async () => {
    const cases: [unknown, string, string][] = [
      [proposal({ members: [] }), "members", "Catat minimal satu anggota rumah tangga."],
      [
        proposal({ members: [{ nik: "1", name: "A B", relationship: "anak" }] }),
        "members.0.nik",
        "NIK harus 16 digit; yang diisi 1 digit.",
      ],
      [
        proposal({ members: [{ nik: WATI.nik, name: "A B", relationship: "tetangga" }] }),
        "members.0.relationship",
        "Hubungan keluarga tidak dikenal.",
      ],
      [proposal({ houseCondition: "istana" }), "houseCondition", "Kondisi rumah tidak dikenal."],
      [proposal({ complaintId: "x" }), "complaintId", "ID pengaduan harus UUID."],
    ];
    for (const [body, field, message] of cases) {
      const res = await fo.post("/api/proposals", body);
      expect(res.status, field).toBe(422);
      expect(res.body.error.fields).toContainEqual({ field, message });
    }
  });

  it("creates the proposal once beside the complaint, which stays at the back office, and answers a resend with the same", async () => {
    const body = proposal();
    const created = await fo.post("/api/proposals", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: "diusulkan",
      desaCode: "33.28.10.2001",
      kecamatanCode: "33.28.10",
    });
    expect(created.body.members[0]).toEqual({
      nikMasked: "3328********0003",
      name: "Wati Lestari",
      relationship: "kepala-keluarga",
    });
    const again = await fo.post("/api/proposals", body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    const c = await fo.get(`/api/complaints/${newComplaint.id}`);
    // Issue 11: the complaint is not parked while the household is verified.
    expect(c.body).toMatchObject({
      state: "diteruskan",
      dpm: { found: false },
      proposalId: created.body.id,
      proposalState: "diusulkan",
    });
    const second = await fo.post("/api/proposals", proposal());
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe("Rumah tangga ini sudah diusulkan dan usulannya masih berjalan.");
  });

  it("refuses a proposal for a resident already in the DPM", async () => {
    const inDpm = (await fo.post("/api/complaints", complaint({}, { nik: SITI.nik, name: SITI.name }))).body;
    const res = await fo.post("/api/proposals", proposal({ complaintId: inDpm.id }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe("Pelapor sudah ada di DPM; usulan rumah tangga tidak diperlukan.");
  });

  it("lists proposals for the survey team by kecamatan and desa, and hides them from other scopes", async () => {
    const survei = await signedIn("survei", undefined, "10.81.0.1");
    // Issue 11: all of the team's scope by default.
    expect((await survei.get("/api/proposals")).body.items).toHaveLength(1);
    const byKec = await survei.get("/api/proposals?kecamatan=33.28.10");
    expect(byKec.body.items).toHaveLength(1);
    const byDesa = await survei.get("/api/proposals?desa=33.28.10.2001");
    expect(byDesa.body.items).toHaveLength(1);
    expect((await survei.get("/api/proposals?desa=33.28.10.2002")).body.items).toHaveLength(0);
    const spvOther = await signedIn("spv.adiwerna", undefined, "10.81.0.2");
    expect((await spvOther.get("/api/proposals")).body.items).toHaveLength(0);
    expect((await spvOther.get("/api/proposals?desa=33.28.10.2001")).status).toBe(404);
    const otherFo = await signedIn("fo.pagiyanten", undefined, "10.81.0.3");
    expect((await otherFo.post("/api/proposals", proposal())).status).toBe(404);
    const admin = await signedIn("admin", undefined, "10.81.0.4");
    expect((await admin.get("/api/proposals?kecamatan=33.28.10")).status).toBe(403);
  });
});

describe("public status page", () => {
  it("shows the state for the right code and last four NIK digits, and nothing personal", async () => {
    const anon = new Client("10.82.0.1");
    const res = await anon.post("/api/status", {
      code: newComplaint.trackingCode.toLowerCase(),
      nikLast4: "0003",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: newComplaint.trackingCode,
      state: "diteruskan",
      stateLabel: "Sedang diperiksa petugas Puskesos",
      category: "Kesehatan",
      desa: "Desa Kalisapu",
      proposal: { stateLabel: "Diusulkan" },
      timeZone: "Asia/Jakarta",
    });
    const text = JSON.stringify(res.body);
    for (const secret of ["Wati", WATI.nik, "3328", "BPJS"]) expect(text).not.toContain(secret);
  });

  it("gives one answer for an unknown code and a wrong NIK, and refuses bad input", async () => {
    const anon = new Client("10.82.0.2");
    const wrongNik = await anon.post("/api/status", { code: newComplaint.trackingCode, nikLast4: "9999" });
    const unknown = await anon.post("/api/status", { code: "AAAA-BBBB", nikLast4: "0003" });
    expect(wrongNik.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongNik.body.error.message).toBe(unknown.body.error.message);
    const bad = await anon.post("/api/status", { code: "ABC", nikLast4: "12" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0]).toEqual({
      field: "code",
      message: "Kode pelacakan terdiri dari 8 huruf/angka, mis. K7MP-2QXD.",
    });
  });

  it("limits lookups from one address", async () => {
    const anon = new Client("10.82.0.3");
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await anon.post("/api/status", { code: "AAAA-BBBB", nikLast4: "0000" })).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(
      (
        await new Client("10.82.0.4").post("/api/status", {
          code: newComplaint.trackingCode,
          nikLast4: "0003",
        })
      ).status,
    ).toBe(200);
  });
});
