import { beforeAll, describe, expect, inject, it } from "vitest";
import { configureDb, useDb } from "@puskesos/core/db";
import { Client, freshTable, signedIn } from "../support/api.ts";

let admin: Client;
beforeAll(async () => {
  await freshTable();
  admin = await signedIn("admin");
});

describe("health", () => {
  it("answers 200 with the storage status", async () => {
    const res = await new Client().get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ok: true,
      storage: { ok: true, status: "ACTIVE", table: useDb().table },
    });
  });

  it("answers 503 when the table cannot be reached", async () => {
    const working = useDb();
    configureDb({ tableName: "tidak-ada", endpoint: "http://127.0.0.1:9", region: "local" });
    try {
      const res = await new Client().get("/api/health");
      expect(res.status).toBe(503);
      expect(res.body.storage).toMatchObject({ ok: false, status: "UNREACHABLE" });
    } finally {
      configureDb({ tableName: working.table, endpoint: inject("dynamoEndpoint"), region: "local" });
    }
  });
});

describe("errors", () => {
  it("answers 404 in Indonesian JSON for an unknown API path", async () => {
    const res = await new Client().get("/api/tidak-ada");
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "not_found", message: "Alamat API tidak ditemukan." });
  });

  it("answers 500 without internals when something unexpected breaks", async () => {
    const working = useDb();
    // A table that does not exist makes every read fail inside the SDK.
    configureDb({ tableName: "tabel-hilang", endpoint: inject("dynamoEndpoint"), region: "local" });
    try {
      const res = await new Client("10.40.0.1").login("admin");
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe("internal");
      expect(res.body.error.message).toMatch(/^Terjadi kesalahan di server/);
      expect(res.body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/ResourceNotFound|tabel-hilang|stack|at \w+ \(|node_modules/);
    } finally {
      configureDb({ tableName: working.table, endpoint: inject("dynamoEndpoint"), region: "local" });
    }
  });
});

describe("request hygiene", () => {
  it("sends security headers on every answer", async () => {
    for (const path of ["/api/health", "/api/tidak-ada", "/api/openapi.json", "/api/docs"]) {
      const res = await new Client().get(path);
      expect(res.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
    expect((await admin.get("/api/users")).headers.get("cache-control")).toBe("no-store");
  });

  it("refuses writes from another site (Origin or Sec-Fetch-Site) with 403, and nothing changes", async () => {
    const evil = await admin.post("/api/users/fo.kalisapu/password-reset", undefined, {
      origin: "https://jahat.example",
    });
    expect(evil.status).toBe(403);
    expect(evil.body.error.message).toBe("Permintaan dari situs lain ditolak.");
    const crossSite = await admin.request(
      "PUT",
      "/api/users/fo.kalisapu/active",
      { active: false },
      {
        origin: "",
        "sec-fetch-site": "cross-site",
      },
    );
    expect(crossSite.status).toBe(403);
    expect((await new Client("10.41.0.1").login("fo.kalisapu")).status).toBe(200);
    const malformed = await admin.post("/api/auth/logout", undefined, { origin: "bukan url" });
    expect(malformed.status).toBe(403);
  });

  it("accepts a write from a configured extra origin", async () => {
    const { configure, useConfig } = await import("@puskesos/core/config");
    const previous = useConfig();
    configure({ ...previous, allowedOrigins: ["https://puskesos.tegalkab.go.id"] });
    try {
      const res = await new Client("10.42.0.1").post(
        "/api/auth/login",
        { username: "manajer", password: "puskesos-demo" },
        { origin: "https://puskesos.tegalkab.go.id" },
      );
      expect(res.status).toBe(200);
    } finally {
      configure(previous);
    }
  });

  it("refuses a body that is not JSON (form posts cannot carry a cross-site write)", async () => {
    const res = await new Client("10.43.0.1").post("/api/auth/login", "username=admin&password=x", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { field: "Content-Type", message: "Content-Type harus application/json." },
    ]);
  });

  it("refuses an oversized body with 413 before reading it", async () => {
    const res = await admin.post("/api/users", { username: "besar", name: "x".repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe("Data yang dikirim terlalu besar (maksimal 64 KB).");
  });

  it("refuses sign-in input of the wrong shape with 422 naming the field", async () => {
    const client = new Client("10.44.0.1");
    const cases: [unknown, string, string][] = [
      [{}, "username", "Nama pengguna wajib diisi."],
      [{ username: "admin" }, "password", "Kata sandi wajib diisi."],
      [{ username: ["admin"], password: "x" }, "username", "Nama pengguna harus berupa teks."],
      [{ username: "admin", password: "x".repeat(129) }, "password", "Kata sandi terlalu panjang."],
      [{ username: "admin", password: "x", remember: true }, "remember", 'Isian "remember" tidak dikenal.'],
    ];
    for (const [body, field, message] of cases) {
      const res = await client.post("/api/auth/login", body);
      expect(res.status).toBe(422);
      expect(res.body.error.fields[0]).toEqual({ field, message });
    }
  });

  it("refuses bad audit filters with 422 naming the field", async () => {
    const res = await admin.get("/api/audit?day=2026-13-45");
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toEqual({
      field: "day",
      message: "Tanggal harus berformat TTTT-BB-HH.",
    });
  });
});

describe("API description", () => {
  it("serves an OpenAPI 3.1 document generated from the route schemas", async () => {
    const res = await new Client().get("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths);
    for (const path of [
      "/auth/login",
      "/auth/logout",
      "/auth/me",
      "/auth/password",
      "/users",
      "/users/{username}",
      "/users/{username}/active",
      "/users/{username}/password-reset",
      "/regions",
      "/regions/{code}",
      "/audit",
      "/health",
      "/catalog/opd",
    ])
      expect(paths).toContain(path);
    const body = doc.paths["/users"].post.requestBody.content["application/json"].schema;
    const resolved = body.$ref ? doc.components.schemas[body.$ref.split("/").pop()] : body;
    expect(resolved.required).toEqual(expect.arrayContaining(["username", "name", "role", "scope"]));
    expect(resolved.properties.username.maxLength).toBe(32);
    expect(doc.paths["/users"].post.responses["422"].content["application/json"].schema.$ref).toBe(
      "#/components/schemas/Error",
    );
  });

  it("serves a readable reference page that needs no outside script", async () => {
    const res = await new Client().get("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.body).toContain("Referensi API");
    expect(res.body).toContain("/api/auth/login");
    expect(res.body).not.toMatch(/<script/);
  });
});
