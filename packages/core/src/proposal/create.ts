import { covers, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import * as Complaint from "../complaint/index.ts";
import { failedWrite, putNew, transact, update } from "../db/index.ts";
import { ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import { maskNik, nikHash, requireKk, requireNik } from "../resident/index.ts";
import * as Timeline from "../timeline/index.ts";
import { nowIso } from "../time/index.ts";
import { countsOfProposal, tally } from "../report/tally.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize, reaches } from "../workflow/index.ts";
import { indexKeys, key, load, toView, type ProposalRecord } from "./record.ts";
import { CreateProposalSchema, type ProposalView } from "./schema.ts";

/**
 * The complaint's `propose` action: the household of a resident not in the DPM is proposed for it
 * (usulan, F1), from the complaint's page at any time or right after registration. The complaint goes
 * on where it is and shows the proposal's state beside it. Resending the same proposal (same
 * device-made id) answers the first one.
 */
export async function create(input: unknown): Promise<{ proposal: ProposalView; created: boolean }> {
  const caller = useUser();
  assertMayTake(Complaint.COMPLAINT_WORKFLOW, "propose", caller);
  const data = parse(CreateProposalSchema, input);
  const existing = await load(data.id);
  if (existing) {
    if (!covers(caller.scope, existing.desaCode)) throw ConflictError("ID usulan ini sudah dipakai.");
    return { proposal: toView(existing, caller), created: false };
  }
  const complaint = await Complaint.load(data.complaintId);
  if (!complaint || !reaches(Complaint.COMPLAINT_WORKFLOW, complaint, caller))
    throw NotFoundError("Pengaduan");
  authorize(Complaint.COMPLAINT_WORKFLOW, "propose", complaint, caller, {
    stale: () =>
      ConflictError(
        `Pengaduan berstatus "${Complaint.COMPLAINT_STATE_LABELS[complaint.state]}"; rumah tangganya tidak dapat diusulkan lagi.`,
      ),
  });

  const confirmed = data.idConfirmed ?? false;
  const members: ProposalRecord["members"] = [];
  for (const [i, { reporter, nik: typed, ...member }] of data.members.entries()) {
    const nik = reporter
      ? complaint.reporter.nik
      : (await requireNik(typed ?? "", `members.${i}.nik`, confirmed)).value;
    members.push({ ...member, nik, nikh: nikHash(nik), nikMasked: maskNik(nik) });
  }
  if (new Set(members.map((m) => m.nik)).size !== members.length)
    throw ValidationError("NIK anggota rumah tangga tidak boleh ganda.", [
      { field: "members", message: "NIK anggota rumah tangga tidak boleh ganda." },
    ]);
  if (data.kk) await requireKk(data.kk, "kk", confirmed);
  const now = nowIso();
  const { rt, rw, dusun } = complaint.reporter;
  const record: ProposalRecord = {
    id: data.id,
    complaintId: complaint.id,
    desaCode: complaint.desaCode,
    kecamatanCode: complaint.kecamatanCode,
    state: "diusulkan",
    version: 1,
    ...(data.kk ? { kk: data.kk } : {}),
    address: { rt, rw, ...(dusun ? { dusun } : {}) },
    members,
    houseCondition: data.houseCondition,
    incomeSource: data.incomeSource,
    assets: [],
    ...(data.notes ? { notes: data.notes } : {}),
    createdAt: now,
    createdBy: caller.username,
    createdByName: caller.name,
    updatedAt: now,
    updatedBy: caller.username,
  };
  try {
    await transact([
      putNew(
        "proposal",
        { ...key(record.id), type: "proposal", ...indexKeys(record), ...record },
        "Usulan ini sudah tercatat.",
      ),
      // Two officers proposing the same household at once: one proposal, the other a 409.
      update("complaint", {
        key: Complaint.key(complaint.id),
        set: { proposalId: record.id, proposalState: record.state },
        expect: { proposalId: complaint.proposalId },
        conflict: "Rumah tangga ini baru saja diusulkan dari perangkat lain. Muat ulang lalu periksa.",
      }),
      Timeline.event(complaint.id, { entity: "proposal", action: "proposal.create", to: "diusulkan" }),
      ...tally(undefined, countsOfProposal(record)),
      ...Audit.entriesFor(
        {
          action: "proposal.create",
          target: { type: "proposal", id: record.id },
          summary: `Mengusulkan rumah tangga (${members.length} anggota) untuk pengaduan ${complaint.id}`,
        },
        members.map((m) => m.nikh),
      ),
    ]);
  } catch (error) {
    // The same proposal arrived twice at once: the other copy won; answer with it.
    if (failedWrite(error) === "proposal") return create(input);
    throw error;
  }
  return { proposal: toView(record, caller), created: true };
}
