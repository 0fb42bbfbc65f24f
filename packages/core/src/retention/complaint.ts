import { key, load, type ComplaintRecord } from "../complaint/record.ts";
import { removeNow } from "../db/index.ts";
import { PROPOSAL_ENDED, type ProposalState } from "../proposal/workflow.ts";
import { ERASED, eraseTimeline, NOBODY, unchanged, type Eraser } from "./erase.ts";

type Stored = ComplaintRecord & { anonymizedAt?: string };

const PROPOSAL_DONE: readonly ProposalState[] = [...PROPOSAL_ENDED, "diekspor"];

/**
 * A complaint made anonymous: the reporter (name, NIK and its hash, No. KK, phone, RT/RW, dusun), the
 * description, the desa's answer and the cancellation reason go; desa, category, PPKS types, state,
 * dates, the DPM finding and the field of service stay, so a recount gives the same figures. Without
 * its NIK index key it no longer turns up by NIK, and without its name key not by name either; its
 * tracking code stops answering.
 */
export const complaintEraser: Eraser<Stored> = {
  load,
  // A household proposal still running from it keeps the complaint (its status page shows the proposal):
  // its period starts again each day until the proposal ends.
  changedAt: (r) =>
    r.proposalState && !PROPOSAL_DONE.includes(r.proposalState) ? new Date().toISOString() : r.updatedAt,
  erase(r, at) {
    const { answer: _answer, handling: _text, ...handling } = r.handling ?? { answer: "" };
    return {
      key: key(r.id),
      set: {
        reporter: NOBODY,
        description: ERASED,
        dpm: {
          checked: r.dpm.checked,
          found: r.dpm.found,
          ...(r.dpm.decile !== undefined ? { decile: r.dpm.decile } : {}),
        },
        ...(r.handling ? { handling: { ...handling, answer: ERASED } } : {}),
        ...(r.cancelled ? { cancelled: { ...r.cancelled, reason: ERASED } } : {}),
        anonymizedAt: at,
      },
      remove: ["gsi3pk", "gsi3sk"],
      add: { version: 1 },
      expect: unchanged(r),
    };
  },
  async followUp(r) {
    await eraseTimeline(r.id, "complaint");
    // A code freed by a deletion may be drawn again; only this complaint's own item goes.
    await removeNow({ pk: `TRACK#${r.trackingCode}`, sk: "TRACK" }, { complaintId: r.id });
  },
};
