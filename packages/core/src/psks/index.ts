import { randomUUID } from "node:crypto";
import { assertCan, assertInScope, covers, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { CATALOGS } from "../catalog/schema.ts";
import { counter, getItem, putNew, queryAll, transact, update, type Write } from "../db/index.ts";
import { ConflictError, FieldError, NotFoundError, ValidationError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { formatLocal, nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import {
  AddPsksSchema,
  ListPsksSchema,
  UpdatePsksSchema,
  type PsksCounts,
  type PsksEntry,
} from "./schema.ts";

export * from "./schema.ts";

/**
 * One partition per kabupaten, sorted by region: `begins_with` lists a kecamatan (its own entries and
 * its desa's) or a desa. Counts of active entries by kind per region are kept beside them, moved in
 * the same transaction as the entry (`PSKSCOUNT`), so the dashboard reads one item.
 */
const kabupatenOf = (region: string) => region.split(".").slice(0, 2).join(".");
const partition = (region: string) => `PSKS#${kabupatenOf(region)}`;
const key = (region: string, id: string) => ({ pk: partition(region), sk: `${region}#${id}` });
const countKey = (region: string) => ({ pk: `PSKSCOUNT#${kabupatenOf(region)}`, sk: region });

/** The region and every region above it (desa → kecamatan → kabupaten). */
const upward = (region: string) => {
  const parts = region.split(".");
  return parts.slice(1).map((_, i) => parts.slice(0, i + 2).join("."));
};

function counts(entry: Pick<PsksEntry, "regionCode" | "kind" | "active">, sign: 1 | -1): Write[] {
  if (!entry.active) return [];
  return upward(entry.regionCode).map((region) =>
    counter({ key: countKey(region), set: { type: "psks-count" }, add: { [`k.${entry.kind}`]: sign } }),
  );
}

const view = (item: PsksEntry): PsksEntry => ({
  id: item.id,
  kind: item.kind,
  name: item.name,
  regionCode: item.regionCode,
  contactName: item.contactName,
  ...(item.contactPhone ? { contactPhone: item.contactPhone } : {}),
  ...(item.notes ? { notes: item.notes } : {}),
  active: item.active,
  version: item.version,
  updatedAt: item.updatedAt,
  updatedBy: item.updatedBy,
});

/** Where an entry may be kept: the koordinator's own desa; the manajer any region of the kabupaten. */
async function regionFor(caller: UserActor, named: string | undefined): Promise<string> {
  const code = named ?? caller.scope.code;
  const region = await Region.find(code);
  if (!region || !covers(caller.scope, code))
    throw ValidationError("Wilayah tidak ada di wilayah Anda.", [
      { field: "regionCode", message: `Wilayah ${code} tidak ada di wilayah Anda.` },
    ]);
  return code;
}

/**
 * The PSKS a caller can call on: those of its scope and of the regions above it (a desa's back office
 * sees its desa's, its kecamatan's TKSK and the kabupaten's partners). A `region` narrows to one area.
 */
export async function list(query: unknown): Promise<PsksEntry[]> {
  const caller = assertCan("psks.read");
  const q = parse(ListPsksSchema, query);
  if (q.region) assertInScope(q.region, "Wilayah");
  const within = q.region ?? caller.scope.code;
  const prefixes = [
    within.split(".").length === 4 ? `${within}#` : within,
    ...(q.region
      ? []
      : upward(caller.scope.code)
          .slice(0, -1)
          .map((r) => `${r}#`)),
  ];
  const found = await Promise.all(
    prefixes.map((prefix) =>
      queryAll<PsksEntry>({
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": partition(within), ":prefix": prefix },
      }),
    ),
  );
  return found
    .flat()
    .filter((e) => !q.kind || e.kind === q.kind)
    .map(view)
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name));
}

/** The active entries a desa's complaint can involve: the desa's, its kecamatan's and the kabupaten's. */
export async function availableTo(desaCode: string): Promise<PsksEntry[]> {
  const found = await Promise.all(
    upward(desaCode).map((region) =>
      queryAll<PsksEntry>({
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": partition(desaCode), ":prefix": `${region}#` },
      }),
    ),
  );
  return found.flat().filter((e) => e.active);
}

/** The registry entries named (a handling, a case step), each active and serving the region or an area above it. */
export async function involved(regionCode: string, ids: string[]) {
  const available = new Map((await availableTo(regionCode)).map((e) => [e.id, e]));
  if (ids.some((id) => !available.has(id)))
    throw FieldError("psksIds", "PSKS yang dipilih tidak ada atau tidak aktif di wilayah ini.");
  return [...new Set(ids)].map((id) => {
    const e = available.get(id)!;
    return { id, name: e.name, kind: e.kind };
  });
}

export async function add(input: unknown): Promise<PsksEntry> {
  const caller = assertCan("psks.manage");
  const data = parse(AddPsksSchema, input);
  const regionCode = await regionFor(caller, data.regionCode);
  const entry: PsksEntry = {
    id: randomUUID(),
    kind: data.kind,
    name: data.name,
    regionCode,
    contactName: data.contactName,
    ...(data.contactPhone ? { contactPhone: data.contactPhone } : {}),
    ...(data.notes ? { notes: data.notes } : {}),
    active: true,
    version: 1,
    updatedAt: nowIso(),
    updatedBy: caller.username,
  };
  await transact([
    putNew("psks", { ...key(regionCode, entry.id), type: "psks", ...entry }),
    ...counts(entry, 1),
    Audit.entry({
      action: "psks.add",
      target: { type: "psks", id: entry.id },
      summary: `Menambah PSKS ${entry.name} (${kindName(entry.kind)}) di ${regionCode}`,
    }),
  ]);
  return entry;
}

/** Changes an entry (its contact, or active or not), conditional on the version read. */
export async function change(regionCode: string, id: string, input: unknown): Promise<PsksEntry> {
  const caller = assertCan("psks.manage");
  const data = parse(UpdatePsksSchema, input);
  assertInScope(regionCode, "PSKS");
  const current = await getItem<PsksEntry>(key(regionCode, id));
  if (!current) throw NotFoundError("PSKS");
  const stale = () =>
    ConflictError(
      `Data PSKS ini baru saja diubah oleh ${current.updatedBy} (${formatLocal(current.updatedAt)}). Muat ulang lalu coba lagi.`,
    );
  if (current.version !== data.version) throw stale();
  const { version: _v, ...fields } = data;
  const next: PsksEntry = {
    ...current,
    ...fields,
    version: current.version + 1,
    updatedAt: nowIso(),
    updatedBy: caller.username,
  };
  await transact([
    update("psks", {
      key: key(regionCode, id),
      set: { ...fields, updatedAt: next.updatedAt, updatedBy: next.updatedBy },
      ...(data.contactPhone ? {} : { remove: ["contactPhone"] }),
      add: { version: 1 },
      expect: { version: current.version },
      conflict: stale().message,
    }),
    ...counts(current, -1),
    ...counts(next, 1),
    Audit.entry({
      action: "psks.change",
      target: { type: "psks", id },
      summary: `Mengubah PSKS ${next.name}${current.active !== next.active ? (next.active ? " (aktif lagi)" : " (tidak aktif)") : ""}`,
    }),
  ]);
  return view(next);
}

const kindName = (code: string) => CATALOGS.psks.find((p) => p.code === code)?.name ?? code;

/** Active PSKS by kind of an area, every kind listed (the dashboard, as the seed's table). */
export async function countsOf(region: string): Promise<PsksCounts> {
  const item = (await getItem<Record<string, unknown>>(countKey(region))) ?? {};
  const kinds = CATALOGS.psks.map((p) => ({
    code: p.code,
    name: p.name,
    count: Number(item[`k.${p.code}`] ?? 0),
  }));
  return { regionCode: region, kinds, total: kinds.reduce((n, k) => n + k.count, 0) };
}
