import { key, load, type ProposalRecord } from "../proposal/record.ts";
import { ERASED, eraseTimeline, unchanged, type Eraser } from "./erase.ts";

type Stored = ProposalRecord & { anonymizedAt?: string };

/**
 * A proposal made anonymous: its members (NIKs, their hashes, names), No. KK, address, notes and the
 * reasons given at verification, musdes and withdrawal go; state, desa, dates, the house's condition,
 * income source, assets, the kabupaten's indicators and the export batch stay, with the number of
 * members. Without member hashes a later DPM import no longer matches it.
 */
export const proposalEraser: Eraser<Stored> = {
  load,
  changedAt: (r) => r.updatedAt ?? r.createdAt,
  erase(r, at) {
    const { reason: _reason, ...musdes } = r.musdes ?? { reason: "" };
    return {
      key: key(r.id),
      set: {
        members: [],
        memberCount: r.members.length,
        address: { rt: "-", rw: "-" },
        ...(r.verification ? { verification: { ...r.verification, reason: ERASED } } : {}),
        ...(r.musdes ? { musdes } : {}),
        ...(r.withdrawn ? { withdrawn: { ...r.withdrawn, reason: ERASED } } : {}),
        anonymizedAt: at,
      },
      remove: ["kk", "notes", "gsi3pk", "gsi3sk"],
      add: { version: 1 },
      expect: unchanged(r),
    };
  },
  followUp: (r) => eraseTimeline(r.complaintId, "proposal"),
};
