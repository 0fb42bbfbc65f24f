import { assertCan, assertInScope } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { putNew, queryAll, transact, update } from "../db/index.ts";
import { isAppError, NotFoundError, ValidationError, type FieldIssue } from "../error/index.ts";
import * as Proposal from "../proposal/index.ts";
import * as Region from "../region/index.ts";
import { formatDay, nowIso, today } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { desaIndex, key, load, type MusdesRecord } from "./record.ts";
import { ListMusdesSchema, RecordMusdesSchema, type MusdesAnnex, type MusdesView } from "./schema.ts";

export * from "./schema.ts";

const refuse = (issues: FieldIssue[]) => ValidationError(issues[0]!.message, issues);

/**
 * Koordinator or kepala desa: records the desa's Musyawarah Desa and its decision on each verified
 * household. Everything is checked before anything is written (a decision on a proposal of another
 * desa, not verified, or verified after the musdes is a 422 naming it); then the musdes is stored and
 * each decision is its own transaction on its proposal, so one moved meanwhile by someone else is
 * reported without undoing the others. Sending the same musdes again applies what was not applied.
 */
export async function record(input: unknown): Promise<MusdesView> {
  const caller = assertCan("musdes.record");
  const data = parse(RecordMusdesSchema, input);
  const desaCode = caller.scope.code;
  if (data.date > today())
    throw refuse([{ field: "date", message: "Tanggal musdes tidak boleh di masa depan." }]);
  const proposals = await Promise.all(data.decisions.map((d) => Proposal.load(d.proposalId)));
  const issues: FieldIssue[] = [];
  proposals.forEach((p, i) => {
    const field = `decisions.${i}.proposalId`;
    if (!p || p.desaCode !== desaCode)
      issues.push({ field, message: "Usulan ini tidak ada di desa/kelurahan Anda." });
    else if (p.verification && p.verification.visitDate > data.date)
      issues.push({
        field: "date",
        message: `Tanggal musdes ${formatDay(data.date, "medium")} sebelum kunjungan verval ${formatDay(p.verification.visitDate, "medium")} (${p.members[0]?.name ?? p.id}).`,
      });
  });
  if (issues.length) throw refuse(issues);

  const stored = (await load(data.id)) ?? (await create(data, desaCode, caller.username));
  if (stored.desaCode !== desaCode) throw NotFoundError("Musdes");
  const decisions: MusdesView["decisions"] = [];
  for (const decision of data.decisions) {
    const before = stored.decisions.find((d) => d.proposalId === decision.proposalId && d.applied);
    if (before) {
      decisions.push(before);
      continue;
    }
    const { proposalId, version, confirmed, reason } = decision;
    try {
      await Proposal.decide(proposalId, {
        version,
        confirmed,
        ...(reason ? { reason } : {}),
        musdesId: data.id,
      });
      decisions.push({ proposalId, confirmed, ...(reason ? { reason } : {}), applied: true });
    } catch (error) {
      if (!isAppError(error) || error.code === "validation") throw error;
      decisions.push({
        proposalId,
        confirmed,
        ...(reason ? { reason } : {}),
        applied: false,
        message: error.message,
      });
    }
  }
  await transact([update("musdes", { key: key(data.id), set: { decisions } })]);
  return { ...stored, decisions };
}

async function create(
  data: { id: string; date: string; place: string; present: number; minutesRef: string },
  desaCode: string,
  by: string,
): Promise<MusdesRecord> {
  const musdes: MusdesRecord = {
    id: data.id,
    desaCode,
    date: data.date,
    place: data.place,
    present: data.present,
    minutesRef: data.minutesRef,
    decisions: [],
    createdAt: nowIso(),
    createdBy: by,
  };
  await transact([
    putNew(
      "musdes",
      {
        ...key(musdes.id),
        type: "musdes",
        gsi1pk: desaIndex(desaCode),
        gsi1sk: `${musdes.date}#${musdes.id}`,
        ...musdes,
      },
      "Musdes ini sudah tercatat.",
    ),
    Audit.entry({
      action: "musdes.record",
      target: { type: "musdes", id: musdes.id },
      summary: `Mencatat musdes ${musdes.date} di ${musdes.place} (${musdes.present} hadir, berita acara ${musdes.minutesRef})`,
    }),
  ]);
  return musdes;
}

const view = (item: MusdesRecord): MusdesView => {
  const { id, desaCode, date, place, present, minutesRef, decisions, createdAt, createdBy } = item;
  return { id, desaCode, date, place, present, minutesRef, decisions, createdAt, createdBy };
};

/** A desa's musdes, newest first: the caller's own desa, or one named within the caller's scope. */
export async function list(query: unknown): Promise<MusdesView[]> {
  const caller = assertCan("musdes.read");
  const q = parse(ListMusdesSchema, query);
  const desa = caller.scope.level === "desa" ? caller.scope.code : q.desa;
  if (!desa) throw refuse([{ field: "desa", message: "Pilih desa yang ingin dilihat." }]);
  assertInScope(desa, "Desa");
  const items = await queryAll<MusdesRecord>({
    IndexName: "gsi1",
    KeyConditionExpression: "gsi1pk = :pk",
    ExpressionAttributeValues: { ":pk": desaIndex(desa) },
    ScanIndexForward: false,
  });
  return items.map(view);
}

/**
 * The annex of one musdes: the households it decided on, for the A4 list signed at the musdes. It
 * names each household's head, its RT/RW and the desa's decision on it, so every member of every
 * household finds the reading in the access report by NIK, recorded before it is handed out.
 */
export async function annex(id: string): Promise<MusdesAnnex> {
  assertCan("musdes.read");
  const musdes = await load(id);
  if (!musdes) throw NotFoundError("Musdes");
  assertInScope(musdes.desaCode, "Musdes");
  const [desa, kabupaten, proposals] = await Promise.all([
    Region.find(musdes.desaCode),
    Region.current(),
    Promise.all(musdes.decisions.map((d) => Proposal.load(d.proposalId))),
  ]);
  await Audit.recordMany(
    proposals.flatMap((p) =>
      (p?.members ?? []).map((m) => ({
        action: "musdes.annex",
        target: { type: "musdes", id: musdes.id },
        summary: `Membuka lampiran musdes ${musdes.date} (${musdes.decisions.length} rumah tangga)`,
        person: m.nikh,
      })),
    ),
  );
  return {
    musdes: view(musdes),
    desa: desa?.name ?? musdes.desaCode,
    desaKind: desa?.level === "desa" ? desa.kind : "desa",
    kecamatan: desa?.level === "desa" ? desa.kecamatanName : "",
    kabupaten: kabupaten.name,
    households: musdes.decisions.flatMap((d, i) => {
      const p = proposals[i];
      if (!p) return [];
      const head = p.members.find((m) => m.relationship === "kepala-keluarga") ?? p.members[0];
      return [
        {
          proposalId: p.id,
          head: head?.name ?? "-",
          members: p.members.length,
          address: `RT ${p.address?.rt ?? "-"} / RW ${p.address?.rw ?? "-"}${p.address?.dusun ? `, Dusun ${p.address.dusun}` : ""}`,
          result: p.verification?.result ?? "-",
          confirmed: d.confirmed,
          ...(d.reason ? { reason: d.reason } : {}),
        },
      ];
    }),
  };
}
