import { PutCommand, UpdateCommand } from "@puskesos/core/db";
import { beforeAll, describe, expect, it } from "vitest";
import { hydrate, queryAll, type Db } from "@puskesos/core/db";
import { freshTable } from "../support/api.ts";

/**
 * The indexes keep keys only: a query reads the entries, then the items. On AWS an entry trails its
 * item by a moment, so the items read are checked against the entries that named them.
 */
let db: Db;
const item = { pk: "THING#1", sk: "THING", gsi2pk: "THINGS#open", gsi2sk: "2026-12-03", note: "x" };

beforeAll(async () => {
  db = await freshTable();
  await db.doc.send(new PutCommand({ TableName: db.table, Item: item }));
});

describe("a query on a keys-only index", () => {
  it("gives whole items, not the keys the index holds", async () => {
    const found = await queryAll<typeof item>({
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :pk",
      ExpressionAttributeValues: { ":pk": "THINGS#open" },
    });
    expect(found).toEqual([item]);
  });

  it("leaves out an entry whose item has since moved to another key, or is gone", async () => {
    const entry = { pk: item.pk, sk: item.sk, gsi2pk: item.gsi2pk, gsi2sk: item.gsi2sk };
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: "SET gsi2pk = :closed",
        ExpressionAttributeValues: { ":closed": "THINGS#closed" },
      }),
    );
    expect(await hydrate("gsi2", [entry])).toEqual([]);
    expect(await hydrate("gsi2", [{ ...entry, gsi2pk: "THINGS#closed" }])).toHaveLength(1);
    expect(await hydrate("gsi2", [{ ...entry, pk: "THING#gone" }])).toEqual([]);
  });
});
