import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, suggestFrom } from "./schema.ts";

const suggest = (ppks: string[], category: string) => suggestFrom(DEFAULT_CATALOG, ppks, category);

describe("suggestFrom", () => {
  it("suggests the OPDs of the routes for the resident's PPKS and the programs of the category's field", () => {
    const s = suggest(["lansia-terlantar"], "kesehatan");
    expect(s.opds.map((o) => o.code)).toContain("dinas-kesehatan");
    expect(s.programs.map((p) => p.code)).toContain("kis-pbi");
    expect(s.programs.map((p) => p.code)).not.toContain("pip");
    expect(suggest([], "pendidikan").opds).toEqual([]);
    expect(suggest([], "pendidikan").programs.map((p) => p.code)).toContain("pip");
  });
});
