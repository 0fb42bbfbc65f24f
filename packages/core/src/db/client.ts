import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DbConfig {
  tableName: string;
  /** Set for DynamoDB Local; unset on AWS. */
  endpoint?: string;
  region?: string;
}

export interface Db {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  table: string;
}

let current: Db | undefined;

export function createDb(config: DbConfig): Db {
  const raw = new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? "ap-southeast-3",
    ...(config.endpoint
      ? {
          endpoint: config.endpoint,
          // DynamoDB Local accepts any key; these never leave the machine.
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
        }
      : {}),
  });
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { doc, raw, table: config.tableName };
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
