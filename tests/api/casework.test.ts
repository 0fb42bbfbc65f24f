import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { today } from "@puskesos/core/time";
import { addDays, yearsBetween } from "@puskesos/core/time/calendar";
import { type Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, SITI } from "../support/residents.ts";

/** Casework: a case's five stages with the supervisor's approvals, who may read it, and bad input. */
let worker: Client, kabWorker: Client, spv: Client, spvOther: Client, manajer: Client, bo: Client, fo: Client;
let opd: Client, admin: Client;

beforeAll(async () => {
  await freshTable();
  const names = [
    "peksos.slawi",
    "peksos",
    "spv.slawi",
    "spv.adiwerna",
    "manajer",
    "bo.kalisapu",
    "fo.kalisapu",
  ];
  [worker, kabWorker, spv, spvOther, manajer, bo, fo] = (await Promise.all(
    names.map((u, i) => signedIn(u, undefined, `10.84.0.${i + 1}`)),
  )) as [Client, Client, Client, Client, Client, Client, Client];
  [opd, admin] = await Promise.all([
    signedIn("opd.dinkes", undefined, "10.84.0.20"),
    signedIn("admin", undefined, "10.84.0.21"),
  ]);
});

const streetPerson = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  source: "satpol-pp",
  client: {
    name: "Tidak diketahui (laki-laki, ±50 th)",
    sex: "L",
    estimatedAge: 50,
    origin: "Ditemukan di Terminal Slawi",
    ppks: "gelandangan",
    known: "Tidak membawa kartu identitas; mengaku dari Brebes.",
  },
  ...over,
});

/** A new case (version 1) handed over to Kabupaten Brebes: closed here. */
const handOver = (by: Client, id: string) =>
  by.post(`/api/cases/${id}/hand-over`, {
    version: 1,
    toKabupatenCode: "33.29",
    receiver: "Dinas Sosial Kabupaten Brebes",
    reason: "Keluarga di Brebes.",
  });

const assessment = (version: number) => ({
  version,
  problems: "Tidak punya tempat tinggal dan tidak punya identitas.",
  needs: "Tempat tinggal sementara, pemeriksaan kesehatan, pelacakan keluarga.",
  strengths: "Mau bekerja, sehat jasmani.",
  conditions: ["tanpa-tempat-tinggal", "tanpa-identitas"],
});

const plan = (version: number, target = addDays(today(), 7)) => ({
  version,
  goals: [
    {
      goal: "Klien mendapat tempat tinggal sementara yang aman",
      strategy: "Penempatan di rumah singgah",
      steps: [{ step: "Antar ke rumah singgah", targetDate: target }],
    },
    {
      goal: "Keluarga klien ditemukan",
      strategy: "Pelacakan melalui Dinas Sosial asal",
      steps: [{ step: "Hubungi Dinas Sosial Brebes", targetDate: addDays(today(), 14) }],
    },
  ],
});

describe("a case from opening to approved termination", () => {
  let id = "";
  it("opens for a person brought in without a NIK, marked unverified, responsible worker the opener", async () => {
    // A birth date still to come is a slip of the keyboard, refused on its field.
    const { estimatedAge: _age, ...client } = streetPerson().client;
    const unborn = await worker.post(
      "/api/cases",
      streetPerson({ client: { ...client, birthDate: addDays(today(), 1) } }),
    );
    expect(unborn.status).toBe(422);
    expect(unborn.body.error.fields).toEqual([
      { field: "client.birthDate", message: "Tanggal lahir tidak boleh setelah hari ini." },
    ]);
    const opened = await worker.post("/api/cases", streetPerson());
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      state: "asesmen",
      worker: "peksos.slawi",
      supervisionCode: "33.28.10",
      client: { identityVerified: false, sex: "L" },
      actions: ["assess", "admit", "hand-over"],
      readable: true,
    });
    expect(opened.body.client.nikMasked).toBeUndefined();
    id = opened.body.id;
    // A new case waits on its worker (assessment and plan), not on the supervisor.
    const waiting = (await worker.get("/api/cases?status=perlu-tindakan")).body.items;
    expect(waiting.map((c: { id: string }) => c.id)).toContain(id);
    const spvWaiting = (await spv.get("/api/cases?status=perlu-tindakan")).body.items;
    expect(spvWaiting.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it("refuses a plan before the assessment, and a target date before the plan", async () => {
    const early = await worker.post(`/api/cases/${id}/submit-plan`, plan(1));
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/asesmen/);
    expect((await worker.post(`/api/cases/${id}/assess`, assessment(1))).body.version).toBe(2);
    const past = await worker.post(`/api/cases/${id}/submit-plan`, plan(2, addDays(today(), -1)));
    expect(past.status).toBe(422);
    expect(past.body.error.fields[0]).toMatchObject({
      field: "goals.0.steps.0.targetDate",
      message: "Tanggal target tidak boleh sebelum tanggal rencana.",
    });
  });

  it("goes to the supervisor, who returns it with a note and then approves it", async () => {
    const sent = await worker.post(`/api/cases/${id}/submit-plan`, plan(2));
    expect(sent.body).toMatchObject({ state: "rencana", version: 3, actions: [] });
    const sentOn = (await worker.get("/api/cases?status=perlu-tindakan")).body.items;
    expect(sentOn.map((c: { id: string }) => c.id)).not.toContain(id);
    const tasks = (await spv.get("/api/cases?status=perlu-tindakan")).body.items;
    expect(tasks.map((c: { id: string }) => c.id)).toContain(id);
    expect((await spvOther.get(`/api/cases/${id}`)).status).toBe(404);
    const back = await spv.post(`/api/cases/${id}/return-plan`, {
      version: 3,
      note: "Tambahkan langkah pemeriksaan kesehatan.",
    });
    expect(back.body).toMatchObject({
      state: "asesmen",
      returnNote: "Tambahkan langkah pemeriksaan kesehatan.",
    });
    const mine = (await worker.get("/api/cases?status=perlu-tindakan")).body.items;
    expect(mine.map((c: { id: string }) => c.id)).toContain(id);
    expect((await worker.post(`/api/cases/${id}/submit-plan`, plan(4))).body.state).toBe("rencana");
    const race = await Promise.all([
      spv.post(`/api/cases/${id}/approve-plan`, { version: 5 }),
      manajer.post(`/api/cases/${id}/approve-plan`, { version: 5 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const approved = race.find((r) => r.status === 200)!.body;
    expect(approved).toMatchObject({ state: "intervensi", version: 6 });
    expect(approved.returnNote).toBeUndefined();
  });

  it("records interventions linked to a goal and evaluations that adjust the plan", async () => {
    const wrongGoal = await worker.post(`/api/cases/${id}/intervene`, {
      version: 6,
      date: today(),
      kind: "konseling",
      goalId: "t9",
      description: "Konseling awal.",
    });
    expect(wrongGoal.status).toBe(422);
    expect(wrongGoal.body.error.fields[0].field).toBe("goalId");
    const future = await worker.post(`/api/cases/${id}/intervene`, {
      version: 6,
      date: addDays(today(), 1),
      kind: "konseling",
      goalId: "t1",
      description: "Konseling awal.",
    });
    expect(future.body.error.fields[0]).toMatchObject({ field: "date" });
    const done = await worker.post(`/api/cases/${id}/intervene`, {
      version: 6,
      date: today(),
      kind: "penempatan",
      goalId: "t1",
      completesStep: "t1.1",
      description: "Klien diantar ke rumah singgah.",
    });
    expect(done.status).toBe(200);
    expect(done.body.plan.goals[0].steps[0].doneOn).toBe(today());
    const evaluated = await worker.post(`/api/cases/${id}/evaluate`, {
      version: 7,
      date: today(),
      goals: [
        { goalId: "t1", progress: "tercapai" },
        { goalId: "t2", progress: "belum", note: "Dinas Sosial Brebes belum menjawab." },
      ],
      targetChanges: [{ stepId: "t2.1", targetDate: addDays(today(), 21) }],
    });
    expect(evaluated.body).toMatchObject({ state: "evaluasi", version: 8 });
    expect(evaluated.body.plan.goals[1]).toMatchObject({ progress: "belum" });
    expect(evaluated.body.plan.goals[1].steps[0].targetDate).toBe(addDays(today(), 21));
  });

  it("terminates with the supervisor's approval, and the file holds every dated entry by name", async () => {
    const bad = await worker.post(`/api/cases/${id}/submit-termination`, {
      version: 8,
      date: today(),
      reason: "hilang",
      destination: "Rumah keluarga di Brebes",
    });
    expect(bad.body.error.fields[0]).toMatchObject({
      field: "reason",
      message: "Alasan terminasi tidak dikenal.",
    });
    const sent = await worker.post(`/api/cases/${id}/submit-termination`, {
      version: 8,
      date: today(),
      reason: "kembali-ke-keluarga",
      destination: "Rumah keluarga di Brebes",
    });
    expect(sent.body.state).toBe("terminasi");
    const closed = await spv.post(`/api/cases/${id}/approve-termination`, { version: 9, note: "Baik." });
    expect(closed.body).toMatchObject({ state: "ditutup", actions: [] });
    const file = await worker.get(`/api/cases/${id}`);
    expect(file.body.entries.map((e: { action: string }) => e.action)).toEqual([
      "open",
      "assess",
      "submit-plan",
      "return-plan",
      "submit-plan",
      "approve-plan",
      "intervene",
      "evaluate",
      "submit-termination",
      "approve-termination",
    ]);
    expect(file.body.entries[1]).toMatchObject({ byName: "Fitri Handayani", role: "pekerja-sosial" });
    expect((await worker.get("/api/cases?status=ditutup")).body.items[0].id).toBe(id);
    const month = today().slice(0, 7);
    const dash = (await manajer.get(`/api/reports/dashboard?period=${month}`)).body.cases;
    expect(dash).toMatchObject({ month: { opened: 1, closed: 1 } });
  });

  it("lets only the worker, the supervisor and the manajer read it, each reading audited against the person", async () => {
    expect((await kabWorker.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await bo.get(`/api/cases/${id}`)).status).toBe(403);
    expect((await opd.get(`/api/cases/${id}`)).status).toBe(403);
    expect((await admin.get(`/api/cases/${id}`)).status).toBe(403);
    expect((await manajer.get(`/api/cases/${id}`)).status).toBe(200);
    const log = await admin.get(`/api/audit?targetType=person&targetId=case-${id}`);
    const reads = log.body.items.filter((e: { action: string }) => e.action === "case.read");
    expect(reads.map((e: { by: string }) => e.by).sort()).toEqual(["manajer", "peksos.slawi"]);
  });
});

describe("opening a case from a complaint", () => {
  it("takes the reporter's NIK from the complaint and names the worker the back office chose", async () => {
    const c = await fo.post(
      "/api/complaints",
      complaint({ ppks: ["lansia-terlantar"] }, { nik: SITI.nik, name: SITI.name }),
    );
    expect(c.status).toBe(201);
    // No DPM was imported into this table: the reporter could not be checked, which is not "not found".
    expect(c.body.dpm).toEqual({ checked: false, found: false });
    const workers = await bo.get("/api/cases/workers?region=33.28.10.2001");
    expect(workers.body.map((w: { username: string }) => w.username).sort()).toEqual([
      "peksos",
      "peksos.slawi",
    ]);
    const noWorker = await bo.post("/api/cases", {
      id: randomUUID(),
      source: "pengaduan",
      complaintId: c.body.id,
      client: { name: SITI.name, sex: "P", ppks: "perempuan-rawan-sosial-ekonomi" },
    });
    expect(noWorker.body.error.fields[0]).toMatchObject({ field: "worker" });
    const body = {
      id: randomUUID(),
      source: "pengaduan",
      complaintId: c.body.id,
      worker: "peksos",
      // Sex and birth date left to the complaint's NIK (3328104503850001: a woman born 5 March 1985).
      client: {
        name: SITI.name,
        ppks: "perempuan-rawan-sosial-ekonomi",
        known: "Tinggal sendiri sejak 2024.",
      },
    };
    const page = (as: typeof bo) => as.get(`/api/complaints/${c.body.id}/with-timeline`);
    expect((await page(bo)).body.openCase).toBeUndefined();
    const opened = await bo.post("/api/cases", body);
    expect(opened.status).toBe(201);
    // The complaint's page names its case to those who may open one, instead of offering a second;
    // the way to it only to those who may read it. The front office is told nothing.
    expect((await page(bo)).body.openCase).toEqual({
      id: body.id,
      workerName: "Yusuf Maulana",
      readable: false,
    });
    expect((await page(kabWorker)).body.openCase).toMatchObject({ id: body.id, readable: true });
    expect((await page(fo)).body).not.toHaveProperty("openCase");
    // A resend after a lost answer gets the answer it lost, while the case holds nothing more than then.
    const again = await bo.post("/api/cases", body);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: body.id, workerName: "Yusuf Maulana", readable: false });
    // The back office may open it but not read it: the answer says so, and the form tells who has it.
    expect(opened.body.readable).toBe(false);
    // One open case per complaint: a second one, by anyone and whatever the client's name, names who has it.
    const second = await bo.post("/api/cases", { ...body, id: randomUUID(), worker: "peksos.slawi" });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(
      "Kasus untuk pengaduan ini sudah dibuka; Yusuf Maulana menanganinya.",
    );
    // Lists carry who and where, not what is known of the client.
    const listed = (await kabWorker.get("/api/cases")).body.items.find(
      (x: { id: string }) => x.id === body.id,
    );
    expect(listed.client.name).toBe(SITI.name);
    expect(listed.client.known).toBeUndefined();
    expect(opened.body).toMatchObject({
      worker: "peksos",
      supervisionCode: "33.28",
      regionCode: "33.28.10.2001",
      client: { nikMasked: "3328********0001", identityVerified: true, sex: "P", birthDate: "1985-03-05" },
    });
    // Without a NIK there is nothing to read it from: the field is named.
    const unknown = await kabWorker.post("/api/cases", {
      id: randomUUID(),
      source: "penjangkauan",
      client: { name: "Orang Tanpa Identitas", ppks: "gelandangan" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toEqual([
      { field: "client.sex", message: "Jenis kelamin wajib dipilih." },
    ]);
    expect((await kabWorker.get(`/api/cases/${opened.body.id}`)).status).toBe(200);
    // A kabupaten worker's supervisor is the manajer: the kecamatan's supervisor does not reach it.
    expect((await spv.get(`/api/cases/${opened.body.id}`)).status).toBe(404);
    const timeline = await bo.get(`/api/complaints/${c.body.id}/timeline`);
    expect(timeline.body.map((e: { actionLabel: string }) => e.actionLabel)).toContain(
      "Penanganan kasus dibuka untuk pekerja sosial",
    );
    const other = await fo.post("/api/cases", streetPerson());
    expect(other.status).toBe(403);
    // Once the first is closed (here handed over to another kabupaten), a new case may be opened, and
    // it in turn is the one open case.
    expect((await handOver(kabWorker, opened.body.id)).status).toBe(200);
    // Moved on since, the case is not the back office's to be given (it may not read cases): a resend
    // says who had it.
    const later = await bo.post("/api/cases", body);
    expect(later.status).toBe(409);
    expect(later.body.error.message).toBe("Kasus ini sudah dibuka; Yusuf Maulana menanganinya.");
    expect((await page(bo)).body.openCase).toBeUndefined();
    const reopened = await bo.post("/api/cases", { ...body, id: randomUUID(), worker: "peksos.slawi" });
    expect(reopened.status).toBe(201);
    expect((await page(bo)).body.openCase).toMatchObject({
      id: reopened.body.id,
      workerName: "Fitri Handayani",
    });
    const third = await bo.post("/api/cases", { ...body, id: randomUUID() });
    expect(third.body.error.message).toBe(
      "Kasus untuk pengaduan ini sudah dibuka; Fitri Handayani menanganinya.",
    );
  });
});

describe("a PPKS type outside the client's age", () => {
  const outreach = (client: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    source: "penjangkauan",
    // Each its own name: a namesake's open case would be warned of first.
    client: { name: `Klien ${randomUUID().slice(0, 8)}`, sex: "L", ...client },
    ...over,
  });
  const asked = (message: string) => [{ field: "client.ppks", message, needsConfirmation: true }];

  it("is asked to be confirmed, from the birth date, the estimated age or the complaint's NIK", async () => {
    const thirty = `${Number(today().slice(0, 4)) - 30}-01-01`;
    const toddler = await kabWorker.post(
      "/api/cases",
      outreach({ birthDate: thirty, ppks: "anak-balita-terlantar" }),
    );
    expect(toddler.status).toBe(422);
    expect(toddler.body.error.fields).toEqual(
      asked(
        "Umur klien 30 tahun (dari tanggal lahir) di luar Anak Balita Terlantar (5 tahun ke bawah). Pilih jenis PPKS yang sesuai; bila sudah benar, centang konfirmasi lalu simpan lagi.",
      ),
    );
    const elder = await kabWorker.post(
      "/api/cases",
      outreach({ estimatedAge: 45, ppks: "lansia-terlantar" }),
    );
    expect(elder.body.error.fields[0].message).toMatch(
      /^Umur klien 45 tahun \(dari perkiraan umur\) di luar Lanjut Usia Terlantar \(60 tahun ke atas\)/,
    );
    // Confirmed by the worker, it opens; a type that fits needs nothing.
    const confirmed = outreach({ estimatedAge: 45, ppks: "lansia-terlantar" }, { ppksAgeConfirmed: true });
    expect((await kabWorker.post("/api/cases", confirmed)).status).toBe(201);
    expect(
      (await kabWorker.post("/api/cases", outreach({ estimatedAge: 72, ppks: "lansia-terlantar" }))).status,
    ).toBe(201);

    // From a complaint the age is the reporter's NIK's (3328104503850001: born 5 March 1985).
    const c = await fo.post(
      "/api/complaints",
      complaint({ ppks: ["lansia-terlantar"] }, { nik: SITI.nik, name: SITI.name }),
    );
    const age = yearsBetween("1985-03-05", today());
    const fromNik = await bo.post("/api/cases", {
      id: randomUUID(),
      source: "pengaduan",
      complaintId: c.body.id,
      worker: "peksos",
      client: { name: SITI.name, ppks: "lansia-terlantar" },
    });
    expect(fromNik.body.error.fields).toEqual(
      asked(
        `Umur klien ${age} tahun (dari NIK) di luar Lanjut Usia Terlantar (60 tahun ke atas). Pilih jenis PPKS yang sesuai; bila sudah benar, centang konfirmasi lalu simpan lagi.`,
      ),
    );
  });
});

describe("a second case for the same client", () => {
  const outreach = (name: string, over: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    source: "penjangkauan",
    client: { name, sex: "L", ppks: "gelandangan" },
    ...over,
  });

  it("is warned of while the first is open in the area, by the name without case or form of address", async () => {
    const first = await worker.post("/api/cases", outreach("Pak Sarmin"));
    expect(first.status).toBe(201);
    const second = outreach("sarmin");
    const warned = await worker.post("/api/cases", second);
    expect(warned.status).toBe(422);
    expect(warned.body.error.fields).toEqual([
      {
        field: "client.name",
        message: expect.stringMatching(
          /^Sudah ada kasus terbuka untuk Pak Sarmin di wilayah Anda, dibuka \d+ \w+ \d{4}, ditangani Fitri Handayani\. /,
        ),
        needsConfirmation: true,
      },
    ]);
    // A kabupaten worker's area holds it too.
    expect((await kabWorker.post("/api/cases", outreach("SARMIN."))).status).toBe(422);

    // Handed over (closed), the first no longer warns.
    expect((await handOver(worker, first.body.id)).status).toBe(200);
    expect((await worker.post("/api/cases", second)).status).toBe(201);

    // Another Sarmin: the officer confirms it is another person.
    const third = outreach("Bapak  Sarmin");
    expect((await worker.post("/api/cases", third)).status).toBe(422);
    expect((await worker.post("/api/cases", { ...third, sameNameConfirmed: true })).status).toBe(201);
  });
});
