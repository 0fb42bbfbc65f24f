import { key, load, type ReferralRecord } from "../referral/record.ts";
import { ERASED, eraseTimeline, NOBODY, unchanged, type Eraser } from "./erase.ts";

type Stored = ReferralRecord & { anonymizedAt?: string };

/**
 * A referral made anonymous: the resident, the reason and needs, the desa's and reviewers' notes and
 * the OPD's description of its service go; the letter number, OPD, programme, field of service, each
 * step's dates (the service-level figures) and the outcome's date and reference stay.
 */
export const referralEraser: Eraser<Stored> = {
  load,
  changedAt: (r) => r.updatedAt,
  erase: (r, at) => ({
    key: key(r.id),
    set: {
      reporter: NOBODY,
      reason: ERASED,
      needs: ERASED,
      ...(r.outcome ? { outcome: { ...r.outcome, service: ERASED } } : {}),
      anonymizedAt: at,
    },
    // `personh`: the resident's keyed NIK hash the audit log is written against.
    remove: ["notes", "recommendation", "lastNote", "personh", "gsi1pk", "gsi1sk"],
    add: { version: 1 },
    expect: unchanged(r),
  }),
  followUp: (r) => eraseTimeline(r.complaintId, "referral"),
};
