import { afterEach, describe, expect, it, vi } from "vitest";
import { log, redact } from "./index.ts";

afterEach(() => vi.unstubAllEnvs());

describe("log", () => {
  it("writes one JSON line and blanks any 16-digit number, even inside an error message", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    try {
      log("error", "unhandled", { message: 'Unexpected token in "3328100101900001"', path: "/api/x" });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: "error", path: "/api/x" });
    expect(entry.message).toBe('Unexpected token in "[16 digit]"');
  });

  it("leaves other numbers alone", () => {
    expect(redact('{"ms":1234,"id":"33281001019000011"}')).toBe('{"ms":1234,"id":"33281001019000011"}');
  });
});
