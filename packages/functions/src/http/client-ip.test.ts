import { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { configure } from "@puskesos/core/config";
import { addressOnly, clientIp } from "./client-ip.ts";
import { EDGE_HEADER } from "./edge.ts";

describe("addressOnly", () => {
  it("drops a port and keeps IPv6 whole", () => {
    expect(addressOnly("203.0.113.7")).toBe("203.0.113.7");
    expect(addressOnly("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(addressOnly("2001:db8::1")).toBe("2001:db8::1");
    expect(addressOnly("[2001:db8::1]:443")).toBe("2001:db8::1");
  });
});

describe("clientIp behind the CDN", () => {
  const app = new Hono().get("/", (c) => c.text(clientIp(c)));
  const lambdaEnv = { requestContext: { http: { sourceIp: "198.51.100.9" } } };
  const ask = async (headers: Record<string, string>) =>
    (await app.request("/", { headers }, lambdaEnv)).text();

  beforeEach(() => vi.stubEnv("TRUSTED_IP_HEADER", "x-viewer-address"));
  afterEach(() => {
    vi.unstubAllEnvs();
    configure({});
  });

  it("believes the viewer address only on requests carrying the edge key", async () => {
    configure({ edgeKey: "k".repeat(48) });
    expect(await ask({ "x-viewer-address": "203.0.113.7:443", [EDGE_HEADER]: "k".repeat(48) })).toBe(
      "203.0.113.7",
    );
    // A direct call to the API's own address, claiming another viewer.
    expect(await ask({ "x-viewer-address": "203.0.113.7:443" })).toBe("198.51.100.9");
    expect(await ask({ "x-viewer-address": "203.0.113.7:443", [EDGE_HEADER]: "guess" })).toBe("198.51.100.9");
  });

  it("believes the named header when no edge key is configured (a proxy of one's own)", async () => {
    expect(await ask({ "x-viewer-address": "203.0.113.7" })).toBe("203.0.113.7");
  });
});
