import { describe, expect, it } from "vitest";
import { isProduction, kabupatenName, kabupatenOf, stageFor } from "../../stacks/stage.ts";

describe("isProduction", () => {
  it("protects every stage except the named disposable ones", () => {
    for (const stage of ["kab-3328", "prod", "tegal", "development", "testing-3328"])
      expect(isProduction(stage), stage).toBe(true);
    for (const stage of ["dev", "dev-3328", "test", "test-x", "ci", "local", "pr-12"])
      expect(isProduction(stage), stage).toBe(false);
  });
});

describe("stages named after the kabupaten", () => {
  it("derives the stage from the Kemendagri code and the code back from the stage", () => {
    expect(stageFor("33.28")).toBe("kab-3328");
    expect(stageFor("33.28", "test")).toBe("test-3328");
    expect(stageFor("33.71")).toBe("kab-3371");
    for (const stage of ["kab-3328", "dev-3328", "test-3328", "ci-3328", "pr-12-3328"])
      expect(kabupatenOf(stage), stage).toBe("33.28");
    expect(kabupatenName("33.28")).toBe("Kabupaten Tegal");
  });

  it("refuses a stage or code that names no kabupaten, saying what to write", () => {
    expect(() => kabupatenOf("prod")).toThrow(/tidak menyebut kabupaten.*kab-3328/);
    expect(() => kabupatenOf("kab-3399")).toThrow(/33\.99 tidak ada di daftar kabupaten\/kota Kemendagri/);
    expect(() => stageFor("3328")).toThrow(/bukan kode kabupaten\/kota/);
    expect(() => stageFor("33.28.10")).toThrow(/bukan kode kabupaten\/kota/);
  });
});
