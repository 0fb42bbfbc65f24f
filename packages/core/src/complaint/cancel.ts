import { useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { getItem, transact, update, type Write } from "../db/index.ts";
import { ConflictError, NotFoundError } from "../error/index.ts";
import { key as proposalKey, type ProposalRecord } from "../proposal/record.ts";
import { PROPOSAL_ENDED, type ProposalState } from "../proposal/workflow.ts";
import { key as referralKey, stateIndex, type ReferralRecord } from "../referral/record.ts";
import { OPEN_REFERRAL_STATES } from "../referral/workflow.ts";
import { countsOfProposal, countsOfReferral, tally } from "../report/tally.ts";
import * as Timeline from "../timeline/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize } from "../workflow/index.ts";
import { load, moveItem, toView } from "./record.ts";
import type { ComplaintView } from "./schema.ts";
import { CancelSchema, COMPLAINT_STATE_LABELS, COMPLAINT_WORKFLOW } from "./workflow.ts";

/** Proposal states that may still be withdrawn: neither ended nor gone to the national system. */
const WITHDRAWABLE = (state: ProposalState) => !PROPOSAL_ENDED.includes(state) && state !== "diekspor";

/**
 * The desa cancels an open complaint (registered twice by mistake, withdrawn by the resident) with the
 * reason. Its open proposal and open referral are withdrawn with it, in the same transaction, each
 * conditional on the state and version read, and the timeline says so for each.
 */
export async function cancel(id: string, input: unknown): Promise<ComplaintView> {
  const caller = useUser();
  assertMayTake(COMPLAINT_WORKFLOW, "cancel", caller);
  const data = parse(CancelSchema, input);
  const record = await load(id);
  if (!record) throw NotFoundError("Pengaduan");
  authorize(COMPLAINT_WORKFLOW, "cancel", record, caller, {
    version: data.version,
    stale: () =>
      ConflictError(
        `Pengaduan ini sudah berubah: sekarang "${COMPLAINT_STATE_LABELS[record.state]}". Muat ulang untuk melihatnya.`,
      ),
  });
  const now = nowIso();
  const withdrawn = { reason: data.reason, at: now, by: caller.username, byName: caller.name };
  const writes: Write[] = [];
  const events: Write[] = [
    Timeline.event(id, {
      entity: "complaint",
      action: "complaint.cancel",
      from: record.state,
      to: "dibatalkan",
      note: data.reason,
    }),
  ];
  if (record.proposalId) {
    const proposal = await getItem<ProposalRecord>(proposalKey(record.proposalId));
    if (proposal && WITHDRAWABLE(proposal.state)) {
      writes.push(
        update("proposal", {
          key: proposalKey(record.proposalId),
          set: { state: "dibatalkan", withdrawn, updatedAt: now, updatedBy: caller.username },
          add: { version: 1 },
          remove: ["gsi1pk", "gsi1sk", "gsi3pk", "gsi3sk"],
          expect: { state: proposal.state, version: proposal.version },
        }),
        ...tally(countsOfProposal(proposal), countsOfProposal({ ...proposal, state: "dibatalkan" })),
      );
      events.push(
        Timeline.event(id, {
          entity: "proposal",
          action: "proposal.withdraw",
          from: proposal.state,
          to: "dibatalkan",
        }),
      );
    }
  }
  if (record.referralId) {
    const referral = await getItem<ReferralRecord>(referralKey(record.referralId));
    if (referral && OPEN_REFERRAL_STATES.includes(referral.state)) {
      writes.push(
        update("referral", {
          key: referralKey(record.referralId),
          set: {
            state: "dibatalkan",
            lastNote: data.reason,
            updatedAt: now,
            updatedBy: caller.username,
            cancelledFrom: referral.state,
            gsi2pk: stateIndex("dibatalkan"),
            gsi2sk: `${referral.dueAt}#${record.referralId}`,
          },
          add: { version: 1 },
          remove: ["gsi1pk", "gsi1sk"],
          expect: { state: referral.state, version: referral.version },
        }),
        ...tally(
          countsOfReferral(referral),
          countsOfReferral({ ...referral, state: "dibatalkan", cancelledFrom: referral.state }),
        ),
      );
      events.push(
        Timeline.event(id, {
          entity: "referral",
          action: "referral.withdraw",
          from: referral.state,
          to: "dibatalkan",
        }),
      );
    }
  }
  const proposalState = writes.some((w) => w.name === "proposal")
    ? { proposalState: "dibatalkan" as const }
    : {};
  await transact([
    ...moveItem(record, "dibatalkan", { cancelled: withdrawn, ...proposalState }),
    ...writes,
    ...events,
    Audit.entry({
      action: "complaint.cancel",
      target: { type: "complaint", id },
      summary: `Membatalkan pengaduan: ${data.reason}`,
      person: record.reporter.nikh,
    }),
  ]);
  return toView(
    {
      ...record,
      ...proposalState,
      cancelled: withdrawn,
      closedAt: now,
      state: "dibatalkan",
      updatedAt: now,
      version: record.version + 1,
    },
    caller,
  );
}
