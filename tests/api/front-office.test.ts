import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { BUDI, complaint, dpmCsv, JOKO, SITI, WATI } from "../support/residents.ts";

const KALISAPU = "33.28.10.2001";
let fo: Client; // front office of Kalisapu
let other: Client; // front office of Pagiyanten (another kecamatan)
let admin: Client;

beforeAll(async () => {
  await freshTable();
  fo = await signedIn("fo.kalisapu", undefined, "10.70.0.1");
  other = await signedIn("fo.pagiyanten", undefined, "10.70.0.2");
  admin = await signedIn("admin", undefined, "10.70.0.3");
  const imported = await admin.request("PUT", `/api/dpm/${KALISAPU}`, dpmCsv([SITI, BUDI]), {
    "content-type": "text/csv",
  });
  expect(imported.status).toBe(200);
});

describe("queue", () => {
  it("gives 200 numbers asked at once from several devices as 1..200, no gap, no duplicate", async () => {
    const devices = await Promise.all(
      [0, 1, 2, 3].map((i) => signedIn("fo.kalisapu", undefined, `10.71.0.${i}`)),
    );
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => devices[i % devices.length]!.post("/api/queue")),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const numbers = answers.map((a) => a.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const today = await fo.get("/api/queue");
    expect(today.body.tickets).toHaveLength(200);
    expect(today.body.counts).toEqual({ menunggu: 200, dilayani: 0, selesai: 0, batal: 0 });
    expect(today.body.day).toBe(
      new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date()),
    );
  });

  it("keeps each office's queue apart", async () => {
    const first = await other.post("/api/queue");
    expect(first.body).toMatchObject({ number: 1, office: "33.28.11.2004" });
  });

  it("moves a ticket through its states and refuses a stale move with 409", async () => {
    expect((await fo.put("/api/queue/1/state", { state: "dilayani" })).body.state).toBe("dilayani");
    expect((await fo.put("/api/queue/1/state", { state: "selesai" })).body.state).toBe("selesai");
    const stale = await fo.put("/api/queue/1/state", { state: "dilayani" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe(
      'Nomor 001 berstatus "Selesai" dan tidak dapat diubah menjadi "Sedang dilayani".',
    );
    expect((await fo.put("/api/queue/999/state", { state: "dilayani" })).status).toBe(404);
    const bad = await fo.put("/api/queue/2/state", { state: "terbang" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0]).toEqual({ field: "state", message: "Status antrian tidak dikenal." });
    expect((await fo.put("/api/queue/abc/state", { state: "dilayani" })).status).toBe(422);
  });

  it("is for the front office and koordinator only", async () => {
    for (const username of ["bo.kalisapu", "kades.kalisapu", "spv.slawi", "admin"]) {
      const client = await signedIn(username, undefined, `10.72.0.${username.length}`);
      expect((await client.post("/api/queue")).status, username).toBe(403);
    }
    expect((await (await signedIn("koord.kalisapu", undefined, "10.72.1.1")).post("/api/queue")).status).toBe(
      201,
    );
  });
});

describe("registering a complaint", () => {
  it("marks a resident found in the DPM with the decile and forwards the complaint to the back office", async () => {
    const res = await fo.post(
      "/api/complaints",
      complaint({ queueNumber: 2 }, { nik: SITI.nik, name: SITI.name }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      desaCode: KALISAPU,
      state: "diteruskan",
      queueNumber: 2,
      dpm: { checked: true, found: true, decile: 2, name: "Siti Aminah" },
      reporter: { nikMasked: "3328********0001", name: "Siti Aminah", rt: "001", rw: "002" },
    });
    expect(res.body.trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(JSON.stringify(res.body)).not.toContain(SITI.nik);
  });

  it("sends a resident not in the DPM to the back office at once, marked as not in the DPM", async () => {
    const res = await fo.post("/api/complaints", complaint());
    expect(res.status).toBe(201);
    // Issue 11: at the back office at once, marked as not in the DPM.
    expect(res.body).toMatchObject({ state: "diteruskan", dpm: { checked: true, found: false } });
  });

  it("creates one record when the same submission arrives 5 times, one after another or at once", async () => {
    const body = complaint({}, { nik: JOKO.nik, name: JOKO.name });
    const first = await fo.post("/api/complaints", body);
    expect(first.status).toBe(201);
    for (let i = 0; i < 4; i++) {
      const again = await fo.post("/api/complaints", body);
      expect(again.status).toBe(200);
      expect(again.body.trackingCode).toBe(first.body.trackingCode);
    }
    const burst = complaint({}, { nik: JOKO.nik, name: JOKO.name });
    const answers = await Promise.all(Array.from({ length: 5 }, () => fo.post("/api/complaints", burst)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.trackingCode)).size).toBe(1);
    const found = await fo.post("/api/complaints/search", { nik: JOKO.nik });
    expect(found.body.items).toHaveLength(2);
  });

  it("refuses an invalid NIK with the same message the form shows", async () => {
    const cases: [string, string][] = [
      ["332810450385000", "NIK harus 16 digit; yang diisi 15 digit."],
      ["3328103102880003", "NIK: tanggal lahir 31-02-1988 tidak ada di kalender."],
      ["9928104503850001", "NIK: kode provinsi 99 tidak ada."],
      ["3328104503850000", "NIK: nomor urut 0000 tidak valid."],
    ];
    for (const [nik, message] of cases) {
      const res = await fo.post("/api/complaints", complaint({}, { nik }));
      expect(res.status).toBe(422);
      expect(res.body.error.fields).toContainEqual({ field: "reporter.nik", message });
    }
    const kk = await fo.post("/api/complaints", complaint({}, { kk: "33281001011" }));
    expect(kk.body.error.fields).toContainEqual({
      field: "reporter.kk",
      message: "No. KK harus 16 digit; yang diisi 11 digit.",
    });
  });

  it("asks the officer to confirm a NIK whose kecamatan code is unknown, then accepts it", async () => {
    const body = complaint({}, { nik: "3328994503850001" });
    const asked = await fo.post("/api/complaints", body);
    expect(asked.status).toBe(422);
    expect(asked.body.error.fields).toEqual([
      {
        field: "reporter.nik",
        message: expect.stringContaining("kode kecamatan 33.28.99 tidak dikenal"),
        needsConfirmation: true,
      },
    ]);
    expect((await fo.post("/api/complaints", { ...body, idConfirmed: true })).status).toBe(201);
  });

  it("refuses other bad input with 422 naming the field, and keeps script payloads as text", async () => {
    const cases: [unknown, string, string][] = [
      [complaint({ id: "bukan-uuid" }), "id", "ID pengaduan harus UUID."],
      [complaint({ category: "sihir" }), "category", "Kategori pengaduan tidak dikenal."],
      [complaint({ ppks: ["fakir-miskin", "fakir-miskin"] }), "ppks", "Jenis PPKS tidak boleh ganda."],
      [complaint({ ppks: ["naga"] }), "ppks.0", "Jenis PPKS tidak dikenal."],
      [complaint({ description: "ab" }), "description", "Uraian pengaduan minimal 5 karakter."],
      [
        complaint({ consent: false }),
        "consent",
        "Persetujuan warga wajib dicatat bila dasar pemrosesan adalah persetujuan.",
      ],
      [complaint({}, { rt: "12a" }), "reporter.rt", "RT harus 1–3 angka, mis. 003."],
      [
        complaint({}, { phone: "12345" }),
        "reporter.phone",
        "Nomor HP harus nomor seluler Indonesia, mis. 081234567890.",
      ],
      [complaint({ reporter: undefined }), "reporter", "Data pelapor wajib diisi."],
      [complaint({ queueNumber: "7" }), "queueNumber", "Nomor antrian harus berupa angka."],
    ];
    for (const [body, field, message] of cases) {
      const res = await fo.post("/api/complaints", body);
      expect(res.status, field).toBe(422);
      expect(res.body.error.fields).toContainEqual({ field, message });
    }
    const script = "<script>alert('x')</script> rumah bocor";
    const ok = await fo.post(
      "/api/complaints",
      complaint({ description: script, consent: false, legalBasis: "kepentingan-umum" }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.description).toBe(script);
    expect((await fo.post("/api/complaints", "x".repeat(70_000))).status).toBe(413);
  });
});

describe("finding and opening complaints", () => {
  it("searches the desa's complaints by NIK, name, state, category and day", async () => {
    const byNik = await fo.post("/api/complaints/search", { nik: SITI.nik });
    expect(byNik.body.items).toHaveLength(1);
    const byName = await fo.post("/api/complaints/search", { name: "aminah" });
    expect(byName.body.items.map((c: { reporter: { name: string } }) => c.reporter.name)).toEqual([
      "Siti Aminah",
    ]);
    const byState = await fo.post("/api/complaints/search", { state: "diteruskan" });
    expect(byState.body.items.every((c: { state: string }) => c.state === "diteruskan")).toBe(true);
    expect(byState.body.items.length).toBeGreaterThan(0);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
    const byDay = await fo.post("/api/complaints/search", { day: today, category: "kesehatan" });
    expect(byDay.body.items.length).toBeGreaterThanOrEqual(5);
    expect((await fo.post("/api/complaints/search", { day: "2020-01-01" })).body.items).toEqual([]);
  });

  it("opens a complaint with the NIK masked and reveals it only on request, both audited", async () => {
    const created = await fo.post("/api/complaints", complaint({}, { nik: BUDI.nik, name: BUDI.name }));
    const opened = await fo.get(`/api/complaints/${created.body.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.reporter.nikMasked).toBe("3328********0002");
    const revealed = await fo.post(`/api/complaints/${created.body.id}/reveal-nik`);
    expect(revealed.body).toEqual({ nik: BUDI.nik });
    const log = await admin.get(`/api/audit?targetType=complaint&targetId=${created.body.id}`);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      "complaint.reveal-nik",
      "complaint.read",
      "complaint.register",
    ]);
  });

  it("hides another desa's complaints (404), also through search, and keeps admin out of contents", async () => {
    const mine = await fo.post("/api/complaints", complaint());
    expect((await other.get(`/api/complaints/${mine.body.id}`)).status).toBe(404);
    expect((await other.post(`/api/complaints/${mine.body.id}/reveal-nik`)).status).toBe(404);
    expect((await other.post("/api/complaints/search", { nik: WATI.nik })).body.items).toEqual([]);
    expect((await other.post("/api/complaints/search", { desa: KALISAPU })).body.items.length).toBe(0);
    // Resending another desa's id does not reveal or change it.
    const replay = await other.post("/api/complaints", complaint({ id: mine.body.id }));
    expect(replay.status).toBe(409);
    expect(JSON.stringify(replay.body)).not.toContain("Kalisapu");
    const spvOther = await signedIn("spv.adiwerna", undefined, "10.73.0.1");
    expect((await spvOther.get(`/api/complaints/${mine.body.id}`)).status).toBe(404);
    const spv = await signedIn("spv.slawi", undefined, "10.73.0.2");
    expect((await spv.get(`/api/complaints/${mine.body.id}`)).status).toBe(200);
    expect((await admin.get(`/api/complaints/${mine.body.id}`)).status).toBe(403);
    expect((await admin.post("/api/complaints/search", { desa: KALISAPU })).status).toBe(403);
    expect((await admin.post("/api/complaints", complaint())).status).toBe(403);
  });
});

describe("DPM", () => {
  it("looks residents up by NIK and by name within the desa only", async () => {
    const nik = await fo.post(`/api/dpm/${KALISAPU}/nik`, { nik: SITI.nik });
    expect(nik.body).toMatchObject({
      imported: true,
      found: [{ nikMasked: "3328********0001", name: "Siti Aminah", decile: 2 }],
    });
    expect((await fo.post(`/api/dpm/${KALISAPU}/nik`, { nik: WATI.nik })).body.found).toEqual([]);
    const name = await fo.post(`/api/dpm/${KALISAPU}/name`, { name: "bud" });
    expect(name.body.found.map((e: { name: string }) => e.name)).toEqual(["Budi Santoso"]);
    expect((await other.post(`/api/dpm/${KALISAPU}/nik`, { nik: SITI.nik })).status).toBe(404);
    expect((await fo.post(`/api/dpm/${KALISAPU}/nik`, { nik: "123" })).status).toBe(422);
  });

  it("accepts common header spellings, reports bad rows by line, and replaces the list whole", async () => {
    const csv = [
      "No_NIK;Nama_Lengkap;Alamat;Desil_Nasional",
      `${WATI.nik};Wati Lestari;Kalisapu;3`,
      "3328101705880000;Tanpa Urut;Kalisapu;1",
      `${WATI.nik};Wati Ganda;Kalisapu;3`,
      "3328101705880003;;Kalisapu;1",
      "3328101705880005;Desil Aneh;Kalisapu;11",
    ].join("\n");
    const res = await admin.request("PUT", `/api/dpm/${KALISAPU}`, csv, { "content-type": "text/csv" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, rejected: 4 });
    expect(res.body.errors).toEqual([
      { line: 3, field: "NIK", message: "NIK: nomor urut 0000 tidak valid." },
      { line: 4, field: "NIK", message: "NIK sama dengan baris 2." },
      { line: 5, field: "NAMA", message: "Nama kosong." },
      { line: 6, field: "DESIL", message: 'Desil "11" harus angka 1–10.' },
    ]);
    // Siti was in the old list only: after the import she is not found, Wati is.
    expect((await fo.post(`/api/dpm/${KALISAPU}/nik`, { nik: SITI.nik })).body.found).toEqual([]);
    expect((await fo.post(`/api/dpm/${KALISAPU}/nik`, { nik: WATI.nik })).body.found[0].decile).toBe(3);
    expect((await admin.get(`/api/dpm/${KALISAPU}`)).body).toMatchObject({ count: 1, importedBy: "admin" });
  });

  it("refuses a file without a NIK column, a file with no valid row, and non-admins", async () => {
    const noNik = await admin.request("PUT", `/api/dpm/${KALISAPU}`, "NAMA,ALAMAT\nA,B", {
      "content-type": "text/csv",
    });
    expect(noNik.status).toBe(422);
    expect(noNik.body.error.message).toBe("Kolom NIK tidak ditemukan. Kolom yang ada: NAMA, ALAMAT.");
    // A workbook saved from Excel instead of a CSV: told what to do, not shown the zip's first bytes.
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("DPM").addRow(["NIK", "NAMA"]);
    const xlsx = new TextDecoder().decode(await workbook.xlsx.writeBuffer());
    const excel = await admin.request("PUT", `/api/dpm/${KALISAPU}`, xlsx, { "content-type": "text/csv" });
    expect(excel.status).toBe(422);
    expect(excel.body.error.message).toBe(
      "Berkas ini berkas Excel (.xlsx), bukan CSV. Di Excel pilih Simpan Sebagai → CSV, lalu impor berkas CSV itu.",
    );
    const allBad = await admin.request("PUT", `/api/dpm/${KALISAPU}`, "NIK,NAMA\n123,A", {
      "content-type": "text/csv",
    });
    expect(allBad.status).toBe(422);
    expect(allBad.body.error.message).toBe("Tidak ada baris yang valid; DPM tidak diubah.");
    expect((await fo.post(`/api/dpm/${KALISAPU}/nik`, { nik: WATI.nik })).body.found).toHaveLength(1);
    expect(
      (await fo.request("PUT", `/api/dpm/${KALISAPU}`, dpmCsv([SITI]), { "content-type": "text/csv" }))
        .status,
    ).toBe(403);
    expect(
      (await admin.request("PUT", "/api/dpm/33.27.01.2001", dpmCsv([SITI]), { "content-type": "text/csv" }))
        .status,
    ).toBe(422);
  });

  it("imports 5,000 rows in one request", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      nik: `33281001018${String(Math.floor(i / 9999)).padStart(1, "0")}${String((i % 9999) + 1).padStart(4, "0")}`,
      name: `Warga ${i}`,
      decile: (i % 10) + 1,
    }));
    const res = await admin.request("PUT", `/api/dpm/${KALISAPU}`, dpmCsv(rows), {
      "content-type": "text/csv",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 5000, rejected: 0 });
    expect((await fo.post(`/api/dpm/${KALISAPU}/name`, { name: "warga 4999" })).body.found).toHaveLength(1);
  }, 120_000);
});

describe("the kabupaten's SLRT front office", () => {
  it("registers for a desa it names, and must name one inside the kabupaten", async () => {
    const created = await admin.post("/api/users", {
      username: "fo.slrt",
      name: "Petugas SLRT",
      role: "front-office",
      scope: { level: "kabupaten", code: "33.28" },
    });
    const slrt = await signedIn("fo.slrt", created.body.temporaryPassword, "10.74.0.1");
    await slrt.post("/api/auth/password", {
      currentPassword: created.body.temporaryPassword,
      newPassword: "layanan terpadu 2026",
    });
    const missing = await slrt.post("/api/complaints", complaint());
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toEqual([
      { field: "desaCode", message: "Desa pelapor wajib dipilih." },
    ]);
    const outside = await slrt.post("/api/complaints", complaint({ desaCode: "33.27.01.2001" }));
    expect(outside.body.error.fields).toEqual([
      { field: "desaCode", message: "Desa 33.27.01.2001 tidak ada di wilayah Anda." },
    ]);
    const ok = await slrt.post("/api/complaints", complaint({ desaCode: "33.28.11.2004" }));
    expect(ok.status).toBe(201);
    expect(ok.body.desaCode).toBe("33.28.11.2004");
    // The desa's own office sees it; a desa office cannot register for another desa.
    expect((await other.get(`/api/complaints/${ok.body.id}`)).status).toBe(200);
    const foreign = await fo.post("/api/complaints", complaint({ desaCode: "33.28.11.2004" }));
    expect(foreign.body.error.fields).toEqual([
      { field: "desaCode", message: "Desa pelapor harus desa Anda." },
    ]);
    expect((await slrt.post("/api/queue")).body.office).toBe("33.28");
  });
});

describe("bad search input", () => {
  it("answers 422 naming the field", async () => {
    const cases: [unknown, string, string][] = [
      [{ state: "hilang" }, "state", "Status pengaduan tidak dikenal."],
      [{ nik: "123" }, "nik", "NIK harus 16 digit; yang diisi 3 digit."],
      [{ day: "kemarin" }, "day", "Tanggal harus berformat TTTT-BB-HH."],
      [{ name: "a" }, "name", "Nama yang dicari minimal 2 huruf."],
      [{ category: 7 }, "category", "Kategori pengaduan tidak dikenal."],
    ];
    for (const [body, field, message] of cases) {
      const res = await fo.post("/api/complaints/search", body);
      expect(res.status, field).toBe(422);
      expect(res.body.error.fields).toContainEqual({ field, message });
    }
    const manajer = await signedIn("manajer", undefined, "10.75.0.1");
    const needsDesa = await manajer.post("/api/complaints/search", {});
    expect(needsDesa.body.error.fields).toEqual([
      { field: "desa", message: "Pilih desa yang ingin dilihat." },
    ]);
    expect((await manajer.post("/api/complaints/search", { desa: KALISAPU })).status).toBe(200);
  });
});

describe("a resident served on a provisional number", () => {
  it("is counted as served with the complaint, which names the number", async () => {
    const manajer = await signedIn("manajer", undefined, "10.70.9.1");
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" })
      .format(new Date())
      .slice(0, 7);
    const figures = async () =>
      (await manajer.get(`/api/reports/monthly?month=${month}&desa=${KALISAPU}`)).body.figures as {
        tickets: number;
        complaints: number;
      };
    const before = await figures();
    const made = await fo.post(
      "/api/complaints",
      complaint({ provisionalTicket: "S-01" }, { nik: "3328100101700012", name: "Darmi" }),
    );
    expect(made.status).toBe(201);
    expect(made.body.provisionalTicket).toBe("S-01");
    expect(await figures()).toMatchObject({
      tickets: before.tickets + 1,
      complaints: before.complaints + 1,
    });
    const odd = await fo.post("/api/complaints", complaint({ provisionalTicket: "7" }));
    expect(odd.status).toBe(422);
    expect(odd.body.error.fields[0]).toEqual({
      field: "provisionalTicket",
      message: "Nomor antrian sementara berbentuk S-01.",
    });
  });
});
