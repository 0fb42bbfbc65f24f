import { randomBytes } from "node:crypto";
import { BatchWriteCommand, PutCommand } from "../db/commands.ts";
import * as v from "valibot";
import { assertCan, describe, use } from "../actor/index.ts";
import { put, queryPage, useDb, type Write } from "../db/index.ts";
import { today } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import type { AuditEntry, AuditPage } from "./schema.ts";
import { CursorSchema } from "../validation/fields.ts";

/**
 * The audit log (DESIGN §6): who, with which role, when, what, on which record, from where.
 * Core functions add `entry(...)` to the same transaction as the change it records, so the two
 * cannot disagree. Items are kept: no TTL.
 */
export * from "./schema.ts";

export interface AuditInput {
  action: string;
  target: { type: string; id: string };
  summary: string;
  /**
   * The resident whose data was read or written (keyed NIK hash): the access report by NIK finds the
   * entry through it. An entry targeting the resident (`resident`, `person`) is about that resident.
   */
  person?: string | undefined;
  /**
   * A NIK corrected to `person`'s: the earlier NIK's hash, its masked form and the records it was held
   * on, so the access report by the new NIK also lists what was done to those records before.
   */
  former?: { nikh: string; nikMasked: string; records: string[] } | undefined;
  /** One moment for entries that record one change for two residents (a NIK corrected). */
  at?: Date | undefined;
}

/** The attributes of a correction's link to the earlier NIK (retention removes them with the person's). */
export const FORMER_ATTRIBUTES = ["formerh", "formerMasked", "formerRecords"] as const;

/** Target types whose id is the resident's keyed NIK hash. */
const PERSON_TARGETS = new Set(["resident", "person"]);

/** The sparse index key of the entries about one resident (gsi3), newest last. */
export const personPartition = (nikh: string) => `PERSON#${nikh}`;

const day = today;

type Who = ReturnType<typeof describe>;

/**
 * The stored entry holds only what its keys do not: the record is in `pk` (`AUDIT#<type>#<id>`), the
 * time and id in `sk`, the user in the by-user key. Every copy in an index repeats the whole item, so
 * each attribute left out is saved four times (docs/data-model.md, "audit entry").
 */
function item(input: AuditInput, who: Who = describe(use())) {
  const now = input.at ?? new Date();
  const sort = `${now.toISOString()}#${randomBytes(9).toString("base64url")}`;
  const person = input.person ?? (PERSON_TARGETS.has(input.target.type) ? input.target.id : undefined);
  return {
    pk: `AUDIT#${input.target.type}#${input.target.id}`,
    sk: sort,
    gsi1pk: `AUDITDAY#${day(now)}`,
    gsi1sk: sort,
    gsi2pk: `${BY}${who.by}`,
    gsi2sk: sort,
    ...(person ? { gsi3pk: personPartition(person), gsi3sk: sort } : {}),
    ...(input.former
      ? {
          formerh: input.former.nikh,
          formerMasked: input.former.nikMasked,
          formerRecords: input.former.records,
        }
      : {}),
    role: who.role,
    ip: who.ip,
    action: input.action,
    summary: input.summary,
  };
}

const BY = "AUDITBY#";

/** Whether a stored item is an audit entry (they share the person index with residents' requests). */
export const isEntry = (raw: Record<string, unknown>) => String(raw.pk).startsWith("AUDIT#");

/**
 * The entry a stored item holds, its record, time, id and user read back from its keys. Entries
 * written before they were compacted carry those as attributes, which then win.
 */
export function fromItem(raw: Record<string, unknown>): AuditEntry {
  const text = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : undefined);
  const sk = text("sk") ?? "";
  const cut = sk.indexOf("#");
  const target = (text("pk") ?? "").slice("AUDIT#".length);
  const split = target.indexOf("#");
  return {
    id: text("id") ?? sk.slice(cut + 1),
    at: text("at") ?? sk.slice(0, cut),
    by: text("by") ?? (text("gsi2pk") ?? "").slice(BY.length),
    role: text("role") ?? "",
    ip: text("ip") ?? "",
    action: text("action") ?? "",
    targetType: text("targetType") ?? target.slice(0, split),
    targetId: text("targetId") ?? target.slice(split + 1),
    summary: text("summary") ?? "",
  };
}

/** A Put for a transaction that also holds the change being recorded. */
export function entry(input: AuditInput): Write {
  return put("audit", item(input));
}

/** One entry per resident the change is about (a household's members), or one without a resident. */
export function entriesFor(input: AuditInput, persons: readonly string[]): Write[] {
  return persons.length ? persons.map((person) => entry({ ...input, person })) : [entry(input)];
}

/** As `entry`, naming the actor explicitly (sign-in, before there is a signed-in caller). */
export function entryAs(who: Who, input: AuditInput): Write {
  return put("audit", item(input, who));
}

/** Records an event that changes nothing else (a failed sign-in, a read of a person's record). */
export async function record(input: AuditInput): Promise<void> {
  const db = useDb();
  await db.doc.send(new PutCommand({ TableName: db.table, Item: item(input) }));
}

/**
 * Records many events at once (a file holding many residents' NIKs: one entry per resident), 25 to a
 * batch, asking again for any DynamoDB left unprocessed, before the caller hands out what they record.
 */
export async function recordMany(inputs: AuditInput[]): Promise<void> {
  const db = useDb();
  const items = inputs.map((input) => ({ PutRequest: { Item: item(input) } }));
  for (let i = 0; i < items.length; i += 25) {
    let pending: typeof items = items.slice(i, i + 25);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 25 * 2 ** Math.min(attempt, 6)));
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: pending } }));
      pending = (out.UnprocessedItems?.[db.table] ?? []) as typeof items;
    }
  }
}

export const AuditQuerySchema = v.object({
  day: v.optional(
    v.pipe(v.string("Tanggal harus berupa teks."), v.isoDate("Tanggal harus berformat TTTT-BB-HH.")),
  ),
  by: v.optional(
    v.pipe(v.string("Pengguna harus berupa teks."), v.maxLength(64, "Pengguna terlalu panjang.")),
  ),
  targetType: v.optional(v.pipe(v.string(), v.regex(/^[a-z-]{1,32}$/, "Jenis target tidak valid."))),
  targetId: v.optional(v.pipe(v.string(), v.maxLength(128, "ID target terlalu panjang."))),
  cursor: v.optional(CursorSchema),
});
export type AuditQuery = v.InferOutput<typeof AuditQuerySchema>;

/** The log for the admin, newest first: by record, by user who acted, or by day (default today). */
export async function list(query: AuditQuery): Promise<AuditPage> {
  assertCan("audit.read");
  const q = parse(AuditQuerySchema, query);
  // "Today" is the kabupaten's day (WIB/WITA/WIT), not the browser's or the server's.
  const byDay = q.day ?? day(new Date());
  const key =
    q.targetType && q.targetId
      ? { index: undefined, name: "pk", value: `AUDIT#${q.targetType}#${q.targetId}` }
      : q.by
        ? { index: "gsi2", name: "gsi2pk", value: `${BY}${q.by}` }
        : { index: "gsi1", name: "gsi1pk", value: `AUDITDAY#${byDay}` };
  const page = await queryPage<Record<string, unknown>>(
    {
      ...(key.index ? { IndexName: key.index } : {}),
      KeyConditionExpression: "#k = :v",
      ExpressionAttributeNames: { "#k": key.name },
      ExpressionAttributeValues: { ":v": key.value },
      ScanIndexForward: false,
    },
    { limit: 50, cursor: q.cursor },
  );
  const items = page.items.map(fromItem);
  return {
    items,
    ...(page.cursor ? { cursor: page.cursor } : {}),
    ...(key.index === "gsi1" ? { day: byDay } : {}),
  };
}
