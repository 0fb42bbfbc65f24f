import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import type { LambdaContext, LambdaEvent } from "hono/aws-lambda";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { configure, deriveKeys, useConfig } from "@puskesos/core/config";
import { putNew, transact, useDb } from "@puskesos/core/db";
import {
  key as exportKey,
  listIndex,
  type ExportRecord,
} from "../../packages/core/src/proposal-export/create.ts";
import { key as proposalKey, type ProposalRecord } from "../../packages/core/src/proposal/record.ts";
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
 * The shipped bundle (minified, credential chain replaced, its kabupaten's regions built in) must still serve
 * requests: built here, imported like Lambda imports it, called against DynamoDB Local.
 */
type Result = {
  statusCode: number;
  body: string;
  cookies?: string[];
  headers?: Record<string, string>;
  isBase64Encoded?: boolean;
};
type Handler = (event: LambdaEvent, context: LambdaContext) => Promise<Result>;
let handler: Handler;
let bundleUrl: string;
let bundleDir: string;
const LAMBDA_SECRET = "b".repeat(64);
let secrets: Awaited<ReturnType<typeof startSecretsEndpoint>>;

/** Imports the bundle as a new cold start (a fresh module instance per `start`). */
const coldStart = async (start: string): Promise<Handler> =>
  (await import(`${bundleUrl}?start=${start}`)).handler;

beforeAll(async () => {
  await freshTable();
  const out = resolve(import.meta.dirname, "../../.bench/lambda-test");
  const bundle = await bundleLambda(resolve(import.meta.dirname, "../.."), out);
  bundleUrl = pathToFileURL(bundle.outfile).href;
  bundleDir = dirname(bundle.outfile);
  secrets = await startSecretsEndpoint(lambdaTestSecrets(LAMBDA_SECRET));
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
  it("answers health, sign-in and a region read from the regions built into the bundle", async () => {
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
    // Every kabupaten and kota of Indonesia, for naming a handover's other side, from the built module.
    const all = await handler(event("GET", "/api/regions/kabupaten", undefined, cookie), context);
    expect(all.statusCode).toBe(200);
    const list = JSON.parse(all.body) as { code: string; name: string }[];
    expect(list.length).toBeGreaterThan(500);
    expect(list).toContainEqual({ code: "33.29", name: "Kabupaten Brebes" });
    expect(list).toContainEqual({ code: "91.71", name: "Kota Jayapura" });
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

  it("serves an export batch as XLSX (exceljs from its own chunk, loaded on demand) and as CSV", async () => {
    // exceljs is split out of the entry chunk that every cold start loads.
    expect(readdirSync(bundleDir).filter((f) => /^excel-.*\.mjs$/.test(f))).toHaveLength(1);
    // A batch and its exported household written as the export leaves them (the flow itself is in
    // proposal-exports.test.ts); the bundled handler rebuilds the file from them.
    const batchId = randomUUID();
    const proposalId = randomUUID();
    const at = new Date().toISOString();
    const number = "0001/USULAN-33.28/2026";
    const proposal: ProposalRecord = {
      id: proposalId,
      complaintId: randomUUID(),
      desaCode: "33.28.10.2001",
      kecamatanCode: "33.28.10",
      state: "diekspor",
      version: 5,
      address: { rt: "001", rw: "002" },
      members: [
        {
          nik: "3328105806920003",
          nikh: "h",
          nikMasked: "3328********0003",
          name: "Wati Lestari",
          relationship: "kepala-keluarga",
        },
      ],
      houseCondition: "tidak-layak",
      incomeSource: "buruh-harian",
      assets: ["ternak"],
      export: { batchId, number, at, by: "manajer" },
      createdAt: at,
      createdBy: "fo.kalisapu",
      updatedAt: at,
      updatedBy: "manajer",
    };
    const batch: ExportRecord = {
      id: batchId,
      number,
      year: 2026,
      sequence: 1,
      area: "Kabupaten Tegal",
      at,
      by: "manajer",
      byName: "Dra. Sri Wahyuni",
      households: 1,
      members: 1,
      skipped: 0,
      remaining: 0,
      complete: true,
      proposalIds: [proposalId],
    };
    // Written as the Lambda's stack would: NIKs sealed with the data key of its secret.
    configure({ ...useConfig(), ...deriveKeys(LAMBDA_SECRET) });
    await transact([
      putNew("proposal", { ...proposalKey(proposalId), type: "proposal", ...proposal }),
      putNew("proposal-export", { ...exportKey(batchId), gsi1pk: listIndex(), gsi1sk: at, ...batch }),
    ]);
    const login = await handler(
      event("POST", "/api/auth/login", { username: "manajer", password: "puskesos-demo" }),
      context,
    );
    const cookie = login.cookies![0]!.split(";")[0]!;
    const file = (format: string) =>
      handler(
        {
          ...event("GET", `/api/proposal-exports/${batchId}/file`, undefined, cookie),
          rawQueryString: `format=${format}`,
        },
        context,
      );
    const xlsx = await file("xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.isBase64Encoded).toBe(true);
    expect(xlsx.headers?.["content-disposition"]).toBe(
      'attachment; filename="usulan-0001-USULAN-33.28-2026.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body, "base64") as unknown as ArrayBuffer);
    const row = workbook.getWorksheet("Usulan")!.getRow(2);
    expect([1, 3, 4, 9, 11, 12, 14].map((i) => row.getCell(i).value)).toEqual([
      "3328105806920003",
      "Wati Lestari",
      "Kepala keluarga",
      "Kalisapu",
      "Slawi",
      "Tidak layak huni",
      "Ternak (sapi, kerbau, kambing)",
    ]);
    const csv = await file("csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split("\r\n")[1]).toMatch(/^3328105806920003;;Wati Lestari;Kepala keluarga;001;002;/);
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
