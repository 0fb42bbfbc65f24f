import { BatchGetCommand } from "./commands.ts";
import { openFields } from "../seal/index.ts";
import { useDb } from "./client.ts";

// Also read by db/query.ts: every index query reads its items in batches (the indexes keep keys only).

/**
 * Items by key, in the order asked, eventually consistent unless `consistent` (a list's page is not a
 * decision; a session check is); missing keys are left out. At most 100 keys, DynamoDB's limit;
 * unprocessed keys are asked again.
 */
export async function getItems<T>(keys: Record<string, string>[], consistent = false): Promise<T[]> {
  if (!keys.length) return [];
  if (keys.length > 100) throw new Error("getItems: at most 100 keys");
  const db = useDb();
  const found = new Map<string, T>();
  let pending: Record<string, unknown>[] = keys;
  for (let attempt = 0; pending.length; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 25 * 2 ** Math.min(attempt, 6)));
    const out = await db.doc.send(
      new BatchGetCommand({
        RequestItems: { [db.table]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}) } },
      }),
    );
    for (const item of out.Responses?.[db.table] ?? [])
      found.set(`${item.pk}\n${item.sk}`, openFields(item) as T);
    pending = out.UnprocessedKeys?.[db.table]?.Keys ?? [];
  }
  return keys.flatMap((k) => {
    const item = found.get(`${k.pk}\n${k.sk}`);
    return item ? [item] : [];
  });
}

/** Items by key for any number of keys: `getItems` 100 at a time, side by side, in the order asked. */
export async function getMany<T>(keys: Record<string, string>[], consistent = false): Promise<T[]> {
  const chunks = Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) =>
    keys.slice(i * 100, i * 100 + 100),
  );
  return (await Promise.all(chunks.map((chunk) => getItems<T>(chunk, consistent)))).flat();
}
