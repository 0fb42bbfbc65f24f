import { ScanCommand } from "@puskesos/core/db";
import { TABLE_DEFINITION, type Db } from "@puskesos/core/db";

/** Billable bytes of the table's lasting items: in the table itself, and the copies in its indexes. */
export interface TableBytes {
  table: number;
  indexes: number;
}

/** DynamoDB adds 100 bytes to every item and every index entry. */
const OVERHEAD = 100;
type Index = (typeof TABLE_DEFINITION.globalIndexes)[number];

/** What an index entry holds: the table's keys and the index's, and every attribute if it projects all. */
export function projected(item: Record<string, unknown>, index: Index): Record<string, unknown> {
  if ((index.projection as string) === "ALL") return item;
  const names = [TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey, index.partitionKey, index.sortKey];
  return Object.fromEntries(names.filter((n) => item[n] !== undefined).map((n) => [n, item[n]]));
}

export const indexEntrySize = (item: Record<string, unknown>, index: Index) =>
  itemSize(projected(item, index)) + OVERHEAD;

/**
 * Bytes as DynamoDB counts storage: each item's attribute names and values plus 100 bytes of
 * overhead, and for each index the item appears in, what that index projects plus 100 bytes. Items
 * with a TTL (sessions, throttling windows) expire and are left out. Scans: for the benchmark only,
 * never a request path.
 */
export async function tableBytes(db: Db): Promise<TableBytes> {
  const bytes: TableBytes = { table: 0, indexes: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: db.table, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      if (item[TABLE_DEFINITION.timeToLiveAttribute] !== undefined) continue;
      bytes.table += itemSize(item) + OVERHEAD;
      for (const index of TABLE_DEFINITION.globalIndexes)
        if (item[index.partitionKey] !== undefined && item[index.sortKey] !== undefined)
          bytes.indexes += indexEntrySize(item, index);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return bytes;
}

export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((n, [name, value]) => n + Buffer.byteLength(name) + valueSize(value), 0);
}

function valueSize(value: unknown): number {
  if (typeof value === "string") return Buffer.byteLength(value);
  if (typeof value === "number")
    return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, "").length / 2) + 1;
  if (typeof value === "boolean" || value === null || value === undefined) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return 3 + [...value].reduce((n: number, v) => n + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + valueSize(v), 0);
  if (typeof value === "object")
    return 3 + Object.entries(value).reduce((n, [k, v]) => n + 1 + Buffer.byteLength(k) + valueSize(v), 0);
  return 0;
}
