import { describe, expect, it } from "vitest";
import { figuresOf } from "./figures.ts";
import { PROPOSAL_ROWS } from "./schema.ts";

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
