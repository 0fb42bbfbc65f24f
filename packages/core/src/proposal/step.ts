import type * as v from "valibot";
import { useUser, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { failedWrite, transact, type Write } from "../db/index.ts";
import { NotFoundError } from "../error/index.ts";
import * as Timeline from "../timeline/index.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize, reaches } from "../workflow/index.ts";
import { load, moveWrites, stale, toView, type ProposalRecord } from "./record.ts";
import type { ProposalView } from "./schema.ts";
import { PROPOSAL_STATE_LABELS, PROPOSAL_WORKFLOW, type ProposalState } from "./workflow.ts";

type Actions = typeof PROPOSAL_WORKFLOW.actions;
type Stepped = "schedule" | "verify" | "decide";
export type InputOf<A extends Stepped> = v.InferOutput<Actions[A]["input"]>;

export interface Outcome {
  to: ProposalState;
  set: Partial<ProposalRecord>;
  note?: string | undefined;
  writes?: Write[];
}

/**
 * The residents a step is about: every member of the household, not only its head (a member asking
 * by NIK must find the visit, the result and the decision), and those a verval adds or drops.
 */
const householdOf = (record: ProposalRecord, set: Partial<ProposalRecord>) => [
  ...new Set([...record.members, ...(set.members ?? [])].map((m) => m.nikh)),
];

/**
 * One step of a proposal as a typed function: input parsed with the action's declared schema, the
 * declaration enforced (role, reach, version, state), and the proposal's move, the state its complaint
 * shows, the timeline and the audit entries written as one transaction. `replay` answers a resend
 * (the same device-made result) without a second move.
 */
export function step<A extends Stepped>(
  action: A,
  handler: (
    input: InputOf<A>,
    context: { record: ProposalRecord; caller: UserActor },
  ) => Promise<Outcome> | Outcome,
  replay?: (input: InputOf<A>, record: ProposalRecord) => boolean,
) {
  const spec = PROPOSAL_WORKFLOW.actions[action];
  return async (id: string, input: unknown): Promise<ProposalView> => {
    const caller = useUser();
    assertMayTake(PROPOSAL_WORKFLOW, action, caller);
    const data = parse(spec.input, input) as InputOf<A>;
    const record = await load(id);
    if (!record || !reaches(PROPOSAL_WORKFLOW, record, caller)) throw NotFoundError("Usulan");
    if (replay?.(data, record)) return toView(record, caller);
    authorize(PROPOSAL_WORKFLOW, action, record, caller, {
      version: data.version,
      stale: () => stale(record),
    });
    const outcome = await handler(data, { record, caller });
    try {
      await transact([
        ...moveWrites(record, outcome.to, caller, outcome.set),
        Timeline.event(record.complaintId, {
          entity: "proposal",
          action: `proposal.${action}`,
          from: record.state,
          to: outcome.to,
          ...(outcome.note ? { note: outcome.note } : {}),
        }),
        ...Audit.entriesFor(
          {
            action: `proposal.${action}`,
            target: { type: "proposal", id },
            summary: `${PROPOSAL_STATE_LABELS[record.state]} → ${PROPOSAL_STATE_LABELS[outcome.to]}`,
          },
          householdOf(record, outcome.set),
        ),
        ...(outcome.writes ?? []),
      ]);
    } catch (error) {
      if (failedWrite(error) === "proposal") {
        const current = (await load(id)) ?? record;
        if (replay?.(data, current)) return toView(current, caller);
        throw stale(current);
      }
      throw error;
    }
    const next = {
      ...record,
      ...outcome.set,
      state: outcome.to,
      version: record.version + 1,
      updatedBy: caller.username,
    };
    return toView(next, caller);
  };
}
