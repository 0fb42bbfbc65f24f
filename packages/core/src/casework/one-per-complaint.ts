import { getItem, putNew, queryAll, update, type Write } from "../db/index.ts";
import { ConflictError } from "../error/index.ts";
import { load } from "./record.ts";
import { CLOSED_CASE_STATES } from "./workflow.ts";

const key = (complaintId: string) => ({ pk: `CASEOF#${complaintId}`, sk: "CASEOF" });

/**
 * The cases a complaint has had: the one its marker names, or, for a complaint whose cases were
 * opened before markers existed, those its own timeline records as opened (one Query of its events).
 */
async function earlierCases(complaintId: string, marker: { caseId: string } | undefined) {
  if (marker) return [marker.caseId];
  const events = await queryAll<{ action?: string; caseId?: string }>({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :events)",
    ExpressionAttributeValues: { ":pk": `COMPLAINT#${complaintId}`, ":events": "EVENT#" },
    ProjectionExpression: "#action, caseId",
    ExpressionAttributeNames: { "#action": "action" },
  });
  return events.flatMap((e) => (e.action === "case.open" && e.caseId ? [e.caseId] : []));
}

/**
 * One open case per complaint (from the complaint or from its referral): the complaint's marker names
 * its case, ids only. A second one is refused while the first is open, naming who handles it; after
 * it is closed or handed over, a new case takes the marker. The write goes in the opening transaction
 * and is conditional on the marker as read, so two officers opening at once cannot both succeed.
 */
export async function claimComplaint(
  complaintId: string,
  caseId: string,
  from: "pengaduan" | "rujukan",
): Promise<Write> {
  const marker = await getItem<{ caseId: string }>(key(complaintId));
  const cases = await Promise.all((await earlierCases(complaintId, marker)).map((id) => load(id)));
  const open = cases.find((c) => c && !CLOSED_CASE_STATES.includes(c.state));
  const what = from === "rujukan" ? "pengaduan rujukan ini" : "pengaduan ini";
  if (open) throw ConflictError(`Kasus untuk ${what} sudah dibuka; ${open.workerName} menanganinya.`);
  const raced = `Kasus untuk ${what} baru saja dibuka oleh petugas lain. Muat ulang untuk melihatnya.`;
  return marker
    ? update("case-of-complaint", {
        key: key(complaintId),
        set: { caseId },
        expect: { caseId: marker.caseId },
        conflict: raced,
      })
    : putNew(
        "case-of-complaint",
        { ...key(complaintId), type: "case-of-complaint", complaintId, caseId },
        raced,
      );
}
