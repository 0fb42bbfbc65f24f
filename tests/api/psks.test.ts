import { beforeAll, describe, expect, it } from "vitest";
import { type Client, freshTable, signedIn } from "../support/api.ts";

/** The PSKS registry: kept by the koordinator (its desa) and the manajer (any region), read within scope, counted by kind. */
let koord: Client, manajer: Client, bo: Client, spvOther: Client, fo: Client;

beforeAll(async () => {
  await freshTable();
  [koord, manajer, bo, spvOther, fo] = (await Promise.all(
    ["koord.kalisapu", "manajer", "bo.kalisapu", "spv.adiwerna", "fo.pagiyanten"].map((u, i) =>
      signedIn(u, undefined, `10.83.0.${i + 1}`),
    ),
  )) as [Client, Client, Client, Client, Client];
});

const entry = (over: Record<string, unknown> = {}) => ({
  kind: "karang-taruna",
  name: "Karang Taruna Tunas Muda",
  contactName: "Rudi Hartono",
  contactPhone: "081234567890",
  ...over,
});

describe("the PSKS registry", () => {
  it("is kept by the koordinator in its desa and the manajer anywhere, and read with the regions above", async () => {
    const kinds = (await import("@puskesos/core/catalog/schema")).PSKS_CODES;
    expect(kinds).toContain("karang-taruna");
    const desa = await koord.post("/api/psks", entry());
    expect(desa.status).toBe(201);
    expect(desa.body).toMatchObject({ regionCode: "33.28.10.2001", active: true, version: 1 });
    const kec = await manajer.post(
      "/api/psks",
      entry({ kind: "tksk", name: "TKSK Slawi", regionCode: "33.28.10" }),
    );
    expect(kec.status).toBe(201);
    const kab = await manajer.post(
      "/api/psks",
      entry({ kind: "dunia-usaha", name: "CSR Bank Daerah", regionCode: "33.28" }),
    );
    expect(kab.status).toBe(201);
    await manajer.post("/api/psks", entry({ name: "Karang Taruna Pagiyanten", regionCode: "33.28.11.2004" }));
    // The desa's back office sees its desa's, its kecamatan's and the kabupaten's; not another desa's.
    const seen = (await bo.get("/api/psks")).body.map((e: { name: string }) => e.name).sort();
    expect(seen).toEqual(["CSR Bank Daerah", "Karang Taruna Tunas Muda", "TKSK Slawi"]);
    expect((await manajer.get("/api/psks")).body).toHaveLength(4);
    expect((await manajer.get("/api/psks?kind=tksk")).body.map((e: { name: string }) => e.name)).toEqual([
      "TKSK Slawi",
    ]);
    expect((await spvOther.get("/api/psks?region=33.28.10.2001")).status).toBe(404);
  });

  it("counts active entries by kind for the dashboard, following a change", async () => {
    const month = (await import("@puskesos/core/time")).today().slice(0, 7);
    const count = async (client: Client, query = "") =>
      (await client.get(`/api/reports/dashboard?period=${month}${query}`)).body.psks;
    expect((await count(manajer)).total).toBe(4);
    expect((await count(koord)).kinds.find((k: { code: string }) => k.code === "karang-taruna").count).toBe(
      1,
    );
    const [own] = (await koord.get("/api/psks?region=33.28.10.2001")).body;
    const off = await koord.put(`/api/psks/${own.regionCode}/${own.id}`, {
      ...entry(),
      version: 1,
      active: false,
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, version: 2 });
    expect((await count(manajer)).total).toBe(3);
    const stale = await koord.put(`/api/psks/${own.regionCode}/${own.id}`, {
      ...entry(),
      version: 1,
      active: true,
    });
    expect(stale.status).toBe(409);
  });

  it("refuses other roles, other areas and bad input", async () => {
    expect((await fo.post("/api/psks", entry())).status).toBe(403);
    expect((await bo.post("/api/psks", entry())).status).toBe(403);
    const elsewhere = await koord.post("/api/psks", entry({ regionCode: "33.28.11.2004" }));
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.fields[0].field).toBe("regionCode");
    const unknownKind = await koord.post("/api/psks", entry({ kind: "ormas" }));
    expect(unknownKind.status).toBe(422);
    expect(unknownKind.body.error.fields).toEqual([{ field: "kind", message: "Jenis PSKS tidak dikenal." }]);
    const noContact = await koord.post("/api/psks", entry({ contactName: "" }));
    expect(noContact.body.error.fields[0].field).toBe("contactName");
    expect(
      (await koord.put("/api/psks/33.28.11.2004/x", { ...entry(), version: 1, active: true })).status,
    ).toBe(404);
  });
});

describe("PSKS involved in a handling", () => {
  it("records the registry's entries the back office names, and refuses one outside the desa's reach", async () => {
    const { complaint } = await import("../support/residents.ts");
    const fo = await signedIn("fo.kalisapu", undefined, "10.83.0.9");
    const c = (await fo.post("/api/complaints", complaint())).body;
    const available = (await bo.get("/api/psks")).body as { id: string; name: string; active: boolean }[];
    const tksk = available.find((e) => e.name === "TKSK Slawi")!;
    const other = (await manajer.get("/api/psks?region=33.28.11.2004")).body[0];
    const refused = await bo.post(`/api/complaints/${c.id}/handle`, {
      version: c.version,
      answer: "Didampingi TKSK.",
      psksIds: [other.id],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields[0].field).toBe("psksIds");
    const done = await bo.post(`/api/complaints/${c.id}/handle`, {
      version: c.version,
      answer: "Didampingi TKSK.",
      psksIds: [tksk.id],
    });
    expect(done.status).toBe(200);
    expect(done.body.handling.psksUsed).toEqual([{ id: tksk.id, name: "TKSK Slawi", kind: "tksk" }]);
  });
});
