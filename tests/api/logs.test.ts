import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD, freshTable, signedIn } from "../support/api.ts";
import { BUDI, complaint, dpmCsv, SITI, WATI } from "../support/residents.ts";

const KALISAPU = "33.28.10.2001";
const lines: string[] = [];

beforeAll(async () => {
  await freshTable();
  vi.stubEnv("LOG_LEVEL", "info");
  const keep = (line: unknown) => void lines.push(String(line));
  vi.spyOn(console, "log").mockImplementation(keep);
  vi.spyOn(console, "error").mockImplementation(keep);
});
afterAll(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("structured logs", () => {
  it("log each request as JSON without NIK, KK, session tokens or passwords", async () => {
    const admin = await signedIn("admin", undefined, "10.90.0.1");
    const fo = await signedIn("fo.kalisapu", undefined, "10.90.0.2");
    await admin.request("PUT", `/api/dpm/${KALISAPU}`, dpmCsv([SITI, BUDI]), { "content-type": "text/csv" });
    await fo.post(`/api/dpm/${KALISAPU}/nik`, { nik: SITI.nik });
    const created = await fo.post("/api/complaints", complaint({}, { kk: "3328101203040005" }));
    expect(created.status).toBe(201);
    await fo.post(`/api/complaints/${created.body.id}/reveal-nik`);
    await fo.post(`/api/status`, { code: created.body.trackingCode, nikLast4: WATI.nik.slice(-4) });
    // Bad input that quotes a NIK back: the log must not carry it either.
    await fo.post("/api/complaints", complaint({}, { nik: "3328109999990001" }));

    const entries = lines.map((l) => JSON.parse(l) as { message: string; path?: string; status?: number });
    expect(entries.filter((e) => e.message === "request").length).toBeGreaterThanOrEqual(7);
    const text = lines.join("\n");
    for (const secret of [
      SITI.nik,
      BUDI.nik,
      WATI.nik,
      "3328101203040005",
      "3328109999990001",
      DEMO_PASSWORD,
    ])
      expect(text).not.toContain(secret);
    for (const client of [admin, fo]) expect(text).not.toContain(client.cookie!.split("=")[1]!);
  });
});
