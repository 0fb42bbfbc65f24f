import * as v from "valibot";

/**
 * The single definition of the table's keys and indexes. Both the CDK table (infra/table.ts) and the
 * local bootstrap (db/bootstrap.ts) are built from this object, so the two cannot drift.
 * Every key is a string; see docs/data-model.md for what each entity puts in them.
 */
export const TABLE_DEFINITION = {
  partitionKey: "pk",
  sortKey: "sk",
  /** Items with this attribute (epoch seconds) are deleted by DynamoDB TTL: sessions, throttles. */
  timeToLiveAttribute: "expiresAt",
  /**
   * Sparse indexes holding keys only: an entry is written when an item gets or changes its index key,
   * not on every change of the item, and stores about 250 bytes, not a copy of the item. A query on
   * one reads the keys, then the items themselves (db/query.ts).
   */
  globalIndexes: [
    { indexName: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk", projection: "KEYS_ONLY" },
    { indexName: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk", projection: "KEYS_ONLY" },
    { indexName: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk", projection: "KEYS_ONLY" },
  ],
} as const;

export type IndexName = (typeof TABLE_DEFINITION.globalIndexes)[number]["indexName"];

/** Every attribute used in a key, each of type string. */
export function keyAttributes(): string[] {
  return [
    TABLE_DEFINITION.partitionKey,
    TABLE_DEFINITION.sortKey,
    ...TABLE_DEFINITION.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
}

/** Whether the table answers; `status` is DynamoDB's table status, or UNREACHABLE. */
export const StorageStatusSchema = v.object({
  ok: v.boolean(),
  table: v.string(),
  status: v.string(),
  latencyMs: v.number(),
});
export type StorageStatus = v.InferOutput<typeof StorageStatusSchema>;

/** The health answer, sent with 200 when storage is ready and 503 when not. */
export const HealthSchema = v.object({ ok: v.boolean(), storage: StorageStatusSchema });
export type Health = v.InferOutput<typeof HealthSchema>;
