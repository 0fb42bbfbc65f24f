import { getItem, put, putNew, type Write } from "../db/index.ts";
import { ConflictError } from "../error/index.ts";
import { load } from "./record.ts";
import { CLOSED_CASE_STATES } from "./workflow.ts";

const key = (complaintId: string) => ({ pk: `CASEOF#${complaintId}`, sk: "CASEOF" });

/**
 * One open case per complaint (from the complaint or from its referral): the complaint's marker names
 * its case, ids only. A second one is refused while the first is open, naming who handles it; after
 * it is closed or handed over, a new case takes the marker. The write goes in the opening transaction,
 * so two officers opening at once cannot both succeed.
 */
export async function claimComplaint(complaintId: string, caseId: string): Promise<Write> {
  const marker = await getItem<{ caseId: string }>(key(complaintId));
  const item = { ...key(complaintId), type: "case-of-complaint", complaintId, caseId };
  const earlier = marker ? await load(marker.caseId) : undefined;
  if (earlier && !CLOSED_CASE_STATES.includes(earlier.state))
    throw ConflictError(`Kasus untuk pengaduan ini sudah dibuka; ${earlier.workerName} menanganinya.`);
  return marker
    ? put("case-of-complaint", item)
    : putNew("case-of-complaint", item, "Kasus untuk pengaduan ini baru saja dibuka oleh petugas lain.");
}
