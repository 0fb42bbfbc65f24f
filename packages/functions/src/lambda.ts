import { handle } from "hono/aws-lambda";
import { configureDb } from "@puskesos/core/db";
import { configure, fromEnv } from "@puskesos/core/config";
import { app } from "./app.ts";

// Cold start: configuration from the environment the stack sets (table name, kabupaten code).
configure(fromEnv());
configureDb({ tableName: process.env.TABLE_NAME ?? "puskesos" });

export const handler = handle(app);
