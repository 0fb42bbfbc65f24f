import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LambdaContext, LambdaEvent } from "hono/aws-lambda";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { useDb } from "@puskesos/core/db";
import { bundleLambda } from "../../scripts/bench/lambda-bundle.ts";
import { freshTable } from "../support/api.ts";

/**
 * The shipped bundle (minified, credential chain replaced, region CSVs beside it) must still serve
 * requests: built here, imported like Lambda imports it, called against DynamoDB Local.
 */
type Result = { statusCode: number; body: string; cookies?: string[] };
let handler: (event: LambdaEvent, context: LambdaContext) => Promise<Result>;

beforeAll(async () => {
  await freshTable();
  const out = resolve(import.meta.dirname, "../../.bench/lambda-test");
  const bundle = await bundleLambda(resolve(import.meta.dirname, "../.."), out);
  process.env.TABLE_NAME = useDb().table;
  process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
  handler = (await import(pathToFileURL(bundle.outfile).href)).handler;
}, 60_000);

const event = (method: string, path: string, body?: unknown, cookie?: string) =>
  ({
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    cookies: cookie ? [cookie] : undefined,
    headers: { host: "api.example", ...(body ? { "content-type": "application/json" } : {}) },
    requestContext: {
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "10.60.0.1", userAgent: "t" },
      stage: "$default",
    },
    body: body ? JSON.stringify(body) : null,
    isBase64Encoded: false,
  }) as unknown as LambdaEvent;

const context = {} as LambdaContext;

describe("the bundled Lambda handler", () => {
  it("answers health, sign-in and a region read that loads the bundled CSVs", async () => {
    const health = await handler(event("GET", "/api/health"), context);
    expect(health.statusCode).toBe(200);
    const login = await handler(
      event("POST", "/api/auth/login", { username: "spv.slawi", password: "puskesos-demo" }),
      context,
    );
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies![0]!.split(";")[0]!;
    const desa = await handler(event("GET", "/api/regions/33.28.10.2001", undefined, cookie), context);
    expect(desa.statusCode).toBe(200);
    expect(JSON.parse(desa.body)).toMatchObject({ name: "Kalisapu", kecamatanName: "Slawi" });
  });
});
