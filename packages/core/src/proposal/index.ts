import { assertCan, assertInScope, covers, useUser, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import * as Complaint from "../complaint/index.ts";
import { failedWrite, getItem, putNew, queryPage, transact, type Page } from "../db/index.ts";
import { ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import { maskNik, nikHash, requireKk, requireNik } from "../resident/index.ts";
import * as Timeline from "../timeline/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { actionsFor, assertMayTake, authorize } from "../workflow/index.ts";
import { CreateProposalSchema, ListProposalsSchema, PROPOSAL_WORKFLOW, type ProposalView } from "./schema.ts";

export * from "./schema.ts";

interface ProposalRecord extends Omit<ProposalView, "actions"> {
  kk?: string;
  members: (ProposalView["members"][number] & { nik: string; nikh: string })[];
  version: number;
}

const key = (id: string) => ({ pk: `PROPOSAL#${id}`, sk: "PROPOSAL" });

function toView(record: ProposalRecord, caller: UserActor): ProposalView {
  const { kk, members, ...rest } = record;
  return {
    id: rest.id,
    complaintId: rest.complaintId,
    desaCode: rest.desaCode,
    kecamatanCode: rest.kecamatanCode,
    state: rest.state,
    ...(kk ? { kkMasked: maskNik(kk) } : {}),
    members: members.map(({ nikMasked, name, relationship }) => ({ nikMasked, name, relationship })),
    houseCondition: rest.houseCondition,
    incomeSource: rest.incomeSource,
    ...(rest.notes ? { notes: rest.notes } : {}),
    createdAt: rest.createdAt,
    createdBy: rest.createdBy,
    actions: actionsFor(PROPOSAL_WORKFLOW, { ...record, version: record.version ?? 1 }, caller),
  };
}

/**
 * The complaint's `propose` action: the household of a resident not found in the DPM is proposed
 * for it (usulan, F1). The proposal and the complaint's move to `menunggu-verval` are written
 * together; resending the same proposal (same device-made id) answers the first one.
 */
export async function create(input: unknown): Promise<{ proposal: ProposalView; created: boolean }> {
  const caller = useUser();
  assertMayTake(Complaint.COMPLAINT_WORKFLOW, "propose", caller);
  const data = parse(CreateProposalSchema, input);
  const existing = await getItem<ProposalRecord>(key(data.id));
  if (existing) {
    if (!covers(caller.scope, existing.desaCode)) throw ConflictError("ID usulan ini sudah dipakai.");
    return { proposal: toView(existing, caller), created: false };
  }
  const complaint = await Complaint.load(data.complaintId);
  if (!complaint) throw NotFoundError("Pengaduan");
  authorize(Complaint.COMPLAINT_WORKFLOW, "propose", complaint, caller, {
    stale: () =>
      ConflictError(
        `Pengaduan berstatus "${Complaint.COMPLAINT_STATE_LABELS[complaint.state]}"; usulan hanya untuk pengaduan baru.`,
      ),
  });

  const confirmed = data.idConfirmed ?? false;
  const members: ProposalRecord["members"] = [];
  for (const [i, member] of data.members.entries()) {
    const nik = await requireNik(member.nik, `members.${i}.nik`, confirmed);
    members.push({ ...member, nik: nik.value, nikh: nikHash(nik.value), nikMasked: maskNik(nik.value) });
  }
  if (data.kk) await requireKk(data.kk, "kk", confirmed);
  const now = nowIso();
  const record: ProposalRecord = {
    id: data.id,
    complaintId: complaint.id,
    desaCode: complaint.desaCode,
    kecamatanCode: complaint.kecamatanCode,
    state: "diusulkan",
    ...(data.kk ? { kk: data.kk } : {}),
    members,
    houseCondition: data.houseCondition,
    incomeSource: data.incomeSource,
    ...(data.notes ? { notes: data.notes } : {}),
    createdAt: now,
    createdBy: caller.username,
    version: 1,
  };
  const to = Complaint.COMPLAINT_WORKFLOW.actions.propose.to;
  try {
    await transact([
      putNew(
        "proposal",
        {
          ...key(record.id),
          type: "proposal",
          gsi1pk: `KEC#${record.kecamatanCode}#PROPOSAL#diusulkan`,
          gsi1sk: `${record.desaCode}#${now}`,
          gsi2pk: `DESA#${record.desaCode}#PROPOSAL`,
          gsi2sk: now,
          ...record,
        },
        "Usulan ini sudah tercatat.",
      ),
      Complaint.moveItem(complaint, to, { proposalId: record.id }),
      Timeline.event(complaint.id, {
        entity: "complaint",
        action: "proposal.create",
        from: complaint.state,
        to,
      }),
      Audit.entry({
        action: "proposal.create",
        target: { type: "proposal", id: record.id },
        summary: `Mengusulkan rumah tangga (${members.length} anggota) untuk pengaduan ${complaint.id}`,
      }),
      Audit.entry({
        action: "complaint.move",
        target: { type: "complaint", id: complaint.id },
        summary: "Baru → Menunggu verifikasi lapangan (usulan rumah tangga dibuat)",
      }),
    ]);
  } catch (error) {
    // The same proposal arrived twice at once: the other copy won; answer with it.
    if (failedWrite(error) === "proposal") return create(input);
    throw error;
  }
  return { proposal: toView(record, caller), created: true };
}

/** Survey team, manager, supervisor, the desa: proposals of a kecamatan (optionally one desa), newest first. */
export async function list(query: unknown): Promise<Page<ProposalView>> {
  const caller = assertCan("proposal.list");
  const q = parse(ListProposalsSchema, query);
  const desa = caller.scope.level === "desa" ? caller.scope.code : q.desa;
  const kecamatan =
    caller.scope.level === "kecamatan"
      ? caller.scope.code
      : (desa?.split(".").slice(0, 3).join(".") ?? q.kecamatan);
  if (!kecamatan)
    throw ValidationError("Pilih kecamatan.", [
      { field: "kecamatan", message: "Pilih kecamatan yang ingin dilihat." },
    ]);
  assertInScope(desa ?? kecamatan, "Wilayah");
  const page = await queryPage<ProposalRecord>(
    {
      IndexName: "gsi1",
      KeyConditionExpression: desa ? "gsi1pk = :pk AND begins_with(gsi1sk, :desa)" : "gsi1pk = :pk",
      ExpressionAttributeValues: {
        ":pk": `KEC#${kecamatan}#PROPOSAL#diusulkan`,
        ...(desa ? { ":desa": `${desa}#` } : {}),
      },
      ScanIndexForward: false,
    },
    { limit: 50, cursor: q.cursor },
  );
  return { ...page, items: page.items.map((item) => toView(item, caller)) };
}
