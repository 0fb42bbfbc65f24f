import { refuse } from "../error/index.ts";
import { local, nowIso, today } from "../time/index.ts";
import type { CaseRecord, PlanGoal } from "./record.ts";
import { step } from "./step.ts";
import { involved } from "../psks/index.ts";

/** The five stages of seed 001 and the supervisor's approvals, each an action of CASE_WORKFLOW. */

/** A day the worker says something happened: not after today, not before the case was opened. */
function pastDay(record: CaseRecord, day: string, field: string, label: string) {
  if (day > today()) refuse(field, `${label} tidak boleh setelah hari ini.`);
  if (day < local(record.openedAt).day) refuse(field, `${label} tidak boleh sebelum kasus dibuka.`);
}

async function psks(record: CaseRecord, ids: string[] | undefined) {
  if (!ids?.length) return {};
  return { psks: await involved(record.regionCode, ids) };
}

const goalOf = (record: CaseRecord, goalId: string, field: string): PlanGoal =>
  record.plan?.goals.find((g) => g.id === goalId) ??
  refuse(field, "Tujuan tidak ada dalam rencana kasus ini.");

export const assess = step("assess", async ({ version: _v, psksIds, ...data }, { record }) => ({
  set: { assessed: true },
  data: { ...data, ...(await psks(record, psksIds)) },
}));

export const submitPlan = step("submit-plan", ({ goals, notes }) => {
  const day = today();
  const planned: PlanGoal[] = goals.map((g, i) => ({
    id: `t${i + 1}`,
    goal: g.goal,
    strategy: g.strategy,
    steps: g.steps.map((s, j) => {
      if (s.targetDate < day)
        refuse(`goals.${i}.steps.${j}.targetDate`, "Tanggal target tidak boleh sebelum tanggal rencana.");
      return { id: `t${i + 1}.${j + 1}`, step: s.step, targetDate: s.targetDate };
    }),
  }));
  return {
    set: { plan: { goals: planned, submittedAt: nowIso() } },
    data: { goals: planned, ...(notes ? { notes } : {}) },
    clearReturn: true,
  };
});

export const approvePlan = step("approve-plan", ({ note }, { record }) => ({
  set: { plan: { ...record.plan!, approvedAt: nowIso() } },
  data: note ? { note } : {},
}));

export const returnPlan = step("return-plan", ({ note }) => ({ set: { returnNote: note }, data: { note } }));

export const intervene = step("intervene", async (input, { record }) => {
  pastDay(record, input.date, "date", "Tanggal intervensi");
  const goal = goalOf(record, input.goalId, "goalId");
  let goals = record.plan!.goals;
  if (input.completesStep) {
    const target = goal.steps.find((s) => s.id === input.completesStep && !s.doneOn);
    if (!target) refuse("completesStep", "Langkah itu tidak ada pada tujuan ini atau sudah selesai.");
    goals = goals.map((g) =>
      g.id !== goal.id
        ? g
        : {
            ...g,
            steps: g.steps.map((s) => (s.id === input.completesStep ? { ...s, doneOn: input.date } : s)),
          },
    );
  }
  const { version: _v, psksIds, ...data } = input;
  return {
    set: { plan: { ...record.plan!, goals } },
    data: { ...data, goal: goal.goal, ...(await psks(record, psksIds)) },
  };
});

export const evaluate = step("evaluate", (input, { record }) => {
  pastDay(record, input.date, "date", "Tanggal evaluasi");
  const progress = new Map(input.goals.map((g, i) => [goalOf(record, g.goalId, `goals.${i}.goalId`).id, g]));
  const changes = new Map<string, string>();
  for (const [i, c] of (input.targetChanges ?? []).entries()) {
    const open = record.plan!.goals.flatMap((g) => g.steps).find((s) => s.id === c.stepId && !s.doneOn);
    if (!open) refuse(`targetChanges.${i}.stepId`, "Langkah itu tidak ada dalam rencana atau sudah selesai.");
    if (c.targetDate < input.date)
      refuse(`targetChanges.${i}.targetDate`, "Tanggal target baru tidak boleh sebelum tanggal evaluasi.");
    changes.set(c.stepId, c.targetDate);
  }
  const goals = record.plan!.goals.map((g) => ({
    ...g,
    ...(progress.get(g.id) ? { progress: progress.get(g.id)!.progress } : {}),
    steps: g.steps.map((s) => (changes.has(s.id) ? { ...s, targetDate: changes.get(s.id)! } : s)),
  }));
  const { version: _v, ...data } = input;
  return { set: { plan: { ...record.plan!, goals } }, data };
});

export const submitTermination = step("submit-termination", (input, { record }) => {
  pastDay(record, input.date, "date", "Tanggal terminasi");
  const { version: _v, ...data } = input;
  return { data, clearReturn: true };
});

export const approveTermination = step("approve-termination", ({ note }) => ({ data: note ? { note } : {} }));

export const returnTermination = step("return-termination", ({ note }) => ({
  set: { returnNote: note },
  data: { note },
}));
