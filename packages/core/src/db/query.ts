import { GetCommand, QueryCommand, type QueryCommandInput } from "./commands.ts";
import { openFields } from "../seal/index.ts";
import { getMany } from "./batch.ts";
import { useDb } from "./client.ts";
import { decodeCursor, encodeCursor, queryIdentity, type Page } from "./paging.ts";
import { TABLE_DEFINITION } from "./schema.ts";

export type Query = Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey" | "Limit">;

/** DynamoDB's longest sort key, in bytes (a partition key may hold 2,048). */
const LONGEST_KEY = 1024;

/**
 * One item by key, read strongly (the state a decision is checked against). A key longer than any
 * DynamoDB holds (a mangled address) finds nothing, as it would be refused rather than looked up.
 */
export async function getItem<T>(key: Record<string, string>): Promise<T | undefined> {
  if (Object.values(key).some((part) => Buffer.byteLength(part) > LONGEST_KEY)) return undefined;
  const db = useDb();
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true }));
  return openFields(out.Item) as T | undefined;
}

/** Every item a query matches, reading page after page: for partitions known to stay small. */
export async function queryAll<T>(query: Query): Promise<T[]> {
  return found<T>(query.IndexName, await queryEntries(query));
}

/** Every key (index entry) or item a query matches as DynamoDB returns it, page after page. */
async function queryEntries(query: Query): Promise<Record<string, unknown>[]> {
  const db = useDb();
  const entries: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({ TableName: db.table, ...query, ExclusiveStartKey: start }),
    );
    entries.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return entries;
}

/**
 * Every entry of an index query as the index holds it (keys only), without reading the items: for a
 * list whose index keys carry all it shows.
 */
export const queryKeys = async (query: Query & { IndexName: string }) =>
  (await queryEntries(query)) as Record<string, string>[];

/**
 * One page of a query, resumed from an opaque cursor that only this query accepts (paging.ts): a
 * cursor from another list, filter or hand is a 422 on `cursor`.
 */
export async function queryPage<T>(
  query: Query,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<T>> {
  const db = useDb();
  const identity = queryIdentity(db.table, query);
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      ...query,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, identity),
    }),
  );
  const cursor = encodeCursor(out.LastEvaluatedKey, identity);
  return { items: await found<T>(query.IndexName, out.Items ?? []), ...(cursor ? { cursor } : {}) };
}

/** What a query returned: the items of the table, or of an index the items its entries name. */
const found = <T>(index: string | undefined, items: Record<string, unknown>[]): Promise<T[]> =>
  index ? hydrate<T>(index, items) : Promise.resolve(items.map(openFields) as T[]);

function indexNamed(name: string) {
  const definition = TABLE_DEFINITION.globalIndexes.find((i) => i.indexName === name);
  if (!definition) throw new Error(`Unknown index ${name}`);
  return definition;
}

/**
 * The items an index query's entries name (the indexes keep keys only), read from the table in the
 * order found, 100 at a time. Index entries trail their items by a moment on AWS: an entry whose item
 * has meanwhile left that index key (a complaint moved to another state) or is gone is left out.
 */
export async function hydrate<T>(index: string, entries: Record<string, unknown>[]): Promise<T[]> {
  const definition = indexNamed(index);
  const keys = entries.map((e) => ({ pk: String(e.pk), sk: String(e.sk) }));
  const items = await getMany<Record<string, unknown>>(keys);
  const byKey = new Map(items.map((item) => [`${String(item.pk)}\n${String(item.sk)}`, item]));
  return entries.flatMap((entry) => {
    const item = byKey.get(`${String(entry.pk)}\n${String(entry.sk)}`);
    const same =
      item &&
      item[definition.partitionKey] === entry[definition.partitionKey] &&
      item[definition.sortKey] === entry[definition.sortKey];
    return same ? [item as T] : [];
  });
}

/** Entries read per round, and rounds per page, when a list checks what its key does not pick. */
const ROUND = 50;
const ROUNDS = 4;

/**
 * A page of the items of an index query that pass `wanted` (what the key cannot pick: the indexes keep
 * keys only, so DynamoDB cannot filter on anything else). Reads round after round until the page is
 * full; after a few rounds it answers with what it found and a cursor, so a rare match costs several
 * short pages rather than one long request. The cursor resumes right after the last item shown.
 */
export async function queryFiltered<T extends object>(
  query: Query & { IndexName: string },
  wanted: (item: T) => boolean,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<T>> {
  const db = useDb();
  const definition = indexNamed(query.IndexName);
  const identity = queryIdentity(db.table, { ...query, filtered: true });
  let start = decodeCursor(page.cursor, identity);
  const items: T[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const out = await db.doc.send(
      new QueryCommand({ TableName: db.table, ...query, Limit: ROUND, ExclusiveStartKey: start }),
    );
    for (const item of await hydrate<T>(query.IndexName, out.Items ?? [])) {
      if (!wanted(item)) continue;
      items.push(item);
      if (items.length === page.limit) {
        const key = [
          TABLE_DEFINITION.partitionKey,
          TABLE_DEFINITION.sortKey,
          definition.partitionKey,
          definition.sortKey,
        ];
        const cursor = encodeCursor(
          Object.fromEntries(key.map((k) => [k, (item as Record<string, unknown>)[k]])),
          identity,
        );
        return { items, ...(cursor ? { cursor } : {}) };
      }
    }
    start = out.LastEvaluatedKey;
    if (!start) return { items };
  }
  const cursor = encodeCursor(start, identity);
  return { items, ...(cursor ? { cursor } : {}) };
}
