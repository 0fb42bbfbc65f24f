import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { ConflictError, type AppError } from "../error/index.ts";
import { useDb } from "./client.ts";

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
}

const RACE = "Data sedang diubah oleh orang lain. Muat ulang lalu coba lagi.";

/**
 * Writes items together (a state change, its timeline and audit entries, any counters). When a
 * condition fails, that write's message becomes a 409 that also names the write (`failedWrite`).
 */
export async function transact(writes: Write[]): Promise<void> {
  const db = useDb();
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.item) }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const index = error.CancellationReasons?.findIndex((r) => r.Code === "ConditionalCheckFailed") ?? -1;
      const failed = writes[index];
      if (failed)
        throw Object.assign(ConflictError(failed.conflict ?? RACE), {
          failedWrite: failed.name,
          cause: error,
        });
      if (error.CancellationReasons?.some((r) => r.Code === "TransactionConflict")) throw ConflictError(RACE);
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
    item: { Put: { TableName: useDb().table, Item: item, ConditionExpression: "attribute_not_exists(pk)" } },
    ...(conflict ? { conflict } : {}),
  };
}

/** A Put for a transaction that creates or replaces `item`. */
export function put(name: string, item: Record<string, unknown>): Write {
  return { name, item: { Put: { TableName: useDb().table, Item: item } } };
}

/**
 * Writes `item` unless its key is taken, outside a transaction; answers whether it was written
 * (false: an item with that key was already there, and is left as it was).
 */
export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  const db = useDb();
  try {
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: item, ConditionExpression: "attribute_not_exists(pk)" }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === "ConditionalCheckFailedException") return false;
    throw error;
  }
}
