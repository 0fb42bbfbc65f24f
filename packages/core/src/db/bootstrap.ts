import { isAwsError } from "../aws/index.ts";
import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand } from "./commands.ts";
import type { Db } from "./client.ts";
import { TABLE_DEFINITION, keyAttributes } from "./schema.ts";

/** Creates the table from TABLE_DEFINITION if it does not exist yet (local and tests only). */
export async function ensureTable(db: Db): Promise<"created" | "existing"> {
  try {
    await db.doc.send(new DescribeTableCommand({ TableName: db.table }));
    return "existing";
  } catch (error) {
    if (!isAwsError(error, "ResourceNotFoundException")) throw error;
  }
  await db.doc.send(
    new CreateTableCommand({
      TableName: db.table,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: keyAttributes().map((name) => ({
        AttributeName: name,
        AttributeType: "S",
      })),
      KeySchema: [
        { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: "HASH" },
        { AttributeName: TABLE_DEFINITION.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: TABLE_DEFINITION.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: "HASH" },
          { AttributeName: index.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: index.projection },
      })),
    }),
  );
  await untilActive(db);
  await db.doc.send(
    new UpdateTimeToLiveCommand({
      TableName: db.table,
      TimeToLiveSpecification: {
        AttributeName: TABLE_DEFINITION.timeToLiveAttribute,
        Enabled: true,
      },
    }),
  );
  return "created";
}

/** Waits for a new table to become ACTIVE (DynamoDB Local: at once; AWS: seconds). */
async function untilActive(db: Db) {
  for (const started = Date.now(); Date.now() - started < 30_000;) {
    const out = await db.doc.send(new DescribeTableCommand({ TableName: db.table }));
    if (out.Table?.TableStatus === "ACTIVE") return;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`Table ${db.table} did not become ACTIVE in 30 s`);
}
