import { beforeAll, describe, expect, it } from "vitest";
import { Client, freshTable, signedIn } from "../support/api.ts";

let admin: Client;
beforeAll(async () => {
  await freshTable();
  admin = await signedIn("admin");
});

const newUser = (over: Record<string, unknown> = {}) => ({
  username: "fo.kagok",
  name: "Wulan Sari",
  role: "front-office",
  scope: { level: "desa", code: "33.28.10.1007" },
  ...over,
});

describe("admin manages users", () => {
  it("creates a user with a one-time password the user must change at first sign-in", async () => {
    const created = await admin.post("/api/users", newUser());
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: "fo.kagok",
      scopeName: "Kelurahan Kagok",
      mustChangePassword: true,
      active: true,
      createdBy: "admin",
    });
    const otp: string = created.body.temporaryPassword;
    expect(otp).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const user = await signedIn("fo.kagok", otp, "10.20.0.1");
    const me = await user.get("/api/auth/me");
    expect(me.body.mustChangePassword).toBe(true);
    // Until the one-time password is replaced, nothing else is open.
    const blocked = await user.get("/api/regions");
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toBe("Ganti kata sandi sementara Anda terlebih dahulu.");
    const changed = await user.post("/api/auth/password", {
      currentPassword: otp,
      newPassword: "sawah hijau luas",
    });
    expect(changed.status).toBe(200);
    expect((await user.get("/api/regions")).status).toBe(200);
  });

  it("refuses a username that exists with 409", async () => {
    const res = await admin.post("/api/users", newUser({ username: "fo.kalisapu" }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Nama pengguna "fo.kalisapu" sudah dipakai.');
  });

  it("creates an OPD officer tied to one OPD, and refuses an unknown OPD", async () => {
    const ok = await admin.post(
      "/api/users",
      newUser({
        username: "opd.dindik",
        role: "opd",
        scope: { level: "kabupaten", code: "33.28" },
        opd: "dinas-pendidikan",
      }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.user.opd).toBe("dinas-pendidikan");
    const bad = await admin.post(
      "/api/users",
      newUser({
        username: "opd.x",
        role: "opd",
        scope: { level: "kabupaten", code: "33.28" },
        opd: "dinas-rahasia",
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual([{ field: "opd", message: 'OPD "dinas-rahasia" tidak dikenal.' }]);
  });

  it("lists users by region, in pages", async () => {
    const all = await admin.get("/api/users");
    expect(all.status).toBe(200);
    expect(all.body.items.map((u: { username: string }) => u.username)).toContain("spv.slawi");
    const slawi = await admin.get("/api/users?scope=33.28.10");
    const names = slawi.body.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(["fo.kalisapu", "spv.slawi", "fo.kagok"]));
    expect(names).not.toContain("fo.pagiyanten");
    expect(JSON.stringify(all.body)).not.toContain("passwordHash");
  });

  it("deactivates a user: their sessions end at once and they cannot sign in; reactivation restores access", async () => {
    const victim = await signedIn("kades.kalisapu", undefined, "10.21.0.1");
    const off = await admin.put("/api/users/kades.kalisapu/active", { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await victim.get("/api/auth/me")).status).toBe(401);
    const login = await new Client("10.21.0.2").login("kades.kalisapu");
    expect(login.status).toBe(401);
    expect(login.body.error.message).toBe("Akun ini sudah dinonaktifkan. Hubungi admin.");
    expect((await admin.put("/api/users/kades.kalisapu/active", { active: false })).status).toBe(409);
    expect((await admin.put("/api/users/kades.kalisapu/active", { active: true })).status).toBe(200);
    expect((await new Client("10.21.0.3").login("kades.kalisapu")).status).toBe(200);
  });

  it("does not let the admin deactivate themselves", async () => {
    const res = await admin.put("/api/users/admin/active", { active: false });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("Anda tidak dapat menonaktifkan akun Anda sendiri.");
  });

  it("resets a password: the old one stops working and a one-time password is issued", async () => {
    const before = await signedIn("survei", undefined, "10.22.0.1");
    const reset = await admin.post("/api/users/survei/password-reset");
    expect(reset.status).toBe(200);
    expect(reset.body.user.mustChangePassword).toBe(true);
    expect((await before.get("/api/auth/me")).status).toBe(401);
    expect((await new Client("10.22.0.2").login("survei")).status).toBe(401);
    expect((await new Client("10.22.0.3").login("survei", reset.body.temporaryPassword)).status).toBe(200);
  });

  it("answers 404 for a user that does not exist", async () => {
    expect((await admin.get("/api/users/tidak.ada")).status).toBe(404);
    expect((await admin.put("/api/users/tidak.ada/active", { active: false })).status).toBe(404);
    expect((await admin.post("/api/users/tidak.ada/password-reset")).status).toBe(404);
  });

  it("records every change in the audit log with who, role, when and from where", async () => {
    const log = await admin.get("/api/audit?targetType=user&targetId=kades.kalisapu");
    expect(log.status).toBe(200);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["user.deactivate", "user.activate", "auth.login-failed"]),
    );
    const deactivation = log.body.items.find((e: { action: string }) => e.action === "user.deactivate");
    expect(deactivation).toMatchObject({
      by: "admin",
      role: "admin",
      ip: "10.0.0.1",
      targetId: "kades.kalisapu",
    });
    expect(Date.now() - Date.parse(deactivation.at)).toBeLessThan(60_000);

    const today = await admin.get("/api/audit");
    const todays = today.body.items.map((e: { action: string }) => e.action);
    expect(todays).toEqual(
      expect.arrayContaining(["user.create", "user.reset-password", "user.change-password", "auth.login"]),
    );
    const byAdmin = await admin.get("/api/audit?by=admin");
    expect(byAdmin.body.items.every((e: { by: string }) => e.by === "admin")).toBe(true);
    // Newest first.
    const times = today.body.items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe("bad input on the user routes", () => {
  const cases: [string, unknown, string, string][] = [
    ["missing username", newUser({ username: undefined }), "username", "Nama pengguna wajib diisi."],
    ["username of the wrong type", newUser({ username: 42 }), "username", "Nama pengguna harus berupa teks."],
    [
      "username with spaces",
      newUser({ username: "fo kagok" }),
      "username",
      "Nama pengguna hanya boleh berisi huruf kecil, angka, titik, garis bawah, atau tanda hubung.",
    ],
    ["name too long", newUser({ name: "x".repeat(101) }), "name", "Nama lengkap maksimal 100 karakter."],
    ["unknown role", newUser({ role: "raja" }), "role", "Peran tidak dikenal."],
    ["scope missing", newUser({ scope: undefined }), "scope", "Wilayah tugas wajib diisi."],
    [
      "malformed region code",
      newUser({ scope: { level: "desa", code: "3328102001" } }),
      "scope.code",
      "Kode wilayah harus berformat PP.KK, PP.KK.CC, atau PP.KK.CC.DDDD.",
    ],
    [
      "level not matching code",
      newUser({ scope: { level: "desa", code: "33.28.10" } }),
      "scope.code",
      "Kode wilayah tidak sesuai dengan tingkat wilayah.",
    ],
    [
      "role at a level it cannot hold",
      newUser({ role: "supervisor" }),
      "scope.level",
      "Tingkat wilayah tidak sesuai dengan peran ini.",
    ],
    [
      "OPD given for a non-OPD role",
      newUser({ opd: "dinas-kesehatan" }),
      "opd",
      "OPD hanya diisi untuk peran OPD.",
    ],
    [
      "an OPD officer without an OPD",
      newUser({ role: "opd", scope: { level: "kabupaten", code: "33.28" } }),
      "opd",
      "OPD wajib dipilih untuk peran OPD.",
    ],
    ["extra field", newUser({ isAdmin: true }), "isAdmin", 'Isian "isAdmin" tidak dikenal.'],
    ["array instead of object", [1, 2], "body", "Badan permintaan harus berupa objek JSON."],
    [
      "a string instead of an object",
      JSON.stringify("teks"),
      "body",
      "Badan permintaan harus berupa objek JSON.",
    ],
    [
      "null region code",
      newUser({ scope: { level: "desa", code: null } }),
      "scope.code",
      "Kode wilayah wajib diisi.",
    ],
    [
      "missing region level",
      newUser({ scope: { code: "33.28.10.2001" } }),
      "scope.level",
      "Tingkat wilayah wajib diisi.",
    ],
  ];
  for (const [what, body, field, message] of cases) {
    it(`answers 422 naming the field for ${what}`, async () => {
      const res = await admin.post("/api/users", body);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe("validation");
      expect(res.body.error.fields).toContainEqual({ field, message });
    });
  }

  it("answers 400 for a body that is not JSON at all", async () => {
    const res = await admin.post("/api/users", "{username: fo");
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "Permintaan tidak dapat dibaca: badan permintaan harus JSON yang valid.",
    );
  });

  it("refuses a desa of another kabupaten", async () => {
    const res = await admin.post("/api/users", newUser({ scope: { level: "desa", code: "33.27.01.2001" } }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { field: "scope.code", message: "Kode wilayah 33.27.01.2001 tidak ada di kabupaten ini." },
    ]);
  });

  it("refuses a malformed username in the path with 422 naming it", async () => {
    const res = await admin.get("/api/users/Bukan%20Nama!");
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toEqual({
      field: "username",
      message: "Nama pengguna hanya boleh berisi huruf kecil, angka, titik, garis bawah, atau tanda hubung.",
    });
    const reset = await admin.post(`/api/users/${"x".repeat(40)}/password-reset`);
    expect(reset.status).toBe(422);
    expect(reset.body.error.message).toBe("Nama pengguna maksimal 32 karakter.");
  });

  it("refuses a non-boolean active flag and a malformed list cursor", async () => {
    const active = await admin.put("/api/users/survei/active", { active: "ya" });
    expect(active.status).toBe(422);
    expect(active.body.error.fields[0]).toEqual({
      field: "active",
      message: "Status aktif harus bernilai true atau false.",
    });
    const cursor = await admin.get("/api/users?cursor=%%%bukan");
    expect(cursor.status).toBe(422);
    expect(cursor.body.error.fields[0].field).toBe("cursor");
  });

  it("keeps script payloads as text, unchanged, and never as markup", async () => {
    const res = await admin.post(
      "/api/users",
      newUser({ username: "fo.xss", name: "<script>alert(1)</script>" }),
    );
    expect(res.status).toBe(201);
    expect(res.body.user.name).toBe("<script>alert(1)</script>");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("audit days", () => {
  it("files entries under the kabupaten's day (WIB), which it reports", async () => {
    const res = await admin.get("/api/audit");
    const wib = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
    expect(res.body.day).toBe(wib);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect((await admin.get(`/api/audit?day=${wib}`)).body.items.length).toBe(res.body.items.length);
    expect((await admin.get("/api/audit?day=2020-01-01")).body.items).toEqual([]);
  });
});
