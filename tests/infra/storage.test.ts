import { describe, expect, it } from "vitest";
import { TABLE_DEFINITION } from "@puskesos/core/db/schema";
import { Storage } from "../../stacks/Storage.ts";
import { synthesize } from "../support/synth.ts";

const synth = (stage: string) => synthesize(stage, [Storage], Storage);

describe.each([
  { stage: "kab-3328", production: true },
  { stage: "dev-3328", production: false },
])("Storage stack, stage $stage", ({ stage, production }) => {
  it("defines the table from the shared definition", async () => {
    const { template, nagErrors } = await synth(stage);
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    const table = Object.values(template.findResources("AWS::DynamoDB::Table"))[0]!;
    const props = table.Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: "HASH" },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: "RANGE" },
    ]);
    expect(props.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName)).toEqual(
      TABLE_DEFINITION.globalIndexes.map((i) => i.indexName),
    );
    for (const index of TABLE_DEFINITION.globalIndexes) {
      const gsi = props.GlobalSecondaryIndexes.find(
        (i: { IndexName: string }) => i.IndexName === index.indexName,
      );
      expect(gsi.KeySchema).toEqual([
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ]);
      expect(gsi.Projection).toEqual({ ProjectionType: "KEYS_ONLY" });
    }
    expect(props.BillingMode).toBe("PAY_PER_REQUEST");
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.SSESpecification).toEqual({ SSEEnabled: true });
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: "expiresAt", Enabled: true });
    expect(props.DeletionProtectionEnabled).toBe(production);
    expect(table.DeletionPolicy).toBe(production ? "Retain" : "Delete");
    expect(table.UpdateReplacePolicy).toBe(production ? "Retain" : "Delete");
    expect(nagErrors).toEqual([]);
  });
});

describe("Storage stack, table class", () => {
  it("keeps the Standard class unless TABLE_CLASS=ia, and refuses anything else", async () => {
    const standard = (await synth("test-3328")).template;
    standard.hasResourceProperties("AWS::DynamoDB::Table", { TableClass: "STANDARD" });
    process.env.TABLE_CLASS = "ia";
    try {
      const ia = (await synth("test-3328")).template;
      ia.hasResourceProperties("AWS::DynamoDB::Table", { TableClass: "STANDARD_INFREQUENT_ACCESS" });
      process.env.TABLE_CLASS = "cold";
      await expect(synth("test-3328")).rejects.toThrow(/TABLE_CLASS harus/);
    } finally {
      delete process.env.TABLE_CLASS;
    }
  });
});
