import { configureDb } from "@puskesos/core/db";

/**
 * The table a maintenance command works on: TABLE_NAME (the stack's TableName output, or `puskesos`
 * locally), on AWS with AWS_REGION and credentials, or on a local DynamoDB at DYNAMODB_ENDPOINT. Stops
 * with a message when TABLE_NAME is missing.
 */
export function tableFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const table = env.TABLE_NAME;
  if (!table) {
    console.error(
      "TABLE_NAME belum diisi: nama tabel dari keluaran stack (TableName), atau puskesos untuk lokal.",
    );
    process.exit(1);
  }
  return configureDb({
    tableName: table,
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT, region: "local" } : {}),
  });
}
