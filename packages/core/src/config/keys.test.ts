import { describe, expect, it } from "vitest";
import { deriveKeys } from "./keys.ts";

describe("deriveKeys", () => {
  it("derives two different keys, the same ones every time from the same secret", () => {
    const secret = "s".repeat(64);
    const keys = deriveKeys(secret);
    expect(keys.nikHashKey).not.toBe(keys.sessionKey);
    expect(keys.nikHashKey).not.toContain(secret.slice(0, 8));
    expect(deriveKeys(secret)).toEqual(keys);
    expect(deriveKeys("t".repeat(64)).nikHashKey).not.toBe(keys.nikHashKey);
  });

  it("refuses a secret too short to be a key", () => {
    expect(() => deriveKeys("short")).toThrow(/too short/);
  });
});
