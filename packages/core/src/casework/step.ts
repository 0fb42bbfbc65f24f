import type * as v from "valibot";
import { useUser, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { failedWrite, transact, update, type Write } from "../db/index.ts";
import { NotFoundError } from "../error/index.ts";
import { closingMarks } from "../retention/mark.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize, reaches } from "../workflow/index.ts";
import { moved } from "./counts.ts";
import {
  CLOSED_INDEX_REMOVALS,
  entry,
  indexKeys,
  key,
  load,
  personOf,
  stale,
  toView,
  type CaseRecord,
} from "./record.ts";
import type { CaseView } from "./schema.ts";
import { CASE_STATE_LABELS, CASE_WORKFLOW, CLOSED_CASE_STATES, type CaseAction } from "./workflow.ts";

type Actions = typeof CASE_WORKFLOW.actions;
export type InputOf<A extends CaseAction> = v.InferOutput<NonNullable<Actions[A]["input"]>>;

export interface Outcome {
  /** Fields of the case that change (the plan, a stay, the handover). */
  set?: Partial<CaseRecord>;
  /** What the entry records of this step (the stage's fields, as the worker gave them). */
  data: Record<string, unknown>;
  /** Other writes of the same transaction (a facility's occupancy, a stay, a handover document). */
  writes?: Write[];
  /** Removes the last return note once the worker has acted on it. */
  clearReturn?: boolean;
}

/**
 * One case action as a typed function: input parsed with the action's declared schema, the
 * declaration enforced (role, reach, version, state, guard), and the case's change, its dated entry,
 * the counters and the audit entry (against the person) written as one transaction.
 */
export function step<A extends CaseAction>(
  action: A,
  handler: (
    input: InputOf<A>,
    context: { record: CaseRecord; caller: UserActor },
  ) => Promise<Outcome> | Outcome,
) {
  const spec: { input: v.GenericSchema; to?: string; done: string } = CASE_WORKFLOW.actions[action];
  return async (id: string, input: unknown): Promise<CaseView> => {
    const caller = useUser();
    assertMayTake(CASE_WORKFLOW, action, caller);
    const data = parse(spec.input, input) as InputOf<A>;
    const record = await load(id);
    if (!record || !reaches(CASE_WORKFLOW, record, caller)) throw NotFoundError("Kasus");
    authorize(CASE_WORKFLOW, action, record, caller, { version: data.version, stale: () => stale(record) });
    const outcome = await handler(data, { record, caller });
    const to = (spec.to ?? record.state) as CaseRecord["state"];
    const now = nowIso();
    const next: CaseRecord = {
      ...record,
      ...outcome.set,
      state: to,
      version: record.version + 1,
      updatedAt: now,
      updatedBy: caller.username,
    };
    if (outcome.clearReturn) delete next.returnNote;
    try {
      await transact([
        update("case", {
          key: key(id),
          set: { ...outcome.set, ...indexKeys(next), state: to, updatedAt: now, updatedBy: caller.username },
          add: { version: 1 },
          remove: [
            ...(outcome.clearReturn && record.returnNote ? ["returnNote"] : []),
            ...(CLOSED_CASE_STATES.includes(to) && !CLOSED_CASE_STATES.includes(record.state)
              ? CLOSED_INDEX_REMOVALS
              : []),
          ],
          expect: { state: record.state, version: record.version },
        }),
        entry(id, action, spec.done, outcome.data),
        ...moved(record.state, to),
        ...closingMarks("case", id, record.state, to),
        Audit.entry({
          action: `case.${action}`,
          target: personOf(record),
          summary: `Kasus ${id}: ${spec.done} (${CASE_STATE_LABELS[record.state]} → ${CASE_STATE_LABELS[to]})`,
        }),
        ...(outcome.writes ?? []),
      ]);
    } catch (error) {
      if (failedWrite(error) === "case") throw stale((await load(id)) ?? record);
      throw error;
    }
    return toView(next, caller);
  };
}
