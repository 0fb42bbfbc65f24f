import { assertCan, assertInScope, covers, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { useConfig } from "../config/index.ts";
import {
  failedWrite,
  getItem,
  putNew,
  queryAll,
  transact,
  update,
  updateNow,
  type Write,
} from "../db/index.ts";
import { ConflictError, isAppError, ValidationError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { desaLabel } from "../region/schema.ts";
import * as Timeline from "../timeline/index.ts";
import { local } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { isUuid } from "../validation/fields.ts";
import { assertMayTake } from "../workflow/index.ts";
import { CreateExportSchema, type ProposalExportView } from "./schema.ts";
import {
  key as proposalKey,
  load as loadProposal,
  moveWrites,
  type ProposalRecord,
} from "../proposal/record.ts";
import { PROPOSAL_STATE_LABELS, PROPOSAL_WORKFLOW } from "../proposal/workflow.ts";

/**
 * The manajer's export of confirmed proposals (`ditetapkan-musdes` → `diekspor`) for upload to
 * DTSEN/SIKS-NG, as a numbered batch: first the batch with its number and its audit entry in one
 * transaction, then each proposal in its own transaction (a batch holds hundreds, a transaction at
 * most 100 items). A resend of the same device-made id finishes the same batch instead of making a
 * second one; a proposal someone else moved meanwhile is left out and counted as skipped.
 */

/** What one request may move within the Lambda's 30 seconds, and what one download may read. */
export const MAX_BATCH = 1000;
/** Proposals moved (and read) at once: each is its own transaction on its own items. */
const AT_ONCE = 10;

export interface ExportRecord extends ProposalExportView {
  year: number;
  sequence: number;
  /** The proposals chosen, in the confirmed index's order (desa, then date proposed). */
  proposalIds: string[];
}

export const key = (id: string) => ({ pk: `PROPOSALEXPORT#${id}`, sk: "PROPOSALEXPORT" });
/** The kabupaten's batches by time (index gsi1), newest first when read backwards. */
export const listIndex = () => `PROPOSALEXPORTS#${useConfig().kabupatenCode}`;

export const load = async (id: string) => (isUuid(id) ? getItem<ExportRecord>(key(id)) : undefined);

export const view = ({
  year: _y,
  sequence: _s,
  proposalIds: _p,
  ...shown
}: ExportRecord): ProposalExportView =>
  Object.fromEntries(
    Object.entries(shown).filter(([name]) => !/^(pk|sk|type|gsi\d(pk|sk))$/.test(name)),
  ) as ProposalExportView;

const NOTHING = "Belum ada usulan yang ditetapkan musdes untuk diekspor.";

/**
 * Batch numbers run per kabupaten per year without gaps, `0001/USULAN-33.28/2026`, the year being
 * the kabupaten's own: read the counter, advance it conditionally in the batch's transaction.
 */
async function nextNumber(at: Date) {
  const kabupaten = useConfig().kabupatenCode;
  const { year } = local(at);
  const counterKey = { pk: `EXPORTNUMBER#${kabupaten}#${year}`, sk: "COUNTER" };
  const last = Number((await getItem<{ last?: number }>(counterKey))?.last ?? 0);
  const sequence = last + 1;
  const write: Write = update("export-counter", {
    key: counterKey,
    set: { last: sequence },
    expect: { last: last || undefined },
  });
  return {
    number: `${String(sequence).padStart(4, "0")}/USULAN-${kabupaten}/${year}`,
    year,
    sequence,
    write,
  };
}

/** The area in words, from idn-area-data; a desa code that is not one of this kabupaten is a 422. */
async function areaOf(desaCode: string | undefined): Promise<string> {
  if (!desaCode) return (await Region.current()).name;
  const desa = await Region.find(desaCode);
  if (desa?.level !== "desa") {
    const message = "Desa tidak ada di kabupaten ini.";
    throw ValidationError(message, [{ field: "desaCode", message }]);
  }
  return `${desaLabel(desa)}, Kec. ${desa.kecamatanName}`;
}

/** The confirmed proposals of the kabupaten or of one desa: one Query, in the index's order. */
function confirmed(desaCode: string | undefined): Promise<ProposalRecord[]> {
  return queryAll<ProposalRecord>({
    IndexName: "gsi1",
    KeyConditionExpression: desaCode ? "gsi1pk = :pk AND begins_with(gsi1sk, :desa)" : "gsi1pk = :pk",
    ExpressionAttributeValues: {
      ":pk": `PROPOSALS#${useConfig().kabupatenCode}#ditetapkan-musdes`,
      ...(desaCode ? { ":desa": `${desaCode}#` } : {}),
    },
  });
}

/** Runs `fn` on every item, `AT_ONCE` at a time, answering in the items' order. */
export async function inTurns<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += AT_ONCE)
    out.push(...(await Promise.all(items.slice(i, i + AT_ONCE).map(fn))));
  return out;
}

export async function createExport(input: unknown): Promise<{ batch: ProposalExportView; created: boolean }> {
  const caller = assertCan("proposal.export");
  assertMayTake(PROPOSAL_WORKFLOW, "export", caller);
  const data = parse(CreateExportSchema, input);
  for (let attempt = 1; ; attempt++) {
    const existing = await load(data.id);
    if (existing) {
      if (existing.desaCode !== data.desaCode)
        throw ConflictError(`ID ekspor ini sudah dipakai untuk batch ${existing.number} (${existing.area}).`);
      return { batch: await finish(existing, caller), created: false };
    }
    const area = await areaOf(data.desaCode);
    if (data.desaCode) assertInScope(data.desaCode, "Desa");
    // The index is kabupaten-wide: keep to the caller's scope should a narrower role ever export.
    const found = (await confirmed(data.desaCode)).filter((p) => covers(caller.scope, p.desaCode));
    if (!found.length)
      throw ValidationError(NOTHING, [{ field: data.desaCode ? "desaCode" : "body", message: NOTHING }]);
    const chosen = found.slice(0, MAX_BATCH);
    const at = new Date();
    const { number, year, sequence, write } = await nextNumber(at);
    const batch: ExportRecord = {
      id: data.id,
      number,
      year,
      sequence,
      ...(data.desaCode ? { desaCode: data.desaCode } : {}),
      area,
      at: at.toISOString(),
      by: caller.username,
      byName: caller.name,
      households: 0,
      members: 0,
      skipped: 0,
      remaining: found.length - chosen.length,
      complete: false,
      proposalIds: chosen.map((p) => p.id),
    };
    try {
      await transact([
        putNew(
          "proposal-export",
          {
            ...key(batch.id),
            type: "proposal-export",
            gsi1pk: listIndex(),
            gsi1sk: `${batch.at}#${batch.id}`,
            ...batch,
          },
          "Ekspor ini sudah tercatat.",
        ),
        write,
        Audit.entry({
          action: "proposal.export",
          target: { type: "proposal-export", id: batch.id },
          summary: `Ekspor usulan ${number} (${area}): ${chosen.length} rumah tangga dipilih`,
        }),
      ]);
    } catch (error) {
      // The same request twice at once: the other copy made the batch; finish and answer it.
      if (failedWrite(error) === "proposal-export") continue;
      // Another batch took this number a moment ago: take the next one (and choose again).
      if (failedWrite(error) === "export-counter" && attempt < 3) continue;
      throw error;
    }
    return { batch: await finish(batch, caller, chosen), created: true };
  }
}

/**
 * Moves the batch's proposals that are not moved yet and records the counts. `known` are the
 * proposals as the index gave them when the batch was made; a resend reads them again.
 */
async function finish(batch: ExportRecord, caller: UserActor, known?: ProposalRecord[]) {
  const proposals = known ?? (await inTurns(batch.proposalIds, loadProposal));
  const moved = (
    await inTurns(proposals, (p) => (p ? take(batch, p, caller) : Promise.resolve(undefined)))
  ).filter((p): p is ProposalRecord => p !== undefined);
  const counts = {
    households: moved.length,
    members: moved.reduce((n, p) => n + p.members.length, 0),
    skipped: batch.proposalIds.length - moved.length,
    complete: true,
  };
  if (!batch.complete || counts.households !== batch.households)
    await updateNow({ key: key(batch.id), set: counts });
  return view({ ...batch, ...counts });
}

/**
 * One proposal into the batch: its move, the state its complaint shows, its timeline entry and an
 * audit entry per member (each finds the export by NIK) as one transaction. Answers the proposal as
 * moved, or undefined when it is not in the batch (moved by someone else, or withdrawn). An index read
 * may lag behind the table: when the condition fails, it is read again and tried once more if still
 * confirmed.
 */
async function take(batch: ExportRecord, record: ProposalRecord, caller: UserActor, again = false) {
  if (record.export?.batchId === batch.id) return record;
  if (record.state !== "ditetapkan-musdes") return undefined;
  const exported = { batchId: batch.id, number: batch.number, at: batch.at, by: batch.by };
  try {
    await transact([
      ...moveWrites(record, "diekspor", caller, { export: exported }),
      Timeline.event(record.complaintId, {
        entity: "proposal",
        action: "proposal.export",
        from: record.state,
        to: "diekspor",
        note: `Batch ${batch.number}`,
      }),
      ...Audit.entriesFor(
        {
          action: "proposal.export",
          target: { type: "proposal", id: record.id },
          summary: `${PROPOSAL_STATE_LABELS[record.state]} → ${PROPOSAL_STATE_LABELS.diekspor} (batch ${batch.number})`,
        },
        record.members.map((m) => m.nikh),
      ),
    ]);
    return { ...record, state: "diekspor" as const, export: exported };
  } catch (error) {
    if (!isAppError(error) || !failedWrite(error)) throw error;
    const current = await getItem<ProposalRecord>(proposalKey(record.id));
    if (!current || again) return current?.export?.batchId === batch.id ? current : undefined;
    return take(batch, current, caller, true);
  }
}
