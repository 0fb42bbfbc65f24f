import type { ReferralRecord } from "./record.ts";
import { STEP_OF, type ReferralState } from "./workflow.ts";

/**
 * What a move from the referral's state to `to` at `now` does to its step history: the step it
 * leaves is finished (with its start, due and end, for the service levels), and a new one starts.
 */
export function stepsAfter(
  record: Pick<ReferralRecord, "state" | "steps" | "stepStartedAt" | "createdAt" | "dueAt">,
  to: ReferralState,
  now: string,
): Pick<ReferralRecord, "steps" | "stepStartedAt"> {
  const from = STEP_OF[record.state];
  if (from && from === STEP_OF[to]) return {};
  const finished = from
    ? [
        {
          step: from,
          startedAt: record.stepStartedAt ?? record.createdAt,
          dueAt: record.dueAt,
          endedAt: now,
        },
      ]
    : [];
  return { steps: [...(record.steps ?? []), ...finished], stepStartedAt: now };
}
