import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { today } from "@puskesos/core/time";
import { addDays } from "@puskesos/core/time/calendar";
import { type Client, freshTable, signedIn } from "../support/api.ts";

/** Facilities: beds by sex, admissions that never pass the capacity even when they race, discharges. */
let worker: Client, kabWorker: Client, manajer: Client, admin: Client, bo: Client;

beforeAll(async () => {
  await freshTable();
  [worker, kabWorker, manajer, admin, bo] = (await Promise.all(
    ["peksos.slawi", "peksos", "manajer", "admin", "bo.kalisapu"].map((u, i) =>
      signedIn(u, undefined, `10.85.0.${i + 1}`),
    ),
  )) as [Client, Client, Client, Client, Client];
});

const shelter = {
  code: "rps-slawi",
  name: "Rumah Perlindungan Sosial Slawi",
  kind: "rumah-singgah",
  capacityL: 1,
  capacityP: 2,
  longStayDays: 14,
};

const { code: _code, ...withoutCode } = shelter;

const openCase = async (client: Client, sex: "L" | "P") =>
  (
    await client.post("/api/cases", {
      id: randomUUID(),
      source: "penjangkauan",
      client: { name: `Klien ${sex} ${randomUUID().slice(0, 4)}`, sex, ppks: "gelandangan" },
    })
  ).body as { id: string; version: number };

describe("facilities", () => {
  it("are kept by the manajer and the admin with beds by sex; others may not change them", async () => {
    const added = await admin.post("/api/facilities", shelter);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ occupiedL: 0, occupiedP: 0, active: true, version: 1 });
    expect((await admin.post("/api/facilities", shelter)).status).toBe(409);
    expect((await worker.post("/api/facilities", { ...shelter, code: "x-1" })).status).toBe(403);
    expect((await bo.get("/api/facilities")).status).toBe(403);
    const bad = await manajer.post("/api/facilities", {
      ...shelter,
      code: "panti-1",
      kind: "hotel",
      capacityL: -1,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "capacityL",
      "kind",
    ]);
  });

  it("admits only while a bed for the client's sex is free: of two racing for the last one, one is refused", async () => {
    const [a, b] = [await openCase(worker, "L"), await openCase(kabWorker, "L")];
    const race = await Promise.all([
      worker.post(`/api/cases/${a.id}/admit`, { version: 1, facility: "rps-slawi", admittedOn: today() }),
      kabWorker.post(`/api/cases/${b.id}/admit`, { version: 1, facility: "rps-slawi", admittedOn: today() }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = race.find((r) => r.status === 409)!;
    expect(refused.body.error.message).toBe(
      "Tempat untuk laki-laki di Rumah Perlindungan Sosial Slawi sudah penuh (1 tempat). Pilih fasilitas lain.",
    );
    const [facility] = (await manajer.get("/api/facilities")).body;
    expect(facility).toMatchObject({ occupiedL: 1, occupiedP: 0 });
    // The refused case is unchanged: no stay, still at version 1.
    const loser = race[0]!.status === 409 ? { c: worker, id: a.id } : { c: kabWorker, id: b.id };
    expect((await loser.c.get(`/api/cases/${loser.id}`)).body.case).toMatchObject({ version: 1, stays: [] });
    // Women's beds are counted apart.
    const woman = await openCase(worker, "P");
    const placed = await worker.post(`/api/cases/${woman.id}/admit`, {
      version: 1,
      facility: "rps-slawi",
      admittedOn: today(),
    });
    expect(placed.status).toBe(200);
    expect(placed.body.stays[0]).toMatchObject({ facility: "rps-slawi", admittedOn: today() });
    // While she stays, her case cannot be handed over (nor terminated: the bed would stay taken).
    const away = await worker.post(`/api/cases/${woman.id}/hand-over`, {
      version: 2,
      toKabupatenCode: "33.29",
      receiver: "Dinas Sosial Kabupaten Brebes",
      reason: "Keluarga di Brebes.",
    });
    expect(away.status).toBe(409);
    expect(away.body.error.message).toBe(
      "Klien masih tinggal di fasilitas; catat keluarnya terlebih dahulu.",
    );
  });

  it("discharges with a date not before the admission, freeing the bed; shows who has stayed long", async () => {
    const stays = (await worker.get("/api/facilities/stays")).body;
    expect(stays).toHaveLength(2);
    expect(stays[0]).toMatchObject({ days: 0, long: false });
    // Each worker sees the names of its own clients only; another worker's client is a bed taken.
    const seenBy = async (c: Client) =>
      (
        (await c.get("/api/facilities/stays")).body as {
          id: string;
          sex: string;
          caseId?: string;
          clientName: string;
        }[]
      ).find((s) => s.sex === "L")!;
    const [mine, theirs] = [await seenBy(worker), await seenBy(kabWorker)];
    const [man, owner, other] = mine.caseId ? [mine, worker, theirs] : [theirs, kabWorker, mine];
    expect(man.clientName).toMatch(/^Klien L /);
    expect(other).toMatchObject({ clientName: "Klien pekerja sosial lain" });
    expect(other.caseId).toBeUndefined();
    expect(
      (await manajer.get("/api/facilities/stays")).body.every((s: { caseId?: string }) => s.caseId),
    ).toBe(true);
    const file = (await owner.get(`/api/cases/${man.caseId}`)).body.case;
    const early = await owner.post(`/api/cases/${man.caseId}/discharge`, {
      version: file.version,
      stayId: man.id,
      dischargedOn: addDays(today(), -1),
    });
    expect(early.status).toBe(422);
    expect(early.body.error.fields[0]).toMatchObject({
      field: "dischargedOn",
      message: "Tanggal keluar tidak boleh sebelum tanggal masuk.",
    });
    const out = await owner.post(`/api/cases/${man.caseId}/discharge`, {
      version: file.version,
      stayId: man.id,
      dischargedOn: today(),
    });
    expect(out.status).toBe(200);
    expect(out.body.stays[0].dischargedOn).toBe(today());
    expect((await manajer.get("/api/facilities")).body[0]).toMatchObject({ occupiedL: 0, occupiedP: 1 });
    expect((await worker.get("/api/facilities/stays")).body).toHaveLength(1);
    // A capacity below the clients staying is refused.
    const lower = await manajer.put("/api/facilities/rps-slawi", {
      ...withoutCode,
      version: 1,
      capacityP: 0,
      active: true,
    });
    expect(lower.status).toBe(422);
    expect(lower.body.error.fields[0].field).toBe("capacityP");
  });
});
