import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.ts";

describe("password hashing (scrypt)", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("kopi manis pagi");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword("kopi manis pagi", stored)).toBe(true);
    expect(await verifyPassword("kopi manis sore", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("sama")).not.toBe(await hashPassword("sama"));
  });

  it("treats composed and decomposed Unicode alike (NFKC)", async () => {
    const stored = await hashPassword("caf\u00e9 desa");
    expect(await verifyPassword("cafe\u0301 desa", stored)).toBe(true);
  });

  it("refuses a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
  });
});
