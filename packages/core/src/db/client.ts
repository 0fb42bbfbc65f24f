import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { awsJson, type AwsCall } from "../aws/index.ts";
import type { Command } from "./commands.ts";

export interface DbConfig {
  tableName: string;
  /** Set for DynamoDB Local; unset on AWS. */
  endpoint?: string;
  region?: string;
}

/**
 * Something that wraps every call (the benchmark's request-unit meter): it sees the operation and
 * the plain input before it is sent, and may change the input.
 */
export type DbHook = (
  call: { operation: string; input: Record<string, unknown> },
  next: () => Promise<Record<string, unknown>>,
) => Promise<Record<string, unknown>>;

/** Sends commands.ts's commands, converting a document command's values to DynamoDB's and back. */
export class DynamoClient {
  private readonly hooks: DbHook[] = [];
  constructor(private readonly call: AwsCall) {}

  async send<I extends object, O>(command: Command<I, O>): Promise<Command<I, O>["output"]> {
    const input = command.input as Record<string, unknown>;
    const { operation, document } = command;
    const run = (i: number): Promise<Record<string, unknown>> => {
      const hook = this.hooks[i];
      if (hook) return hook({ operation, input }, () => run(i + 1));
      return this.call(operation, document ? convert(input, toWire) : input).then((out) =>
        document ? convert(out, fromWire) : out,
      );
    };
    return (await run(0)) as Command<I, O>["output"];
  }

  use(hook: DbHook) {
    this.hooks.push(hook);
  }
}

export interface Db {
  doc: DynamoClient;
  table: string;
}

let current: Db | undefined;

export function createDb(config: DbConfig): Db {
  const call = awsJson({
    service: "dynamodb",
    target: "DynamoDB_20120810",
    version: "1.0",
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.region ? { region: config.region } : {}),
  });
  return { doc: new DynamoClient(call), table: config.tableName };
}

/** The process-wide connection, configured once at start-up (server, Lambda cold start, test). */
export function configureDb(config: DbConfig): Db {
  current = createDb(config);
  return current;
}

export function useDb(): Db {
  if (!current) throw new Error("Database not configured: call configureDb() at start-up");
  return current;
}

type Record_ = Record<string, unknown>;
const toWire = (value: Record_) => marshall(value, { removeUndefinedValues: true }) as Record_;
const fromWire = (value: Record_) => unmarshall(value as Parameters<typeof unmarshall>[0]);

/** Fields holding one item, key or map of values. */
const ONE = new Set([
  "Item",
  "Key",
  "ExclusiveStartKey",
  "LastEvaluatedKey",
  "Attributes",
  "ExpressionAttributeValues",
]);
/** Fields holding a list of them. */
const LIST = new Set(["Items", "Keys"]);
/** Maps of table name to a batch's part for that table. */
const TABLES = new Set(["RequestItems", "Responses", "UnprocessedKeys", "UnprocessedItems"]);
/** A transaction's or a batch write's parts, which hold items and keys. */
const PARTS = new Set([
  "TransactItems",
  "Put",
  "Update",
  "Delete",
  "ConditionCheck",
  "PutRequest",
  "DeleteRequest",
]);

/**
 * Converts the items, keys and values of a command's input or output at the places
 * @aws-sdk/lib-dynamodb converts them, and leaves everything else as it is. (A cancelled
 * transaction's CancellationReasons stay in DynamoDB's types: nothing here asks for their items.)
 */
function convert(value: Record_, each: (v: Record_) => Record_): Record_ {
  const part = (v: unknown): unknown =>
    Array.isArray(v) ? v.map((p: Record_) => convert(p, each)) : convert(v as Record_, each);
  const out: Record_ = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null || typeof field !== "object") out[key] = field;
    else if (ONE.has(key)) out[key] = each(field as Record_);
    else if (LIST.has(key)) out[key] = (field as Record_[]).map(each);
    else if (PARTS.has(key)) out[key] = part(field);
    else if (TABLES.has(key))
      out[key] = Object.fromEntries(
        Object.entries(field).map(([table, v]) => [
          table,
          // A BatchGet's Responses are the table's items themselves.
          key === "Responses" ? (v as Record_[]).map(each) : part(v),
        ]),
      );
    else out[key] = field;
  }
  return out;
}
