import { BatchWriteCommand, GetCommand, QueryCommand, type BatchWriteCommandInput } from "../db/commands.ts";
import { useDb } from "../db/index.ts";
import { AppError } from "../error/index.ts";
import type { DpmPointer } from "./schema.ts";

/**
 * Where a desa's DPM lives: each import fills its own partition, and one pointer item names the
 * current one, so a lookup sees the old list or the new one, never half of either.
 */
export const pointerKey = (desa: string) => ({ pk: `DPM#${desa}`, sk: "CURRENT" });
export const partition = (desa: string, importId: string) => `DPM#${desa}#${importId}`;

export async function pointer(desa: string): Promise<DpmPointer | undefined> {
  const db = useDb();
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: pointerKey(desa), ConsistentRead: true }),
  );
  return out.Item as DpmPointer | undefined;
}

/** Writes items 25 at a time, several batches in flight, retrying what DynamoDB hands back. */
type WriteRequest = NonNullable<BatchWriteCommandInput["RequestItems"]>[string][number];

export async function batchWrite(requests: WriteRequest[], parallel = 8): Promise<void> {
  const db = useDb();
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++]!;
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 8)
          throw new AppError("unavailable", "Penyimpanan sedang sibuk. Coba impor lagi sebentar lagi.");
        if (attempt) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: pending } }));
        pending = out.UnprocessedItems?.[db.table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Deletes a replaced import; nothing reads it any more, so a failure here only leaves dead items. */
export async function dropPartition(desa: string, importId: string): Promise<void> {
  const db = useDb();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": partition(desa, importId) },
        ProjectionExpression: "pk, sk",
        ExclusiveStartKey: start,
      }),
    );
    await batchWrite((out.Items ?? []).map((key) => ({ DeleteRequest: { Key: key } })));
    start = out.LastEvaluatedKey;
  } while (start);
}
