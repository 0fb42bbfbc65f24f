import { describe, expect, it } from "vitest";
import { addressOnly } from "./client-ip.ts";

describe("addressOnly", () => {
  it("drops a port and keeps IPv6 whole", () => {
    expect(addressOnly("203.0.113.7")).toBe("203.0.113.7");
    expect(addressOnly("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(addressOnly("2001:db8::1")).toBe("2001:db8::1");
    expect(addressOnly("[2001:db8::1]:443")).toBe("2001:db8::1");
  });
});
