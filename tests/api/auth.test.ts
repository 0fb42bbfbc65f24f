import { createHash, randomBytes } from "node:crypto";
import { GetCommand, PutCommand } from "@puskesos/core/db";
import { beforeAll, describe, expect, it } from "vitest";
import { Session } from "@puskesos/core/auth";
import { configure, useConfig } from "@puskesos/core/config";
import { useDb } from "@puskesos/core/db";
import { Client, freshTable, signedIn } from "../support/api.ts";

beforeAll(() => freshTable());

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Strict session cookie and answers the user without secrets", async () => {
    const client = new Client();
    const res = await client.login("fo.kalisapu");
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    // The username rides in the token: the session and its user are read in one round trip.
    expect(cookie).toMatch(/^puskesos_sesi=[A-Za-z0-9_-]{43}~fo\.kalisapu;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(res.body.user).toMatchObject({
      username: "fo.kalisapu",
      role: "front-office",
      scopeName: "Desa Kalisapu",
    });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|authVersion|pk|scrypt/);
    const me = await client.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.username).toBe("fo.kalisapu");
  });

  it("marks the cookie Secure with the __Host- prefix when not on plain-HTTP localhost", async () => {
    const previous = useConfig();
    configure({ ...previous, secureCookies: true });
    try {
      const res = await new Client("10.9.9.9").login("bo.kalisapu");
      expect(res.headers.get("set-cookie")).toMatch(/^__Host-puskesos_sesi=.*; Path=\/; .*Secure/);
      // The API document names the cookie this stack sets, not the local server's.
      const doc = await new Client("10.9.9.9").get("/api/openapi.json");
      expect(doc.body.components.securitySchemes.sesi.name).toBe("__Host-puskesos_sesi");
    } finally {
      configure(previous);
    }
  });

  it("refuses a wrong password and an unknown user with the same Indonesian message", async () => {
    const wrong = await new Client("10.1.0.1").login("kades.kalisapu", "bukan-sandinya");
    const unknown = await new Client("10.1.0.2").login("tidak.ada", "bukan-sandinya");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe("Nama pengguna atau kata sandi salah.");
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("answers 401 without a session and for a forged cookie", async () => {
    expect((await new Client().get("/api/auth/me")).status).toBe(401);
    const forged = new Client();
    forged.cookie = "puskesos_sesi=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const res = await forged.get("/api/auth/me");
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("Silakan masuk terlebih dahulu.");
  });

  it("keys sessions with the stack's session key: a session written into the table without it is refused", async () => {
    const client = new Client();
    await client.login("fo.kalisapu");
    const token = client.cookie!.split("=")[1]!;
    const db = useDb();
    const stored = await db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: { pk: `SESSION#${Session.sessionId(token)}`, sk: "SESSION" },
      }),
    );
    expect(stored.Item).toBeDefined();
    // Someone who can write to the table but lacks the key copies a live session under a token of
    // their own, keyed the way an unkeyed design would (plain SHA-256).
    const forged = randomBytes(32).toString("base64url");
    const unkeyed = createHash("sha256").update(forged).digest("base64url");
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: { ...stored.Item, pk: `SESSION#${unkeyed}` } }),
    );
    const attacker = new Client();
    attacker.cookie = `puskesos_sesi=${forged}`;
    expect((await attacker.get("/api/auth/me")).status).toBe(401);
    expect((await client.get("/api/auth/me")).status).toBe(200);
  });

  it("finds no session for a token whose username was edited, and still honours a token from before names rode in it", async () => {
    const client = await signedIn("bo.kalisapu", undefined, "10.1.5.1");
    const token = client.cookie!.split("=")[1]!;
    for (const name of ["admin", "fo.kalisapu", "BO.KALISAPU"]) {
      const edited = new Client("10.1.5.2");
      edited.cookie = `puskesos_sesi=${token.replace(/~.*$/, `~${name}`)}`;
      expect((await edited.get("/api/auth/me")).status).toBe(401);
    }
    // A session opened before the update: its token is the random part alone, keyed the same way.
    const db = useDb();
    const stored = await db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: { pk: `SESSION#${Session.sessionId(token)}`, sk: "SESSION" },
      }),
    );
    const older = randomBytes(32).toString("base64url");
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...stored.Item, pk: `SESSION#${Session.sessionId(older)}` },
      }),
    );
    const before = new Client("10.1.5.3");
    before.cookie = `puskesos_sesi=${older}`;
    const me = await before.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.username).toBe("bo.kalisapu");
    expect((await client.get("/api/auth/me")).status).toBe(200);
  });

  it("ends the session on the server at sign-out: the old cookie no longer works", async () => {
    const client = await signedIn("koord.kalisapu");
    const stolen = client.cookie;
    const out = await client.post("/api/auth/logout");
    expect(out.status).toBe(200);
    expect(client.cookie).toBeUndefined();
    const replay = new Client();
    replay.cookie = stolen;
    expect((await replay.get("/api/auth/me")).status).toBe(401);
  });
});

describe("session expiry", () => {
  it("ends a session after the idle limit even though the cookie is still sent", async () => {
    const previous = useConfig();
    // Limits are whole seconds: 2 s leaves at least 1 s between sign-in and the first check.
    configure({ ...previous, session: { absoluteSeconds: 3600, idleSeconds: 2 } });
    try {
      const client = await signedIn("survei", undefined, "10.2.0.1");
      expect((await client.get("/api/auth/me")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 3100));
      expect((await client.get("/api/auth/me")).status).toBe(401);
    } finally {
      configure(previous);
    }
  });

  it("ends a session after the absolute limit", async () => {
    const previous = useConfig();
    configure({ ...previous, session: { absoluteSeconds: 2, idleSeconds: 3600 } });
    try {
      const client = await signedIn("manajer", undefined, "10.2.0.2");
      expect((await client.get("/api/auth/me")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 3100));
      expect((await client.get("/api/auth/me")).status).toBe(401);
    } finally {
      configure(previous);
    }
  });
});

describe("throttling of failed sign-ins", () => {
  it("answers 429 with Retry-After after 5 failures for one username, even with the right password", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await new Client(`10.3.0.${i}`).login("spv.adiwerna", "salah-terus");
      expect(res.status).toBe(401);
    }
    const blocked = await new Client("10.3.1.1").login("spv.adiwerna");
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(
      /Terlalu banyak percobaan masuk yang gagal untuk nama pengguna ini/,
    );
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Other usernames are not affected.
    expect((await new Client("10.3.1.2").login("spv.slawi")).status).toBe(200);
    // The admin's reset is what a locked-out officer asks for: the one-time password works at once.
    const admin = await signedIn("admin", undefined, "10.3.1.3");
    const reset = await admin.post("/api/users/spv.adiwerna/password-reset");
    expect(reset.status).toBe(200);
    expect((await new Client("10.3.1.4").login("spv.adiwerna", reset.body.temporaryPassword)).status).toBe(
      200,
    );
  });

  it("answers 429 for one address trying many usernames", async () => {
    const client = new Client("10.4.0.1");
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await client.login(`tebakan${i}`, "salah")).status;
    expect(last).toBe(429);
    const res = await client.login("fo.pagiyanten");
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(/dari alamat ini/);
    expect((await new Client("10.4.0.2").login("fo.pagiyanten")).status).toBe(200);
  });

  it("starts the username count over after a successful sign-in", async () => {
    for (let i = 0; i < 4; i++) await new Client(`10.5.0.${i}`).login("opd.dinkes", "salah");
    expect((await new Client("10.5.1.1").login("opd.dinkes")).status).toBe(200);
    for (let i = 0; i < 4; i++) await new Client(`10.5.2.${i}`).login("opd.dinkes", "salah");
    expect((await new Client("10.5.3.1").login("opd.dinkes")).status).toBe(200);
  });
});

describe("changing one's own password", () => {
  it("requires the current password, ends other sessions and keeps this device signed in", async () => {
    const phone = await signedIn("bo.kalisapu", undefined, "10.6.0.1");
    const laptop = await signedIn("bo.kalisapu", undefined, "10.6.0.2");
    const wrong = await phone.post("/api/auth/password", {
      currentPassword: "keliru",
      newPassword: "kopi manis pagi",
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields).toEqual([
      { field: "currentPassword", message: "Kata sandi saat ini salah." },
    ]);

    const ok = await phone.post("/api/auth/password", {
      currentPassword: "puskesos-demo",
      newPassword: "kopi manis pagi",
    });
    expect(ok.status).toBe(200);
    expect((await phone.get("/api/auth/me")).status).toBe(200);
    expect((await laptop.get("/api/auth/me")).status).toBe(401);
    expect((await new Client("10.6.0.3").login("bo.kalisapu")).status).toBe(401);
    expect((await new Client("10.6.0.4").login("bo.kalisapu", "kopi manis pagi")).status).toBe(200);
  });

  it("refuses a short password, the same password, or one containing the username, naming the field", async () => {
    const client = await signedIn("kades.kalisapu", undefined, "10.6.1.1");
    const short = await client.post("/api/auth/password", {
      currentPassword: "puskesos-demo",
      newPassword: "pendek",
    });
    expect(short.status).toBe(422);
    expect(short.body.error.fields[0]).toEqual({
      field: "newPassword",
      message: "Kata sandi baru minimal 8 karakter.",
    });
    const same = await client.post("/api/auth/password", {
      currentPassword: "puskesos-demo",
      newPassword: "puskesos-demo",
    });
    expect(same.body.error.fields[0]).toEqual({
      field: "newPassword",
      message: "Kata sandi baru harus berbeda dari yang lama.",
    });
    const named = await client.post("/api/auth/password", {
      currentPassword: "puskesos-demo",
      newPassword: "kades.kalisapu-2026",
    });
    expect(named.status).toBe(422);
    expect(named.body.error.message).toBe("Kata sandi baru tidak boleh memuat nama pengguna.");
  });
});
