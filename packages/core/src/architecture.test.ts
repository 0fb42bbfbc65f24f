import { describe, expect, it } from "vitest";
import { importCycles, lineCount, roleDecisions, sourceFiles } from "../../../scripts/check/source.ts";

describe("the code a newcomer reads", () => {
  const core = sourceFiles("packages/core/src");

  it("keeps every core file under 250 lines", () => {
    const long = core.filter((f) => lineCount(f) > 250).map((f) => `${f}: ${lineCount(f)}`);
    expect(long).toEqual([]);
  });

  it("has no import cycle inside core", () => {
    expect(importCycles(core)).toEqual([]);
  });

  it("finds a cycle and a role decision where there is one (the checks can fail)", () => {
    expect(importCycles(["scripts/check/fixtures/a.ts", "scripts/check/fixtures/b.ts"])).toEqual([
      ["scripts/check/fixtures/a.ts", "scripts/check/fixtures/b.ts"],
    ]);
    expect(roleDecisions("scripts/check/fixtures/a.ts")).toHaveLength(2);
  });

  it("leaves every rule about roles to core: the web asks the permission table and the views' actions", () => {
    const web = sourceFiles("packages/web/src");
    expect(web.length).toBeGreaterThan(20);
    expect(web.flatMap(roleDecisions)).toEqual([]);
  });
});
