import { PutCommand, ScanCommand } from "../db/commands.ts";
import { useDb } from "../db/client.ts";
import { currentVersion, openFields, sealedValues, sealFields, versionOf } from "./index.ts";

/**
 * Re-seals every personal field not sealed with the current data key (an older key, or a value stored
 * in clear before sealing began). A full Scan: maintenance only, run off-hours (`npm run
 * rotate-data-key`). Each item is written back only if it has not changed since it was read (its
 * version, where it has one), so a concurrent edit is never lost: run the command again for those.
 */
export async function rotate(): Promise<{ scanned: number; resealed: number; skipped: number }> {
  const db = useDb();
  const target = currentVersion();
  let start: Record<string, unknown> | undefined;
  const totals = { scanned: 0, resealed: 0, skipped: 0 };
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: db.table, ExclusiveStartKey: start }));
    for (const raw of page.Items ?? []) {
      totals.scanned += 1;
      const values = sealedValues(raw);
      if (!values.length || values.every((v) => v === undefined || versionOf(v) === target)) continue;
      const version = raw.version;
      const item = sealFields(raw, openFields(structuredClone(raw)));
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: item,
            ...(typeof version === "number"
              ? { ConditionExpression: "version = :v", ExpressionAttributeValues: { ":v": version } }
              : { ConditionExpression: "attribute_exists(pk)" }),
          }),
        );
        totals.resealed += 1;
      } catch (error) {
        if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
        totals.skipped += 1;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return totals;
}
