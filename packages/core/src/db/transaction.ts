import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { ConflictError } from "../error/index.ts";
import { useDb } from "./client.ts";

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * Writes items together (a state change, its audit entry, any counters). When a condition fails,
 * the caller's message for that item becomes a 409, so the loser of a race is told what happened.
 */
export async function transact(
  items: TransactItem[],
  onConditionFailed: (index: number) => string,
): Promise<void> {
  const db = useDb();
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const index = error.CancellationReasons?.findIndex((r) => r.Code === "ConditionalCheckFailed") ?? -1;
      if (index >= 0) throw Object.assign(ConflictError(onConditionFailed(index)), { conditionIndex: index });
      if (error.CancellationReasons?.some((r) => r.Code === "TransactionConflict"))
        throw ConflictError("Data sedang diubah oleh orang lain. Muat ulang lalu coba lagi.");
    }
    throw error;
  }
}

/** A Put for a transaction that creates `item` and fails (409) if its key is already taken. */
export function putNew(item: Record<string, unknown>): TransactItem {
  return { Put: { TableName: useDb().table, Item: item, ConditionExpression: "attribute_not_exists(pk)" } };
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

/** Which item's condition failed, when `error` is the 409 `transact` threw for it. */
export function failedCondition(error: unknown): number | undefined {
  return (error as { conditionIndex?: number } | undefined)?.conditionIndex;
}
