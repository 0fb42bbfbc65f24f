import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "@puskesos/core/demo";
import { freshTable, signedIn, type Client } from "../support/api.ts";

/**
 * Every role against records of its own scope and of another desa and kecamatan. Outside the scope
 * the answer is 404 (existence does not leak); admin-only routes answer 403 to other roles.
 */
const KALISAPU = "33.28.10.2001"; // Kec. Slawi
const PROCOT = "33.28.10.1008"; // another desa, same kecamatan
const PAGIYANTEN = "33.28.11.2004"; // Kec. Adiwerna

const expectations: Record<string, { own: string[]; hidden: string[] }> = {
  "fo.kalisapu": { own: [KALISAPU, "33.28.10"], hidden: [PROCOT, PAGIYANTEN, "33.28.11", "33.28"] },
  "bo.kalisapu": { own: [KALISAPU], hidden: [PROCOT, PAGIYANTEN, "33.28.11"] },
  "koord.kalisapu": { own: [KALISAPU], hidden: [PROCOT, PAGIYANTEN, "33.28.11"] },
  "kades.kalisapu": { own: [KALISAPU], hidden: [PROCOT, PAGIYANTEN, "33.28.11"] },
  "fo.pagiyanten": { own: [PAGIYANTEN], hidden: [KALISAPU, PROCOT, "33.28.10"] },
  "spv.slawi": { own: [KALISAPU, PROCOT, "33.28.10"], hidden: [PAGIYANTEN, "33.28.11", "33.28"] },
  "spv.adiwerna": { own: [PAGIYANTEN, "33.28.11"], hidden: [KALISAPU, PROCOT, "33.28.10"] },
  manajer: { own: [KALISAPU, PAGIYANTEN, "33.28.11", "33.28"], hidden: ["33.27.01.2001", "33.27"] },
  survei: { own: [KALISAPU, PAGIYANTEN, "33.28"], hidden: ["33.27.01.2001"] },
  "opd.dinkes": { own: [KALISAPU, PAGIYANTEN], hidden: ["33.29.01.2001"] },
  admin: { own: [KALISAPU, PAGIYANTEN, "33.28"], hidden: ["33.27.01.2001"] },
  "peksos.slawi": { own: [KALISAPU, PROCOT, "33.28.10"], hidden: [PAGIYANTEN, "33.28.11", "33.28"] },
  peksos: { own: [KALISAPU, PAGIYANTEN, "33.28"], hidden: ["33.27.01.2001"] },
  pdp: { own: [KALISAPU, PAGIYANTEN, "33.28"], hidden: ["33.27.01.2001"] },
};

const clients = new Map<string, Client>();
beforeAll(async () => {
  await freshTable();
  for (const [i, user] of DEMO_USERS.entries())
    clients.set(user.username, await signedIn(user.username, undefined, `10.30.0.${i}`));
});

describe("region records by role and scope", () => {
  it("covers every demo role", () => {
    expect(new Set(DEMO_USERS.map((u) => u.role)).size).toBe(11);
    expect(Object.keys(expectations).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
  });

  for (const [username, { own, hidden }] of Object.entries(expectations)) {
    // A desa user's own kecamatan is above its scope: the desa user reads its desa only.
    const ownCodes = own.filter((code) => !(username.endsWith(".kalisapu") && code === "33.28.10"));
    it(`${username}: 200 inside its scope, 404 outside`, async () => {
      const client = clients.get(username)!;
      for (const code of ownCodes) expect((await client.get(`/api/regions/${code}`)).status, code).toBe(200);
      for (const code of hidden) {
        const res = await client.get(`/api/regions/${code}`);
        expect(res.status, code).toBe(404);
        expect(res.body.error.message).toBe("Wilayah tidak ditemukan.");
      }
    });
  }

  it("gives a desa user a tree of its own desa only, a supervisor its kecamatan, the kabupaten all 18/287", async () => {
    const desa = await clients.get("fo.kalisapu")!.get("/api/regions");
    expect(desa.body.kecamatan).toHaveLength(1);
    expect(desa.body.kecamatan[0].desa.map((d: { code: string }) => d.code)).toEqual([KALISAPU]);
    const kec = await clients.get("spv.slawi")!.get("/api/regions");
    expect(kec.body.kecamatan.map((k: { code: string }) => k.code)).toEqual(["33.28.10"]);
    expect(kec.body.kecamatan[0].desa).toHaveLength(10);
    const kab = await clients.get("manajer")!.get("/api/regions");
    expect(kab.body.kecamatan).toHaveLength(18);
    expect(kab.body.kecamatan.reduce((n: number, k: { desa: unknown[] }) => n + k.desa.length, 0)).toBe(287);
  });

  it("names every kabupaten and kota of Indonesia, in code order", async () => {
    const list = await clients.get("peksos.slawi")!.get("/api/regions/kabupaten");
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(500);
    expect(list.body).toContainEqual({ code: "33.29", name: "Kabupaten Brebes" });
    expect(list.body.map((k: { code: string }) => k.code)).toEqual(
      [...list.body.map((k: { code: string }) => k.code)].sort(),
    );
  });
});

describe("admin-only routes", () => {
  const routes: [string, string, unknown?][] = [
    ["GET", "/api/users"],
    [
      "POST",
      "/api/users",
      { username: "x.y", name: "X Y", role: "admin", scope: { level: "kabupaten", code: "33.28" } },
    ],
    ["PUT", "/api/users/fo.kalisapu/active", { active: false }],
    ["POST", "/api/users/fo.kalisapu/password-reset"],
    ["GET", "/api/audit"],
  ];
  for (const user of DEMO_USERS.filter((u) => u.role !== "admin")) {
    it(`refuses ${user.username} (${user.role}) with 403 and changes nothing`, async () => {
      const client = clients.get(user.username)!;
      for (const [method, path, body] of routes) {
        const res = await client.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error.message).toBe("Peran Anda tidak berwenang melakukan tindakan ini.");
      }
      expect((await clients.get("fo.kalisapu")!.get("/api/auth/me")).status).toBe(200);
    });
  }

  it("lets a user read their own record but answers 404 for anyone else's", async () => {
    const client = clients.get("spv.slawi")!;
    expect((await client.get("/api/users/spv.slawi")).status).toBe(200);
    expect((await client.get("/api/users/fo.kalisapu")).status).toBe(404);
    expect((await client.get("/api/users/tidak.ada")).status).toBe(404);
  });

  it("answers 401 to anonymous callers of every protected route", async () => {
    const { Client } = await import("../support/api.ts");
    const anon = new Client("10.31.0.1");
    for (const [method, path, body] of [
      ...routes,
      ["GET", "/api/regions"],
      ["GET", "/api/regions/kabupaten"],
      ["GET", "/api/catalog/opd"],
    ] as [string, string, unknown?][])
      expect((await anon.request(method, path, body)).status, `${method} ${path}`).toBe(401);
  });
});
