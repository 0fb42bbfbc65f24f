import { can, useUser } from "../actor/index.ts";
import { getItem, putNew, queryAll, update, type Write } from "../db/index.ts";
import { ConflictError } from "../error/index.ts";
import type { OpenCaseLink } from "./open-case-link.ts";
import { load, readableBy } from "./record.ts";
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

async function openCase(complaintId: string) {
  const marker = await getItem<{ caseId: string }>(key(complaintId));
  const cases = await Promise.all((await earlierCases(complaintId, marker)).map((id) => load(id)));
  return { marker, open: cases.find((c) => c && !CLOSED_CASE_STATES.includes(c.state)) };
}

/**
 * The open case of a complaint the caller has just opened (or of its referral), for an officer who
 * may open cases: their page shows who handles it instead of offering a second case that would be
 * refused; others get nothing. `timeline` is the complaint's, which the page has read already: every
 * case opened from it left a `case.open` event there, so a complaint that never had one costs no read.
 * Whether the caller may read the case follows the case workflow, as on the case's own page.
 */
export async function openCaseOf(
  complaintId: string,
  timeline: readonly { action: string }[],
): Promise<OpenCaseLink | undefined> {
  const caller = useUser();
  if (!can(caller.role, "case.open") || !timeline.some((e) => e.action === "case.open")) return undefined;
  const { open } = await openCase(complaintId);
  if (!open) return undefined;
  return { id: open.id, workerName: open.workerName, readable: readableBy(open, caller) };
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
  const { marker, open } = await openCase(complaintId);
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
