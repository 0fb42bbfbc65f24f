import { describe, expect, it } from "vitest";
import { CATEGORY_OPDS, CATALOGS, DEFAULT_CATALOG } from "./schema.ts";
import { suggestFrom } from "./suggest.ts";

const suggest = (ppks: string[], category: string) => suggestFrom(DEFAULT_CATALOG, ppks, category);
const codes = (list: { code: string }[]) => list.map((o) => o.code);

describe("suggestFrom", () => {
  it("suggests the OPDs of the category and of the PPKS routes, ticking those both point at", () => {
    const s = suggest(["lansia-terlantar"], "kesehatan");
    expect(s.opds.map((o) => [o.code, o.ticked, o.because])).toEqual([
      ["dinas-kesehatan", true, "kategori dan PPKS"],
      ["rsud", false, "kategori"],
      ["bpjs", false, "kategori"],
      ["kepolisian-satpol-pp", false, "PPKS"],
    ]);
    expect(codes(s.programs)).toContain("kis-pbi");
    expect(codes(s.programs)).not.toContain("pip");
    expect(codes(suggest([], "pendidikan").opds)).toEqual(["dinas-pendidikan"]);
    expect(codes(suggest([], "pendidikan").programs)).toContain("pip");
    expect(suggest([], "lainnya").opds).toEqual([]);
  });

  it("ticks nothing for a health complaint of a poor resident: the poverty route's offices are only offered", () => {
    const s = suggest(["fakir-miskin"], "kesehatan");
    expect(s.opds.filter((o) => o.ticked)).toEqual([]);
    expect(codes(s.opds.slice(0, 3))).toEqual(["dinas-kesehatan", "rsud", "bpjs"]);
    expect(codes(s.opds.filter((o) => o.because === "PPKS"))).toContain("dinas-pertanian");
  });

  it("names only OPDs the catalog knows, for categories the intake form has", () => {
    const categories = CATALOGS.complaintCategories.map((c) => c.code);
    for (const [category, names] of Object.entries(CATEGORY_OPDS)) {
      expect(categories).toContain(category);
      expect(suggest([], category).opds.length, category).toBe(names.length);
    }
  });
});
