import { handle } from "hono/aws-lambda";
import { Hono } from "hono";
import { readSecret } from "@puskesos/core/config/secrets";
import { configureDb, GetCommand, useDb } from "@puskesos/core/db";

/**
 * The least a cold start of this design can cost: the same adapter, web framework and AWS client as
 * the API Lambda, the same secret read, and one route answering from one GetItem, without the app.
 * cold-start.ts measures it beside the real bundle, so the bench shows how much of a cold start is
 * the app's own and how much is the platform's.
 */
await readSecret(process.env.SECRET_ARN!, { endpoint: process.env.SECRETS_ENDPOINT! });
configureDb({ tableName: process.env.TABLE_NAME!, endpoint: process.env.DYNAMODB_ENDPOINT! });

export const handler = handle(
  new Hono().get("/api/regions/:code", async (c) => {
    const db = useDb();
    const key = { pk: `REGION#${c.req.param("code")}`, sk: "REGION" };
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key }));
    return c.json({ code: c.req.param("code"), found: Boolean(out.Item) });
  }),
);
