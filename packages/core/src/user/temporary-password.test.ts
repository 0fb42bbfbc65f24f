import { describe, expect, it } from "vitest";
import { temporaryPassword } from "./index.ts";

describe("temporaryPassword", () => {
  it("gives 12 readable characters without look-alikes, different each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const otp = temporaryPassword();
      expect(otp).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      seen.add(otp);
    }
    expect(seen.size).toBe(200);
  });
});
