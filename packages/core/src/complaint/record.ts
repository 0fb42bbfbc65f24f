import type { UserActor } from "../actor/index.ts";
import { getItem, update, type Write } from "../db/index.ts";
import { maskNik } from "../resident/nik.ts";
import { nowIso } from "../time/index.ts";
import { isUuid } from "../validation/fields.ts";
import { countsOfComplaint, tally } from "../report/tally.ts";
import { complaintMarks } from "../retention/mark.ts";
import { actionsFor } from "../workflow/index.ts";
import { stateEntryMove } from "./entries.ts";
import type { ComplaintView } from "./schema.ts";
import { COMPLAINT_WORKFLOW, type ComplaintState } from "./workflow.ts";

/** The stored complaint: the view plus what only the server keeps (full NIK, hashes, keys). */
export interface ComplaintRecord extends Omit<ComplaintView, "actions"> {
  kecamatanCode: string;
  reporter: ComplaintView["reporter"] & {
    nik: string;
    nikh: string;
    nikLast4: string;
    kk?: string;
    nameKey: string;
  };
}

export const key = (id: string) => ({ pk: `COMPLAINT#${id}`, sk: "COMPLAINT" });

/** The stored complaint, or undefined (also for an id that cannot be one). */
export const load = async (id: string) => (isUuid(id) ? getItem<ComplaintRecord>(key(id)) : undefined);

/** The view of a stored complaint for the caller: NIK masked, and the actions the caller may take now. */
export function toView(record: ComplaintRecord, caller: UserActor): ComplaintView {
  const { nik: _nik, nikh: _nikh, nikLast4: _last4, kk, nameKey: _nameKey, ...shown } = record.reporter;
  return {
    id: record.id,
    desaCode: record.desaCode,
    state: record.state,
    trackingCode: record.trackingCode,
    queueDay: record.queueDay,
    ...(record.queueNumber ? { queueNumber: record.queueNumber } : {}),
    ...(record.provisionalTicket ? { provisionalTicket: record.provisionalTicket } : {}),
    reporter: { ...shown, ...(kk ? { kkMasked: maskNik(kk) } : {}) },
    category: record.category,
    description: record.description,
    ppks: record.ppks,
    legalBasis: record.legalBasis,
    consent: record.consent,
    dpm: record.dpm,
    ...(record.proposalId ? { proposalId: record.proposalId } : {}),
    ...(record.proposalState ? { proposalState: record.proposalState } : {}),
    ...(record.proposalInDpmOn ? { proposalInDpmOn: record.proposalInDpmOn } : {}),
    ...(record.referralId ? { referralId: record.referralId } : {}),
    ...(record.handling ? { handling: record.handling } : {}),
    ...(record.cancelled ? { cancelled: record.cancelled } : {}),
    ...(record.closedAt ? { closedAt: record.closedAt } : {}),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    version: record.version,
    actions: actionsFor(COMPLAINT_WORKFLOW, record, caller),
  };
}

const CLOSED: readonly ComplaintState[] = ["selesai", "ditutup", "dibatalkan"];

/**
 * A complaint's change as the writes of one transaction: the state and its index (gsi2) move
 * together, conditional on the state and version the caller read, with other attributes alongside;
 * the list entry of its state and the monthly counters follow.
 */
export function moveItem(
  complaint: ComplaintRecord,
  to: ComplaintState,
  set: Partial<ComplaintRecord> = {},
): Write[] {
  const now = nowIso();
  const closed = CLOSED.includes(to) && !CLOSED.includes(complaint.state) ? { closedAt: now } : {};
  const next: ComplaintRecord = { ...complaint, ...set, ...closed, state: to };
  return [
    update("complaint", {
      key: key(complaint.id),
      set: {
        ...set,
        ...closed,
        state: to,
        updatedAt: now,
        gsi2pk: `DESA#${complaint.desaCode}#STATE#${to}`,
        gsi2sk: `${now}#${complaint.id}`,
      },
      add: { version: 1 },
      expect: { state: complaint.state, version: complaint.version },
      conflict: "Pengaduan ini baru saja diubah orang lain. Muat ulang lalu coba lagi.",
    }),
    ...stateEntryMove(complaint, to),
    ...tally(countsOfComplaint(complaint), countsOfComplaint(next)),
    ...complaintMarks(complaint.state, next),
  ];
}
