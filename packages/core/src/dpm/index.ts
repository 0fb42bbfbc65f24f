import { GetCommand, QueryCommand } from "../db/commands.ts";
import * as v from "valibot";
import { assertCan, assertInScope } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { hydrate, useDb } from "../db/index.ts";
import { NotFoundError, ValidationError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { maskNik, nikHash } from "../resident/index.ts";
import { NikSchema } from "../resident/schema.ts";
import { parse } from "../validation/index.ts";
import { nameKey } from "./name.ts";
import type { DpmEntry, DpmLookup, DpmPointer } from "./schema.ts";
import { partition, pointer } from "./store.ts";

export { nameKey };

/**
 * The Daftar Penerima Manfaat of each desa (the DTKS/DTSEN extract the kabupaten imports). Each import
 * fills a new partition `DPM#<desa>#<importId>`; only then does the pointer `DPM#<desa>/CURRENT` move to
 * it, in one conditional write, so a lookup sees the old list or the new one, never half of either.
 */
export * from "./schema.ts";

/** A desa of this kabupaten; anything else (a kecamatan, a code of elsewhere or too long for a key) is 404. */
async function requireDesa(code: string): Promise<void> {
  const region = await Region.find(code);
  if (region?.level !== "desa") throw NotFoundError("Desa");
}

/** Admin: when a desa's DPM was imported, and how many rows it holds; null for a desa never imported. */
export async function status(desaCode: string): Promise<DpmPointer | null> {
  assertCan("dpm.import");
  await requireDesa(desaCode);
  const found = await pointer(desaCode);
  if (!found) return null;
  const { importId, count, importedAt, importedBy } = found;
  return { desaCode, importId, count, importedAt, importedBy };
}

/** Registration's DPM check: is this NIK (by its hash) in the desa's current list? */
export async function findByHash(
  desaCode: string,
  nikh: string,
): Promise<{ entry: DpmEntry; importId: string } | undefined> {
  return (await lookupByHash(desaCode, nikh)).hit;
}

/**
 * A resident's DPM entry by NIK hash, and whether the desa's DPM has been imported at all: "not found"
 * means something only once it has (at a rollout, no desa's has).
 */
export async function lookupByHash(
  desaCode: string,
  nikh: string,
): Promise<{ imported: boolean; importedAt?: string; hit?: { entry: DpmEntry; importId: string } }> {
  const current = await pointer(desaCode);
  if (!current) return { imported: false };
  const db = useDb();
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.table,
      Key: { pk: partition(desaCode, current.importId), sk: `NIK#${nikh}` },
    }),
  );
  const hit = out.Item ? { entry: toEntry(out.Item), importId: current.importId } : undefined;
  return { imported: true, importedAt: current.importedAt, ...(hit ? { hit } : {}) };
}

function toEntry(item: Record<string, unknown>): DpmEntry {
  const { nikMasked, name, address, decile } = item as unknown as DpmEntry;
  return { nikMasked, name, ...(address ? { address } : {}), ...(decile ? { decile } : {}) };
}

/** Front office: look a resident up by NIK (exact) in the desa's DPM. */
export async function lookupByNik(desaCode: string, input: unknown): Promise<DpmLookup> {
  assertCan("dpm.lookup");
  assertInScope(desaCode, "Desa");
  await requireDesa(desaCode);
  const { nik } = parse(v.object({ nik: NikSchema }), input);
  const nikh = nikHash(nik);
  const { imported, importedAt, hit } = await lookupByHash(desaCode, nikh);
  await Audit.record({
    action: "dpm.lookup-nik",
    target: { type: "resident", id: nikh },
    summary: `Memeriksa DPM ${desaCode} dengan NIK ${maskNik(nik)}: ${hit ? "ditemukan" : "tidak ditemukan"}`,
  });
  return { imported, importedAt, found: hit ? [hit.entry] : [] };
}

/** Front office: residents of the desa's DPM whose name starts with `query` (first 20). */
export async function searchByName(desaCode: string, query: string): Promise<DpmLookup> {
  assertCan("dpm.lookup");
  assertInScope(desaCode, "Desa");
  await requireDesa(desaCode);
  const key = nameKey(query);
  if (key.length < 2)
    throw ValidationError("Nama yang dicari minimal 2 huruf.", [
      { field: "name", message: "Nama yang dicari minimal 2 huruf." },
    ]);
  const current = await pointer(desaCode);
  if (!current) return { imported: false, found: [] };
  const db = useDb();
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk AND begins_with(gsi1sk, :name)",
      ExpressionAttributeValues: { ":pk": partition(desaCode, current.importId), ":name": `NAME#${key}` },
      Limit: 20,
    }),
  );
  const found = (await hydrate<Record<string, unknown>>("gsi1", out.Items ?? [])).map(toEntry);
  // The name typed is personal data: the log keeps that a search happened and how many it found.
  await Audit.record({
    action: "dpm.search-name",
    target: { type: "dpm", id: desaCode },
    summary: `Mencari DPM ${desaCode} menurut nama: ${found.length} hasil`,
  });
  return { imported: true, importedAt: current.importedAt, found };
}
