import { CLOSED_CASE_STATES } from "../casework/workflow.ts";
import { COMPLAINT_STATES, OPEN_COMPLAINT_STATES } from "../complaint/workflow.ts";
import { put, type Write } from "../db/index.ts";
import { REQUEST_STATES } from "../privacy/workflow.ts";
import { PROPOSAL_ENDED } from "../proposal/workflow.ts";
import { OPEN_REFERRAL_STATES, REFERRAL_STATES } from "../referral/workflow.ts";
import { today } from "../time/index.ts";
import type { RecordKind } from "./schema.ts";

/**
 * Retention marks (docs/data-model.md): a small item per finished record, `RETAIN#<kind>` /
 * `<kabupaten day>#<id>`, written in the same transaction as the move that finishes it. The daily sweep
 * reads only the marks of days past the period, so it never scans and never reads a record twice;
 * anonymising a record deletes its mark. A mark is a hint: the sweep checks the record itself.
 *
 * Kept apart from the modules' own code: each closing move adds the writes below, nothing else.
 */

/** The states a record does not leave by its workflow, read from each declaration. */
export const FINAL_STATES: Record<RecordKind, readonly string[]> = {
  complaint: COMPLAINT_STATES.filter((s) => !(OPEN_COMPLAINT_STATES as readonly string[]).includes(s)),
  referral: REFERRAL_STATES.filter((s) => !OPEN_REFERRAL_STATES.includes(s)),
  // Exported proposals wait only for the DPM loop, which changes nothing personal.
  proposal: [...PROPOSAL_ENDED, "diekspor"],
  case: CLOSED_CASE_STATES,
  request: REQUEST_STATES.filter((s) => s !== "terbuka"),
};

export const isFinal = (kind: RecordKind, state: string) => FINAL_STATES[kind].includes(state);

export const markPartition = (kind: RecordKind) => `RETAIN#${kind}`;
export const markKey = (kind: RecordKind, id: string, day: string) => ({
  pk: markPartition(kind),
  sk: `${day}#${id}`,
});

/** Keys only (the day and id are in the sort key): the mark is kept for as long as the period runs. */
export const markItem = (kind: RecordKind, id: string, day: string) => ({
  ...markKey(kind, id, day),
  type: "retain",
});

/** The record a mark names (its sort key is `<YYYY-MM-DD>#<id>`). */
export const markedId = (sk: string) => sk.slice("YYYY-MM-DD#".length);

/** The mark of a record finished (or last changed) on the kabupaten day `day`, for a transaction. */
export const mark = (kind: RecordKind, id: string, day: string = today()): Write =>
  put(`retention-${kind}`, markItem(kind, id, day));

/** The mark a move writes: one when the record enters a final state. */
export const closingMarks = (kind: RecordKind, id: string, from: string, to: string): Write[] =>
  isFinal(kind, to) && !isFinal(kind, from) ? [mark(kind, id)] : [];

/**
 * The marks a complaint's move writes. Its referral ends with it (a rejection, a completion and a
 * cancellation each move the complaint to a final state in the same transaction), and a cancellation
 * withdraws its proposal, so their marks are written here too; a proposal that ends on its own is
 * marked by its own move.
 */
export function complaintMarks(
  from: string,
  to: { id: string; state: string; referralId?: string | undefined; proposalId?: string | undefined },
): Write[] {
  if (!isFinal("complaint", to.state) || isFinal("complaint", from)) return [];
  return [
    mark("complaint", to.id),
    ...(to.referralId ? [mark("referral", to.referralId)] : []),
    ...(to.state === "dibatalkan" && to.proposalId ? [mark("proposal", to.proposalId)] : []),
  ];
}
