import { useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import * as Complaint from "../complaint/index.ts";
import { putNew, transact } from "../db/index.ts";
import { ConflictError, NotFoundError } from "../error/index.ts";
import * as Settings from "../settings/index.ts";
import * as Timeline from "../timeline/index.ts";
import { dueAfter, nowIso } from "../time/index.ts";
import { countsOfReferral, tally } from "../report/tally.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize, reaches } from "../workflow/index.ts";
import { inboxOf, key, load, stateIndex, toView, type ReferralRecord } from "./record.ts";
import { CreateReferralSchema, type ReferralView } from "./schema.ts";

/** The complaint's `refer` action: the back office refers what the desa cannot handle to the kecamatan's supervisor. */
export async function create(input: unknown): Promise<ReferralView> {
  const caller = useUser();
  const refer = Complaint.COMPLAINT_WORKFLOW.actions.refer;
  assertMayTake(Complaint.COMPLAINT_WORKFLOW, "refer", caller);
  const data = parse(CreateReferralSchema, input);
  const complaint = await Complaint.load(data.complaintId);
  if (!complaint || !reaches(Complaint.COMPLAINT_WORKFLOW, complaint, caller))
    throw NotFoundError("Pengaduan");
  const existing = await load(data.id);
  if (existing) {
    if (existing.complaintId !== complaint.id) throw ConflictError("ID rujukan ini sudah dipakai.");
    return toView(existing, caller);
  }
  authorize(Complaint.COMPLAINT_WORKFLOW, "refer", complaint, caller, {
    stale: () =>
      ConflictError(
        `Pengaduan berstatus "${Complaint.COMPLAINT_STATE_LABELS[complaint.state]}"; hanya pengaduan yang sedang di back office yang dapat dirujuk.`,
      ),
  });
  const settings = await Settings.load();
  const now = nowIso();
  const record: ReferralRecord = {
    id: data.id,
    complaintId: complaint.id,
    desaCode: complaint.desaCode,
    kecamatanCode: complaint.kecamatanCode,
    state: "diajukan",
    urgency: data.urgency,
    reason: data.reason,
    needs: data.needs,
    ...(data.notes ? { notes: data.notes } : {}),
    suggestedOpds: data.opds,
    programs: data.programs,
    reporter: {
      name: complaint.reporter.name,
      nikMasked: complaint.reporter.nikMasked,
      rt: complaint.reporter.rt,
      rw: complaint.reporter.rw,
    },
    dueAt: dueAfter(settings.dueDays.supervisor),
    personh: complaint.reporter.nikh,
    version: 1,
    createdAt: now,
    createdBy: caller.username,
    updatedAt: now,
    updatedBy: caller.username,
  };
  await transact([
    putNew(
      "referral",
      {
        ...key(record.id),
        type: "referral",
        gsi1pk: inboxOf(record, "diajukan"),
        gsi1sk: `${record.dueAt}#${record.id}`,
        gsi2pk: stateIndex("diajukan"),
        gsi2sk: `${record.dueAt}#${record.id}`,
        ...record,
      },
      "Rujukan ini sudah tercatat.",
    ),
    ...Complaint.moveItem(complaint, refer.to, { referralId: record.id }),
    ...tally(undefined, countsOfReferral(record)),
    Timeline.event(complaint.id, {
      entity: "complaint",
      action: "referral.create",
      from: complaint.state,
      to: refer.to,
      note: data.reason,
    }),
    Audit.entry({
      action: "referral.create",
      target: { type: "referral", id: record.id },
      summary: `Merujuk pengaduan ${complaint.id}`,
      person: complaint.reporter.nikh,
    }),
  ]);
  return toView(record, caller);
}
