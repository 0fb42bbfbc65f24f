import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LambdaContext, LambdaEvent } from "hono/aws-lambda";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useDb } from "@puskesos/core/db";
import { bundleLambda } from "../../scripts/bench/lambda-bundle.ts";
import { freshTable } from "../support/api.ts";
import {
  lambdaTestEnv,
  lambdaTestSecrets,
  LAMBDA_TEST_EDGE_KEY,
  LAMBDA_TEST_SECRET_ARN,
  startSecretsEndpoint,
} from "../support/secrets-endpoint.ts";

/**
 * The shipped bundle (minified, credential chain replaced, region CSVs beside it) must still serve
 * requests: built here, imported like Lambda imports it, called against DynamoDB Local.
 */
type Result = { statusCode: number; body: string; cookies?: string[] };
type Handler = (event: LambdaEvent, context: LambdaContext) => Promise<Result>;
let handler: Handler;
let bundleUrl: string;
let secrets: Awaited<ReturnType<typeof startSecretsEndpoint>>;

/** Imports the bundle as a new cold start (a fresh module instance per `start`). */
const coldStart = async (start: string): Promise<Handler> =>
  (await import(`${bundleUrl}?start=${start}`)).handler;

beforeAll(async () => {
  await freshTable();
  const out = resolve(import.meta.dirname, "../../.bench/lambda-test");
  const bundle = await bundleLambda(resolve(import.meta.dirname, "../.."), out);
  bundleUrl = pathToFileURL(bundle.outfile).href;
  secrets = await startSecretsEndpoint(lambdaTestSecrets("b".repeat(64)));
  Object.assign(process.env, lambdaTestEnv(secrets.endpoint));
  process.env.TABLE_NAME = useDb().table;
  process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
  handler = await coldStart("ok");
}, 60_000);
afterAll(() => secrets.close());

const event = (
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
  headers: Record<string, string> = {},
) =>
  ({
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    cookies: cookie ? [cookie] : undefined,
    headers: { host: "api.example", ...(body ? { "content-type": "application/json" } : {}), ...headers },
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

  it("validates with the Indonesian 422 and serves the OpenAPI document made at build time", async () => {
    const bad = await handler(event("POST", "/api/auth/login", { username: "admin" }), context);
    expect(bad.statusCode).toBe(422);
    expect(JSON.parse(bad.body).error.fields).toEqual([
      { field: "password", message: "Kata sandi wajib diisi." },
    ]);
    const doc = await handler(event("GET", "/api/openapi.json"), context);
    expect(doc.statusCode).toBe(200);
    const spec = JSON.parse(doc.body);
    expect(spec.openapi).toBe("3.1.0");
    // The request schemas are in the document although the bundle has no schema converter.
    expect(spec.paths["/auth/login"].post.requestBody.content["application/json"].schema.required).toContain(
      "password",
    );
  });

  it("refuses to start without its secret, or when the secret cannot be read", async () => {
    const arn = process.env.SECRET_ARN;
    try {
      delete process.env.SECRET_ARN;
      await expect(coldStart("no-arn")).rejects.toThrow(/SECRET_ARN/);
      process.env.SECRET_ARN = `${LAMBDA_TEST_SECRET_ARN}-other`;
      await expect(coldStart("unknown")).rejects.toThrow(/can't find the specified secret/);
    } finally {
      process.env.SECRET_ARN = arn;
    }
  });

  it("believes the viewer address CloudFront forwards only with the edge key", async () => {
    process.env.TRUSTED_IP_HEADER = "x-viewer-address";
    try {
      const login = (headers: Record<string, string>) =>
        handler(
          event(
            "POST",
            "/api/auth/login",
            { username: "admin", password: "puskesos-demo" },
            undefined,
            headers,
          ),
          context,
        );
      // Straight to the API's own address, claiming to be someone else: the connection's address counts.
      const direct = await login({ "x-viewer-address": "203.0.113.50:1234" });
      expect(direct.statusCode).toBe(200);
      const viaEdge = await login({
        "x-viewer-address": "203.0.113.51:1234",
        "x-origin-verify": LAMBDA_TEST_EDGE_KEY,
      });
      const cookie = viaEdge.cookies![0]!.split(";")[0]!;
      const audit = await handler(
        { ...event("GET", "/api/audit", undefined, cookie), rawQueryString: "by=admin" },
        context,
      );
      const ips = (JSON.parse(audit.body).items as { action: string; ip: string }[])
        .filter((e) => e.action === "auth.login")
        .map((e) => e.ip);
      expect(ips).toContain("203.0.113.51");
      expect(ips).toContain("10.60.0.1");
      expect(ips).not.toContain("203.0.113.50");
    } finally {
      delete process.env.TRUSTED_IP_HEADER;
    }
  });
});
