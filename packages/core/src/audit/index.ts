import { randomUUID } from "node:crypto";
import { BatchWriteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
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
}

/** Target types whose id is the resident's keyed NIK hash. */
const PERSON_TARGETS = new Set(["resident", "person"]);

/** The sparse index key of the entries about one resident (gsi3), newest last. */
export const personPartition = (nikh: string) => `PERSON#${nikh}`;

const day = today;

type Who = ReturnType<typeof describe>;

function item(input: AuditInput, who: Who = describe(use())) {
  const now = new Date();
  const at = now.toISOString();
  const id = randomUUID();
  const entry: AuditEntry = {
    id,
    at,
    ...who,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id,
    summary: input.summary,
  };
  const person = input.person ?? (PERSON_TARGETS.has(input.target.type) ? input.target.id : undefined);
  return {
    pk: `AUDIT#${input.target.type}#${input.target.id}`,
    sk: `${at}#${id}`,
    gsi1pk: `AUDITDAY#${day(now)}`,
    gsi1sk: `${at}#${id}`,
    gsi2pk: `AUDITBY#${who.by}`,
    gsi2sk: `${at}#${id}`,
    ...(person ? { gsi3pk: personPartition(person), gsi3sk: `${at}#${id}` } : {}),
    type: "audit",
    ...entry,
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

const PROJECTION = ["id", "at", "by", "role", "ip", "action", "targetType", "targetId", "summary"];

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
        ? { index: "gsi2", name: "gsi2pk", value: `AUDITBY#${q.by}` }
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
  const items = page.items.map((raw) =>
    Object.fromEntries(PROJECTION.map((name) => [name, raw[name]])),
  ) as unknown as AuditEntry[];
  return {
    items,
    ...(page.cursor ? { cursor: page.cursor } : {}),
    ...(key.index === "gsi1" ? { day: byDay } : {}),
  };
}
