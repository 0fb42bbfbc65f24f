import type * as Raw from "@aws-sdk/client-dynamodb";
import type * as Doc from "@aws-sdk/lib-dynamodb";

/**
 * DynamoDB's operations as commands, named and typed as @aws-sdk/lib-dynamodb's (its types only:
 * nothing of the SDK is loaded), so code reads as it would with the SDK. A document command takes
 * and returns plain values (client.ts converts them); a raw one is sent as it is.
 */
export abstract class Command<Input extends object, Output> {
  /** The wire operation, e.g. "TransactWriteItems". */
  abstract readonly operation: string;
  /** Whether items and values are plain JavaScript (converted to and from DynamoDB's types). */
  abstract readonly document: boolean;
  declare readonly output: Omit<Output, "$metadata">;
  constructor(readonly input: Input) {}
}

/** A command class for one operation. */
function command<I extends object, O>(operation: string, document: boolean) {
  return class extends Command<I, O> {
    readonly operation = operation;
    readonly document = document;
  };
}

export const GetCommand = command<Doc.GetCommandInput, Doc.GetCommandOutput>("GetItem", true);
export const PutCommand = command<Doc.PutCommandInput, Doc.PutCommandOutput>("PutItem", true);
export const UpdateCommand = command<Doc.UpdateCommandInput, Doc.UpdateCommandOutput>("UpdateItem", true);
export const DeleteCommand = command<Doc.DeleteCommandInput, Doc.DeleteCommandOutput>("DeleteItem", true);
export const QueryCommand = command<Doc.QueryCommandInput, Doc.QueryCommandOutput>("Query", true);
/** For offline jobs and tests only: no Scan in a request path. */
export const ScanCommand = command<Doc.ScanCommandInput, Doc.ScanCommandOutput>("Scan", true);
export const BatchGetCommand = command<Doc.BatchGetCommandInput, Doc.BatchGetCommandOutput>(
  "BatchGetItem",
  true,
);
export const BatchWriteCommand = command<Doc.BatchWriteCommandInput, Doc.BatchWriteCommandOutput>(
  "BatchWriteItem",
  true,
);
export const TransactWriteCommand = command<Doc.TransactWriteCommandInput, Doc.TransactWriteCommandOutput>(
  "TransactWriteItems",
  true,
);

export const DescribeTableCommand = command<Raw.DescribeTableCommandInput, Raw.DescribeTableCommandOutput>(
  "DescribeTable",
  false,
);
export const CreateTableCommand = command<Raw.CreateTableCommandInput, Raw.CreateTableCommandOutput>(
  "CreateTable",
  false,
);
export const UpdateTimeToLiveCommand = command<
  Raw.UpdateTimeToLiveCommandInput,
  Raw.UpdateTimeToLiveCommandOutput
>("UpdateTimeToLive", false);
export const ListTablesCommand = command<Raw.ListTablesCommandInput, Raw.ListTablesCommandOutput>(
  "ListTables",
  false,
);

export type {
  QueryCommandInput,
  TransactWriteCommandInput,
  UpdateCommandInput,
  PutCommandInput,
  BatchWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
