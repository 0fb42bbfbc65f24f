import { GetCommand, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { openFields } from "../seal/index.ts";
import { useDb } from "./client.ts";
import { decodeCursor, encodeCursor, queryIdentity, type Page } from "./paging.ts";

export type Query = Omit<QueryCommandInput, "TableName" | "ExclusiveStartKey" | "Limit">;

/** One item by key, read strongly (the state a decision is checked against). */
export async function getItem<T>(key: Record<string, string>): Promise<T | undefined> {
  const db = useDb();
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true }));
  return openFields(out.Item) as T | undefined;
}

/** Every item a query matches, reading page after page: for partitions known to stay small. */
export async function queryAll<T>(query: Query): Promise<T[]> {
  const db = useDb();
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({ TableName: db.table, ...query, ExclusiveStartKey: start }),
    );
    items.push(...((out.Items ?? []).map(openFields) as T[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

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
  return { items: (out.Items ?? []).map(openFields) as T[], ...(cursor ? { cursor } : {}) };
}
