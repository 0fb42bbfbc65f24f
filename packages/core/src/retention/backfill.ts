import { ScanCommand } from "../db/commands.ts";
import { putIfAbsent, useDb } from "../db/index.ts";
import { local } from "../time/index.ts";
import { isFinal, markItem } from "./mark.ts";
import { RECORD_KINDS, type RecordKind } from "./schema.ts";

const KIND_OF: Record<string, RecordKind> = {
  COMPLAINT: "complaint",
  REFERRAL: "referral",
  PROPOSAL: "proposal",
  CASE: "case",
  REQUEST: "request",
};

/**
 * Marks the records that were finished before closing moves wrote marks (a stack older than the
 * retention job), each on the day it last changed. A Scan of the whole table reading only keys, state
 * and dates, never personal fields: maintenance, run once off-hours (`npm run retention -- --backfill`).
 * Running it again marks nothing twice.
 */
export async function backfill(): Promise<Record<RecordKind, number>> {
  const db = useDb();
  const marked = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({
        TableName: db.table,
        ExclusiveStartKey: start,
        FilterExpression: "sk IN (:c, :r, :p, :k, :q) AND attribute_not_exists(anonymizedAt)",
        ProjectionExpression: "sk, id, #state, updatedAt, createdAt",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":c": "COMPLAINT",
          ":r": "REFERRAL",
          ":p": "PROPOSAL",
          ":k": "CASE",
          ":q": "REQUEST",
        },
      }),
    );
    for (const item of page.Items ?? []) {
      const kind = KIND_OF[String(item.sk)];
      if (!kind || !isFinal(kind, String(item.state))) continue;
      const day = local(String(item.updatedAt ?? item.createdAt)).day;
      if (await putIfAbsent(markItem(kind, String(item.id), day))) marked[kind] += 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return marked;
}
