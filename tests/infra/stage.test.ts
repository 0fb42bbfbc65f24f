import { describe, expect, it } from "vitest";
import { isProduction } from "../../stacks/stage.ts";

describe("isProduction", () => {
  it("protects every stage except the named disposable ones", () => {
    for (const stage of ["kab-3328", "prod", "tegal", "development", "testing-3328"])
      expect(isProduction(stage), stage).toBe(true);
    for (const stage of ["dev", "dev-3328", "test", "test-x", "ci", "local", "pr-12"])
      expect(isProduction(stage), stage).toBe(false);
  });
});
