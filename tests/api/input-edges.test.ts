import { beforeAll, describe, expect, it } from "vitest";
import { Client, freshTable, signedIn, type Answer } from "../support/api.ts";
import { englishIn, errorShapeProblem } from "../support/messages.ts";
import { SITI } from "../support/residents.ts";

/**
 * What callers send that no form would: path values longer than a DynamoDB key or full of odd
 * characters, desa codes outside the kabupaten, catalog names without a letter, bodies that are not
 * a JSON object. Each answers a 4xx in the API's error shape, in Indonesian.
 */

const LONG = "7".repeat(3000);
const ODD = ["%00", "a%00b", "%E0%A4%A", "..%2F..%2Fetc", encodeURIComponent("😀"), "%27%3B--", "%20"];

let admin: Client;
let fo: Client;
let slrt: Client; // a front office at kabupaten scope: every desa code under 33.28 is in its scope
let manajer: Client;

function expectRefusal(res: Answer, label: string) {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  expect(errorShapeProblem(res.body), label).toBeUndefined();
  expect(englishIn(res.body), label).toBeUndefined();
}

beforeAll(async () => {
  await freshTable();
  admin = await signedIn("admin", undefined, "10.90.0.1");
  fo = await signedIn("fo.kalisapu", undefined, "10.90.0.2");
  manajer = await signedIn("manajer", undefined, "10.90.0.3");
  const created = await admin.post("/api/users", {
    username: "fo.slrt",
    name: "Petugas SLRT",
    role: "front-office",
    scope: { level: "kabupaten", code: "33.28" },
  });
  slrt = await signedIn("fo.slrt", created.body.temporaryPassword, "10.90.0.4");
  await slrt.post("/api/auth/password", {
    currentPassword: created.body.temporaryPassword,
    newPassword: "layanan terpadu 2026",
  });
});

describe("path values", () => {
  const csv = { "content-type": "text/csv" };
  const routes: [Client | (() => Client), string, string, unknown?, Record<string, string>?][] = [
    [() => admin, "PUT", "/api/dpm/{}", "NIK,NAMA\n3328104503850001,Siti", csv],
    [() => admin, "GET", "/api/dpm/{}"],
    [() => fo, "POST", "/api/dpm/{}/nik", { nik: SITI.nik }],
    [() => fo, "POST", "/api/dpm/{}/name", { name: "siti" }],
    [() => slrt, "POST", "/api/dpm/{}/nik", { nik: SITI.nik }],
    [() => slrt, "POST", "/api/dpm/{}/name", { name: "siti" }],
    [() => admin, "GET", "/api/regions/{}"],
    [() => admin, "GET", "/api/users/{}"],
    [() => admin, "PUT", "/api/users/{}/active", { active: false }],
    [() => admin, "POST", "/api/users/{}/password-reset"],
    [() => fo, "GET", "/api/users/{}"],
    [() => fo, "POST", "/api/queue/{}/call"],
    [() => fo, "POST", "/api/queue/{}/finish"],
    [() => fo, "POST", "/api/queue/{}/absent"],
    [() => fo, "POST", "/api/queue/{}/requeue"],
    [() => fo, "PUT", "/api/queue/{}/state", { state: "dilayani" }],
  ];

  it("of 3,000 characters answer 4xx in Indonesian", async () => {
    for (const [who, method, path, body, headers] of routes)
      for (const value of [LONG, `33.28.10.${LONG}`, `33.28.${"x".repeat(3000)}`]) {
        const client = typeof who === "function" ? who() : who;
        const res = await client.request(method, path.replace("{}", value), body, headers);
        expectRefusal(res, `${method} ${path} (${value.slice(0, 12)}…)`);
      }
  });

  it("with odd characters answer 4xx in Indonesian", async () => {
    for (const [who, method, path, body, headers] of routes)
      for (const value of ODD) {
        const client = typeof who === "function" ? who() : who;
        const res = await client.request(method, path.replace("{}", value), body, headers);
        expectRefusal(res, `${method} ${path} (${value})`);
      }
  });
});

describe("a desa's DPM status", () => {
  it("is 404 for a code that is not a desa of the kabupaten, null for a desa never imported", async () => {
    for (const code of ["33.27.01.2001", "33.28.10", "33.28", "33.28.10.9999"]) {
      const res = await admin.get(`/api/dpm/${code}`);
      expect(res.status, code).toBe(404);
      expect(res.body.error).toMatchObject({ code: "not_found", message: "Desa tidak ditemukan." });
    }
    const never = await admin.get("/api/dpm/33.28.10.1008");
    expect(never.status).toBe(200);
    expect(never.body).toBeNull();
  });

  it("lookups of a code that is not a desa answer 404, also inside a kabupaten scope", async () => {
    for (const code of ["33.28.10", "33.28.10.9999", "33.28"]) {
      const byNik = await slrt.post(`/api/dpm/${code}/nik`, { nik: SITI.nik });
      expect(byNik.status, code).toBe(404);
      expect(byNik.body.error.message).toBe("Desa tidak ditemukan.");
      expect((await slrt.post(`/api/dpm/${code}/name`, { name: "siti" })).status, code).toBe(404);
    }
    expect((await slrt.post("/api/dpm/33.28.10.1008/nik", { nik: SITI.nik })).status).toBe(200);
  });
});

describe("catalog names", () => {
  it("refuse a name without a letter or digit, with 422 on name", async () => {
    for (const [path, extra] of [
      ["/api/catalog/opds", {}],
      ["/api/catalog/programs", { field: "sosial", serviceField: "perlindungan" }],
    ] as const)
      for (const name of ["😀😀😀", "!!! ???", "— · —", "«»«»"]) {
        const res = await manajer.post(path, { name, ...extra });
        expect(res.status, `${path} ${name}`).toBe(422);
        expect(res.body.error.fields, `${path} ${name}`).toEqual([
          { field: "name", message: "Nama harus memuat huruf atau angka." },
        ]);
      }
    const catalog = await manajer.get("/api/catalog");
    expect(catalog.body.opds.filter((o: { code: string }) => !o.code)).toEqual([]);
    expect(catalog.body.programs.filter((p: { code: string }) => !p.code)).toEqual([]);
  });

  it("refuse control characters such as NUL", async () => {
    const opd = await manajer.post("/api/catalog/opds", { name: "RSUD\u0000Baru" });
    expect(opd.status).toBe(422);
    expect(opd.body.error.fields).toEqual([
      { field: "name", message: "Nama OPD berisi karakter yang tidak diizinkan." },
    ]);
    const program = await manajer.post("/api/catalog/programs", {
      name: "Bantuan\u0007Desa",
      field: "sosial",
      serviceField: "perlindungan",
    });
    expect(program.status).toBe(422);
    expect(program.body.error.fields).toEqual([
      { field: "name", message: "Nama program berisi karakter yang tidak diizinkan." },
    ]);
  });

  it("still accept a name with letters, made into a code a route can name", async () => {
    const opd = await manajer.post("/api/catalog/opds", { name: `RSUD ${"Sehat ".repeat(15)}`.trim() });
    expect(opd.status).toBe(201);
    expect(opd.body.code).toMatch(/^[a-z0-9-]{2,48}$/);
    const routes = await manajer.request("PUT", "/api/catalog/routes", {
      routes: [{ case: "Rumah sakit daerah", ppks: ["fakir-miskin"], opds: [opd.body.code] }],
    });
    expect(routes.status).toBe(200);
  });
});

describe("bodies that are not what a route takes", () => {
  const routes: [() => Client, string, string][] = [
    [() => fo, "POST", "/api/complaints"],
    [() => fo, "POST", "/api/complaints/search"],
    [() => fo, "POST", "/api/proposals"],
    [() => fo, "POST", `/api/dpm/33.28.10.2001/nik`],
    [() => fo, "PUT", "/api/queue/1/state"],
    [() => admin, "POST", "/api/users"],
    [() => admin, "PUT", "/api/users/fo.kalisapu/active"],
    [() => admin, "PUT", "/api/settings"],
    [() => manajer, "POST", "/api/catalog/opds"],
    [() => manajer, "PUT", "/api/catalog/routes"],
    [() => manajer, "POST", "/api/referrals/00000000-0000-4000-8000-000000000000/approve"],
    [() => new Client("10.91.0.1"), "POST", "/api/auth/login"],
    [() => new Client("10.91.0.2"), "POST", "/api/status"],
  ];

  it("answer 400 or 422 in Indonesian for text that is not JSON and for JSON that is not an object", async () => {
    for (const [who, method, path] of routes)
      for (const body of [
        "{",
        "bukan json",
        '{"a":1,}',
        "[]",
        "[[]]",
        "[1,2]",
        "42",
        '"teks"',
        "null",
        "true",
      ]) {
        const res = await who().request(method, path, body);
        expectRefusal(res, `${method} ${path} ${body}`);
        expect([400, 422], `${method} ${path} ${body}`).toContain(res.status);
      }
  });

  it("refuse a JSON array even where every field is optional", async () => {
    for (const body of ["[]", '[{"name":"siti"}]']) {
      const res = await fo.request("POST", "/api/complaints/search", body);
      expect(res.status, body).toBe(422);
      expect(res.body.error.fields).toEqual([
        { field: "body", message: "Badan permintaan harus berupa objek JSON." },
      ]);
    }
  });

  it("name the field and what it must be when a value has the wrong type, at any depth", async () => {
    const search = await fo.post("/api/complaints/search", { name: 5 });
    expect(search.status).toBe(422);
    expect(search.body.error.fields).toEqual([{ field: "name", message: 'Isian "name" harus berupa teks.' }]);
    const cursor = await fo.post("/api/complaints/search", { cursor: [] });
    expect(cursor.body.error.fields).toEqual([
      { field: "cursor", message: "Penanda halaman harus berupa teks." },
    ]);
    const long = await fo.post("/api/complaints/search", { name: "x".repeat(61) });
    expect(long.body.error.fields).toEqual([
      { field: "name", message: 'Isian "name" maksimal 60 karakter.' },
    ]);
    const nested = await manajer.request("PUT", "/api/catalog/routes", {
      routes: [{ case: "Kasus", ppks: ["fakir-miskin"], opds: [["dinas-sosial"]] }],
    });
    expect(nested.status).toBe(422);
    expectRefusal(nested, "nested");
    expect(nested.body.error.fields[0].field).toBe("routes.0.opds.0");
  });

  it("says in Indonesian why a list cursor is unreadable", async () => {
    for (const cursor of ["%00", "-1", "%E0%A4%A", "[]", "e30"]) {
      const res = await admin.get(`/api/users?cursor=${cursor}`);
      expect(res.status, cursor).toBe(422);
      expectRefusal(res, cursor);
      expect(res.body.error.fields[0].field).toBe("cursor");
    }
  });
});
