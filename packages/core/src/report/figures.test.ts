import { describe, expect, it } from "vitest";
import { figuresOf } from "./figures.ts";
import { PROPOSAL_ROWS, sameFigures } from "./schema.ts";

describe("the proposals' figures", () => {
  it("count each proposal in every step it reached, and the musdes' no as its own line", () => {
    const counts = {
      "u.diusulkan": 1,
      "u.dijadwalkan": 2,
      "u.layak": 3,
      "u.tidak-layak": 4,
      "u.ditetapkan-musdes": 5,
      "u.tidak-ditetapkan": 6,
      "u.diekspor": 7,
      "u.dibatalkan": 8,
    };
    expect(figuresOf(counts, []).proposals).toEqual({
      made: 36,
      // Two waiting for their visit and every one visited since: 2 + 3 + 4 + 5 + 6 + 7.
      scheduled: 27,
      layak: 21,
      notLayak: 4,
      confirmed: 12,
      notConfirmed: 6,
      exported: 7,
    });
  });

  it("has a line on the screen and in the files for each figure", () => {
    const keys = Object.keys(figuresOf({}, []).proposals);
    expect(PROPOSAL_ROWS.map(([, key]) => key).sort()).toEqual(keys.sort());
  });
});

describe("a correction of a sent report", () => {
  it("is not offered for a line counted only since the version was sent, and is for a changed figure", () => {
    const now = figuresOf({ n: 3, dpm0: 1 }, []);
    const { notMatched: _new, ...sentBefore } = now;
    expect(sameFigures(sentBefore, now)).toBe(true);
    expect(sameFigures(now, now)).toBe(true);
    expect(sameFigures(sentBefore, figuresOf({ n: 4, dpm0: 1 }, []))).toBe(false);
    expect(sameFigures(now, figuresOf({ n: 3, dpm0: 1, dpmx: 1 }, []))).toBe(false);
  });
});
