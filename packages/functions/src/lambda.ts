import { handle } from "hono/aws-lambda";
import { configureDb } from "@puskesos/core/db";
import { configure, fromEnv } from "@puskesos/core/config";
import { app } from "./app.ts";

// Cold start: configuration from the environment the stack sets (table name, kabupaten code).
configure(fromEnv());
configureDb({
  tableName: process.env.TABLE_NAME ?? "puskesos",
  // Only for running the handler against DynamoDB Local (tests); never set in a deployed stage.
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});

export const handler = handle(app);
