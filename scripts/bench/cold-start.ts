import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import * as Actor from "@puskesos/core/actor";
import { configure, deriveKeys } from "@puskesos/core/config";
import { configureDb, ensureTable } from "@puskesos/core/db";
import * as Demo from "@puskesos/core/demo";
import { startDynamoLocal } from "../../packages/functions/src/local/dynamo.ts";
import {
  lambdaTestEnv,
  lambdaTestSecrets,
  startSecretsEndpoint,
} from "../../tests/support/secrets-endpoint.ts";
import { bundleLambda } from "./lambda-bundle.ts";

const KABUPATEN = "33.28";
const TABLE = "bench-cold";

/** An API Gateway v2 event as Lambda hands it to the handler. */
const event = (method: string, path: string, body?: unknown, cookie?: string) => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: path,
  rawQueryString: "",
  cookies: cookie ? [cookie] : undefined,
  headers: { host: "api.example", ...(body ? { "content-type": "application/json" } : {}) },
  requestContext: {
    http: { method, path, protocol: "HTTP/1.1", sourceIp: "10.80.0.1", userAgent: "bench" },
    stage: "$default",
  },
  body: body ? JSON.stringify(body) : null,
  isBase64Encoded: false,
});

interface Figures {
  importMs: number;
  firstRequestMs: number;
  /** Cold start to a first answer of the desa's complaint search (what loads later is paid here). */
  firstSearchMs: number;
  /** What a cold start loads (the entry chunk and its static imports). */
  bytes: number;
  outfile: string;
}

export interface ColdStart {
  /** The bundle as it ships: the kabupaten's regions built in. */
  built: Figures;
  /** The design before it: all of Indonesia's regions parsed from idn-area-data's CSVs at run time. */
  national: Figures;
  /** The floor: framework, AWS client, secret read and one GetItem, without the app (lambda-floor.ts). */
  floor: Figures;
}

/**
 * What a cold Lambda pays before its first answer, in a fresh Node process per run: importing the
 * handler (with its secret read), then the first request that needs a region (an officer opening a
 * desa: session read from DynamoDB Local, then the region), for the shipped bundle, the old design
 * and the floor side by side, runs interleaved so all meet the same machine load.
 */
export async function measureColdStart(root: string, runs: number): Promise<ColdStart> {
  const bundles = {
    built: await bundleLambda(root, resolve(root, ".bench/lambda"), { kabupatenCode: KABUPATEN }),
    national: await bundleLambda(root, resolve(root, ".bench/lambda-national"), { regions: "national" }),
    floor: await bundleLambda(root, resolve(root, ".bench/lambda-floor"), {
      entry: resolve(root, "scripts/bench/lambda-floor.ts"),
    }),
  };
  const dynamo = await startDynamoLocal();
  const secrets = await startSecretsEndpoint(lambdaTestSecrets("b".repeat(64)));
  try {
    configure({ secureCookies: false, ...deriveKeys(randomUUID()) });
    const db = configureDb({ tableName: TABLE, endpoint: dynamo.endpoint, region: "local" });
    await ensureTable(db);
    await Actor.provide({ type: "system", name: "bench" }, () => Demo.seed());
    const env = {
      ...process.env,
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      KABUPATEN_CODE: KABUPATEN,
      LOG_LEVEL: "silent",
      ...lambdaTestEnv(secrets.endpoint),
    };
    const run = async (script: string) => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--input-type=module", "--no-warnings", "-e", script],
        { env, encoding: "utf8" },
      );
      return stdout.trim().split("\n").pop()!;
    };
    const url = (design: keyof typeof bundles) => JSON.stringify(pathToFileURL(bundles[design].outfile).href);
    // One session for every run: signing in is not part of a cold start.
    const cookie = await run(
      `const{handler}=await import(${url("built")});const r=await handler(${JSON.stringify(event("POST", "/api/auth/login", { username: "fo.kalisapu", password: "puskesos-demo" }))},{});console.log(r.cookies[0].split(";")[0])`,
    );
    const open = JSON.stringify(event("GET", "/api/regions/33.28.10.2001", undefined, cookie));
    const search = JSON.stringify(event("POST", "/api/complaints/search", {}, cookie));
    const times = { built: [] as number[][], national: [] as number[][], floor: [] as number[][] };
    const cold = (design: keyof typeof bundles, request: string) =>
      run(
        `const t=performance.now();const{handler}=await import(${url(design)});const i=performance.now()-t;const r=await handler(${request},{});if(r.statusCode!==200)throw new Error("HTTP "+r.statusCode+" "+r.body);console.log(JSON.stringify([i,performance.now()-t]))`,
      ).then((out) => JSON.parse(out) as number[]);
    for (let i = 0; i < runs; i++)
      for (const design of ["built", "national", "floor"] as const) {
        const [importMs, regionMs] = await cold(design, open);
        // The floor answers regions only.
        const searchMs = design === "floor" ? NaN : (await cold(design, search))[1]!;
        times[design].push([importMs!, regionMs!, searchMs]);
      }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const summary = (design: keyof typeof bundles) => ({
      importMs: median(times[design].map((t) => t[0]!)),
      firstRequestMs: median(times[design].map((t) => t[1]!)),
      firstSearchMs: median(times[design].map((t) => t[2]!)),
      bytes: bundles[design].bytes,
      outfile: bundles[design].outfile,
    });
    return { built: summary("built"), national: summary("national"), floor: summary("floor") };
  } finally {
    await secrets.close();
    await dynamo.stop();
  }
}
