import { describe, expect, it } from "vitest";
import { firstRouteWeight } from "../../scripts/bench/spa.ts";
import { WEB_DIST } from "../support/browser.ts";

/**
 * The intake form's budget (issue #15): what a village officer's phone downloads before the form
 * (entry, intake chunks and CSS) stays within 40 KB gzip, checked on the build the browser tests use,
 * so a change that puts a library on the first screen fails here rather than only in `npm run bench`.
 * A size, not a timing.
 */
describe("the intake route's weight", () => {
  it("stays within 40 KB gzip with the later pages off it", () => {
    const weight = firstRouteWeight(WEB_DIST, "src/pages/intake.tsx");
    expect(weight.gzip).toBeLessThanOrEqual(40 * 1024);
    expect(weight.files.filter((f) => /(report|dashboard|case|excel)/.test(f))).toEqual([]);
  });
});
