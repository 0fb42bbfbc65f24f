import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../error/index.ts";
import { assertCan, assertInScope, covers, levelOf, provide, type Actor } from "./index.ts";
import { userRoleLabel } from "./schema.ts";

const user = (
  role: "front-office" | "supervisor" | "admin",
  level: "desa" | "kecamatan" | "kabupaten",
  code: string,
): Actor => ({
  type: "user",
  username: "u",
  name: "U",
  role,
  scope: { level, code },
  mustChangePassword: false,
  ip: "127.0.0.1",
  sessionId: "s",
});

describe("covers", () => {
  it("covers the scope itself and everything below it, nothing beside or above", () => {
    const kec = { level: "kecamatan", code: "33.28.10" } as const;
    expect(covers(kec, "33.28.10")).toBe(true);
    expect(covers(kec, "33.28.10.2001")).toBe(true);
    expect(covers(kec, "33.28.11.2004")).toBe(false);
    expect(covers(kec, "33.28")).toBe(false);
    // A code that merely starts with the same digits is another region.
    expect(covers({ level: "kecamatan", code: "33.28.1" }, "33.28.10.2001")).toBe(false);
    expect(covers({ level: "desa", code: "33.28.10.2001" }, "33.28.10.2001")).toBe(true);
    expect(covers({ level: "desa", code: "33.28.10.2001" }, "33.28.10.2002")).toBe(false);
  });

  it("tells the level of a code by its segments", () => {
    expect(levelOf("33")).toBe("provinsi");
    expect(levelOf("33.28")).toBe("kabupaten");
    expect(levelOf("33.28.10")).toBe("kecamatan");
    expect(levelOf("33.28.10.2001")).toBe("desa");
    expect(levelOf("33.28.10.2001.1")).toBeUndefined();
  });
});

describe("actor checks", () => {
  it("answers 404 (not 403) for a region outside the scope", () => {
    provide(user("front-office", "desa", "33.28.10.2001"), () => {
      expect(assertInScope("33.28.10.2001").username).toBe("u");
      expect(() => assertInScope("33.28.11.2004", "Pengaduan")).toThrowError(
        expect.objectContaining({ code: "not_found", message: "Pengaduan tidak ditemukan." }),
      );
    });
  });

  it("answers 403 for a role that may not act, 401 without a user", () => {
    provide(user("supervisor", "kecamatan", "33.28.10"), () => {
      expect(() => assertCan("user.manage")).toThrowError(expect.objectContaining({ code: "forbidden" }));
      expect(assertCan("referral.inbox").role).toBe("supervisor");
    });
    provide({ type: "public", ip: "1.2.3.4" }, () => {
      expect(() => assertCan("user.manage")).toThrowError(
        expect.objectContaining({ code: "unauthenticated" }),
      );
    });
    expect(ForbiddenError().code).toBe("forbidden");
  });

  it("refuses everything but the password change to a user on a one-time password", () => {
    provide({ ...user("admin", "kabupaten", "33.28"), mustChangePassword: true } as Actor, () => {
      expect(() => assertCan("user.manage")).toThrowError(
        expect.objectContaining({ message: "Ganti kata sandi sementara Anda terlebih dahulu." }),
      );
    });
  });

  it("refuses to run core code without an actor", () => {
    expect(() => assertCan("user.manage")).toThrowError(/Actor context missing/);
  });
});

describe("userRoleLabel", () => {
  it("names a kelurahan's head its lurah and a desa's its kepala desa; other roles as the table says", () => {
    const head = (code: string) => userRoleLabel({ role: "kepala-desa", scope: { code } });
    expect(head("73.71.01.1001")).toBe("Lurah");
    expect(head("33.28.10.2001")).toBe("Kepala Desa");
    expect(userRoleLabel({ role: "supervisor", scope: { code: "33.28.10" } })).toBe("Supervisor SLRT");
  });
});
