import { describe, expect, it } from "vitest";
import { overdueSteps, type CaseRecord } from "./record.ts";

const plan = (steps: { targetDate: string; doneOn?: string }[]): Pick<CaseRecord, "plan" | "state"> => ({
  state: "intervensi",
  plan: {
    submittedAt: "2026-11-01T00:00:00.000Z",
    goals: [
      {
        id: "t1",
        goal: "Tempat tinggal aman",
        strategy: "Penempatan",
        steps: steps.map((s, i) => ({ id: `t1.${i + 1}`, step: `Langkah ${i + 1}`, ...s })),
      },
    ],
  },
});

describe("a plan's steps past their target day", () => {
  it("counts the steps not done whose target day is before the kabupaten's day", () => {
    const record = plan([
      { targetDate: "2026-12-01" },
      { targetDate: "2026-12-01", doneOn: "2026-11-30" },
      { targetDate: "2026-12-02" },
    ]);
    expect(overdueSteps(record, "2026-12-01")).toBe(0);
    expect(overdueSteps(record, "2026-12-02")).toBe(1);
    expect(overdueSteps(record, "2026-12-03")).toBe(2);
  });

  it("counts none once the case is closed or handed over", () => {
    const record = plan([{ targetDate: "2026-11-01" }]);
    expect(overdueSteps({ ...record, state: "ditutup" }, "2026-12-02")).toBe(0);
    expect(overdueSteps({ ...record, state: "diserahkan" }, "2026-12-02")).toBe(0);
  });
});
