import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { assertInScope, assertRole, covers } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import * as Complaint from "../complaint/index.ts";
import {
  decodeCursor,
  encodeCursor,
  failedCondition,
  putNew,
  transact,
  useDb,
  type Page,
} from "../db/index.ts";
import { ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import { maskNik, nikHash, requireKk, requireNik } from "../resident/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { CreateProposalSchema, ListProposalsSchema, type ProposalView } from "./schema.ts";

export * from "./schema.ts";

interface ProposalRecord extends ProposalView {
  kk?: string;
  members: (ProposalView["members"][number] & { nik: string; nikh: string })[];
}

const key = (id: string) => ({ pk: `PROPOSAL#${id}`, sk: "PROPOSAL" });

function toView(record: ProposalRecord): ProposalView {
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
  };
}

/**
 * Front office: the household of a resident not found in the DPM is proposed for it (usulan, F1).
 * The proposal and the complaint's move to `menunggu-verval` are written together; resending the same
 * proposal (same device-made id) answers the first one.
 */
export async function create(input: unknown): Promise<{ proposal: ProposalView; created: boolean }> {
  const caller = assertRole("front-office", "koordinator");
  const data = parse(CreateProposalSchema, input);
  const db = useDb();
  const existing = (
    await db.doc.send(new GetCommand({ TableName: db.table, Key: key(data.id), ConsistentRead: true }))
  ).Item as ProposalRecord | undefined;
  if (existing) {
    if (!covers(caller.scope, existing.desaCode)) throw ConflictError("ID usulan ini sudah dipakai.");
    return { proposal: toView(existing), created: false };
  }
  const complaint = await Complaint.load(data.complaintId);
  if (!complaint) throw NotFoundError("Pengaduan");
  assertInScope(complaint.desaCode, "Pengaduan");
  if (complaint.dpm.found)
    throw ConflictError("Pelapor sudah ada di DPM; usulan rumah tangga tidak diperlukan.");
  if (complaint.state !== "baru")
    throw ConflictError(
      `Pengaduan berstatus "${Complaint.COMPLAINT_STATE_LABELS[complaint.state]}"; usulan hanya untuk pengaduan baru.`,
    );

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
  };
  try {
    await transact(
      [
        putNew({
          ...key(record.id),
          type: "proposal",
          gsi1pk: `KEC#${record.kecamatanCode}#PROPOSAL#diusulkan`,
          gsi1sk: `${record.desaCode}#${now}`,
          gsi2pk: `DESA#${record.desaCode}#PROPOSAL`,
          gsi2sk: now,
          version: 1,
          ...record,
        }),
        Complaint.moveItem(complaint, "menunggu-verval", { proposalId: record.id }),
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
      ],
      (index) =>
        index === 1
          ? "Pengaduan ini baru saja diubah orang lain. Muat ulang lalu coba lagi."
          : "Usulan ini sudah tercatat.",
    );
  } catch (error) {
    // The same proposal arrived twice at once: the other copy won; answer with it.
    if (failedCondition(error) === 0) return create(input);
    throw error;
  }
  return { proposal: toView(record), created: true };
}

/** Survey team, manager, supervisor: proposals of a kecamatan (optionally one desa), newest first. */
export async function list(query: unknown): Promise<Page<ProposalView>> {
  const caller = assertRole("survei", "manajer", "supervisor", "front-office", "koordinator");
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
  const db = useDb();
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: "gsi1",
      KeyConditionExpression: desa ? "gsi1pk = :pk AND begins_with(gsi1sk, :desa)" : "gsi1pk = :pk",
      ExpressionAttributeValues: {
        ":pk": `KEC#${kecamatan}#PROPOSAL#diusulkan`,
        ...(desa ? { ":desa": `${desa}#` } : {}),
      },
      ScanIndexForward: false,
      Limit: 50,
      ExclusiveStartKey: decodeCursor(q.cursor),
    }),
  );
  return {
    items: (out.Items ?? []).map((item) => toView(item as ProposalRecord)),
    cursor: encodeCursor(out.LastEvaluatedKey),
  };
}
