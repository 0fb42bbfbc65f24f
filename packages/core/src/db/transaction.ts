import { isAwsError } from "../aws/index.ts";
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "./commands.ts";
import { ConflictError, type AppError } from "../error/index.ts";
import { sealFields } from "../seal/index.ts";
import { useDb } from "./client.ts";
import { updateExpression } from "./update.ts";

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * One item of a transaction, named for what it is ("referral", "letter-counter", "audit"), so that a
 * failed condition is reported by name rather than by its position in the list, and carrying the 409
 * message an officer reads when that condition fails.
 */
export interface Write {
  name: string;
  item: TransactItem;
  conflict?: string;
  /** A counter increment (`counter`): all of a transaction's increments of one item become one write. */
  counter?: CounterSpec;
}

export interface CounterSpec {
  key: { pk: string; sk: string };
  set: Record<string, string>;
  add: Record<string, number>;
}

const RACE = "Data sedang diubah oleh orang lain. Muat ulang lalu coba lagi.";

/**
 * Writes items together (a state change, its timeline and audit entries, any counters). When a
 * condition fails, that write's message becomes a 409 that also names the write (`failedWrite`).
 */
export async function transact(given: Write[]): Promise<void> {
  const db = useDb();
  const writes = mergeCounters(given);
  if (!writes.length) return;
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.item) }));
  } catch (error) {
    if (isAwsError(error, "TransactionCanceledException")) {
      const reasons = (error.fields.CancellationReasons ?? []) as { Code?: string }[];
      const index = reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
      const failed = writes[index];
      if (failed)
        throw Object.assign(ConflictError(failed.conflict ?? RACE), {
          failedWrite: failed.name,
          cause: error,
        });
      if (reasons.some((r) => r.Code === "TransactionConflict")) throw ConflictError(RACE);
    }
    throw error;
  }
}

/** The name of the write whose condition failed, when `error` is the 409 `transact` threw for it. */
export function failedWrite(error: unknown): string | undefined {
  return (error as (AppError & { failedWrite?: string }) | undefined)?.failedWrite;
}

/** A Put for a transaction that creates `item` and fails (409, `conflict`) if its key is taken. */
export function putNew(name: string, item: Record<string, unknown>, conflict?: string): Write {
  return {
    name,
    item: {
      Put: {
        TableName: useDb().table,
        Item: sealFields(item, item),
        ConditionExpression: "attribute_not_exists(pk)",
      },
    },
    ...(conflict ? { conflict } : {}),
  };
}

/** A Put for a transaction that creates or replaces `item`. */
export function put(name: string, item: Record<string, unknown>): Write {
  return { name, item: { Put: { TableName: useDb().table, Item: sealFields(item, item) } } };
}

/**
 * Writes `item` unless its key is taken, outside a transaction; answers whether it was written
 * (false: an item with that key was already there, and is left as it was).
 */
export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  const db = useDb();
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: sealFields(item, item),
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    );
    return true;
  } catch (error) {
    if (isAwsError(error, "ConditionalCheckFailedException")) return false;
    throw error;
  }
}

/**
 * An increment of counters on one item, created on first use. A transaction may not touch an item
 * twice, and one event often moves several records counted on the same item (a complaint and its
 * referral in the same desa and month), so `transact` adds up the increments of each item first.
 */
export function counter(spec: CounterSpec): Write {
  return {
    name: "counter",
    counter: spec,
    item: {
      Update: {
        TableName: useDb().table,
        Key: spec.key,
        ...updateExpression({ key: spec.key, set: spec.set, add: spec.add, upsert: true }),
      },
    },
  };
}

function mergeCounters(writes: Write[]): Write[] {
  const merged = new Map<string, CounterSpec>();
  for (const w of writes) {
    if (!w.counter) continue;
    const id = `${w.counter.key.pk}\n${w.counter.key.sk}`;
    const into = merged.get(id) ?? { key: w.counter.key, set: {}, add: {} };
    Object.assign(into.set, w.counter.set);
    for (const [name, n] of Object.entries(w.counter.add)) into.add[name] = (into.add[name] ?? 0) + n;
    merged.set(id, into);
  }
  const counters = [...merged.values()]
    .map((spec) => ({
      ...spec,
      add: Object.fromEntries(Object.entries(spec.add).filter(([, n]) => n !== 0)),
    }))
    .filter((spec) => Object.keys(spec.add).length)
    .map(counter);
  return [...writes.filter((w) => !w.counter), ...counters];
}

/** A Delete for a transaction (an index entry that no longer holds). */
export function remove(name: string, key: Record<string, string>): Write {
  return { name, item: { Delete: { TableName: useDb().table, Key: key } } };
}

/**
 * Deletes one item outside a transaction (a mark, a copy no longer needed); absent is fine. With
 * `expect`, only while each attribute has that value: answers false when one has not.
 */
export async function removeNow(
  key: Record<string, string>,
  expect: Record<string, string> = {},
): Promise<boolean> {
  const db = useDb();
  const names = Object.keys(expect);
  try {
    await db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: key,
        ...(names.length
          ? {
              ConditionExpression: names.map((_, i) => `#e${i} = :e${i}`).join(" AND "),
              ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#e${i}`, n])),
              ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:e${i}`, expect[n]])),
            }
          : {}),
      }),
    );
    return true;
  } catch (error) {
    if (isAwsError(error, "ConditionalCheckFailedException")) return false;
    throw error;
  }
}
