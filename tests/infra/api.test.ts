import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { Match } from "aws-cdk-lib/assertions";
import { Api } from "../../stacks/Api.ts";
import { Storage } from "../../stacks/Storage.ts";
import { lambdaTestEnv, lambdaTestSecrets, startSecretsEndpoint } from "../support/secrets-endpoint.ts";
import { synthesize } from "../support/synth.ts";

/**
 * Bytes a cold start loads from a split ESM bundle: the entry, what the entry itself imports
 * dynamically (lambda.ts awaits the app and the regions at start), and the chunks those import
 * statically; not what lies behind a dynamic `import()` further in (a resource's routes, an XLSX writer).
 */
function loadedAtStart(entry: string, seen = new Set<string>(), top = true): number {
  if (seen.has(entry)) return 0;
  seen.add(entry);
  const code = readFileSync(entry, "utf8");
  const statics = [
    ...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.mjs)["']/g),
    ...(top ? code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.mjs)["']\s*\)/g) : []),
  ];
  return (
    statSync(entry).size +
    statics.reduce((n, m) => n + loadedAtStart(join(dirname(entry), m[1]!), seen, false), 0)
  );
}

async function synth(stage: string) {
  const { template, nagErrors } = await synthesize(stage, [Storage, Api], Api);
  return { template, nagErrors, artifacts: join(process.cwd(), ".sst/artifacts") };
}

describe("Api stack", () => {
  it("runs the app in one arm64 Node 22 Lambda behind a throttled HTTP API, least privilege, capped", async () => {
    const { template, nagErrors, artifacts } = await synth("test-3328");
    const fns = template.findResources("AWS::Lambda::Function", {
      Properties: { Handler: Match.stringLikeRegexp("lambda") },
    });
    const fn = Object.values(fns)[0]!.Properties;
    expect(fn.Runtime).toBe("nodejs22.x");
    expect(fn.Architectures).toEqual(["arm64"]);
    expect(fn.ReservedConcurrentExecutions).toBe(20);
    expect(fn.Environment.Variables).toMatchObject({
      KABUPATEN_CODE: "33.28",
      STAGE: "test-3328",
      TRUSTED_IP_HEADER: "x-viewer-address",
      DATA_KEY_VERSION: "1",
    });
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    template.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "ANY /api/{proxy+}" });
    expect(fn.TracingConfig).toBeUndefined();
    template.hasResourceProperties("Custom::LogRetention", { RetentionInDays: 30 });
    const actions = Object.values(template.findResources("AWS::IAM::Policy")).flatMap((p) =>
      p.Properties.PolicyDocument.Statement.flatMap((st: { Action: string | string[] }) =>
        [st.Action].flat(),
      ),
    );
    expect(actions).not.toContain("dynamodb:Scan");
    expect(actions).toContain("dynamodb:Query");
    // No wildcard actions; resources only the table and its indexes.
    for (const policy of Object.values(template.findResources("AWS::IAM::Policy"))) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        for (const action of [statement.Action].flat()) expect(action).not.toMatch(/^\*$|:\*$/);
      }
    }
    // Bundled by the local esbuild (no Docker), carrying Kabupaten Tegal's desa and no national CSV.
    // The newest build: earlier runs on this machine leave theirs in the same folder.
    const bundle = readdirSync(artifacts)
      .map((d) => join(artifacts, d))
      .filter((d) => existsSync(join(d, "packages/functions/src/lambda.mjs")))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    expect(bundle).toBeDefined();
    expect(existsSync(join(bundle!, "packages/functions/data/villages.csv"))).toBe(false);
    const chunks = readdirSync(join(bundle!, "packages/functions/src"))
      .filter((f) => f.endsWith(".mjs"))
      .map((f) => readFileSync(join(bundle!, "packages/functions/src", f), "utf8"))
      .join("\n");
    // Kalisapu is a desa of Slawi (33.28); Mariso a kecamatan of Kota Makassar, whose desa stay out.
    expect(chunks).toContain("Kalisapu");
    expect(chunks).not.toContain("Mariso");
    // The bundle SST built (esbuild 0.18, not the benchmark's) stays within the 400 KB budget,
    // ships the OpenAPI document, and starts and answers as Lambda would run it.
    const lambdaFile = join(bundle!, "packages/functions/src/lambda.mjs");
    const startBytes = loadedAtStart(lambdaFile);
    expect(startBytes).toBeGreaterThan(statSync(lambdaFile).size);
    expect(startBytes).toBeLessThanOrEqual(400 * 1024);
    expect(existsSync(join(bundle!, "packages/functions/openapi.json"))).toBe(true);
    const secrets = await startSecretsEndpoint(lambdaTestSecrets("c".repeat(64)));
    try {
      Object.assign(process.env, lambdaTestEnv(secrets.endpoint), { TABLE_NAME: "synth-check" });
      const { handler } = await import(pathToFileURL(lambdaFile).href);
      const call = (method: string, path: string, body?: unknown) =>
        handler(
          {
            version: "2.0",
            rawPath: path,
            rawQueryString: "",
            headers: { host: "api.example", ...(body ? { "content-type": "application/json" } : {}) },
            requestContext: { http: { method, path, sourceIp: "10.70.0.1" }, stage: "$default" },
            body: body ? JSON.stringify(body) : null,
            isBase64Encoded: false,
          },
          {},
        );
      const doc = await call("GET", "/api/openapi.json");
      expect(doc.statusCode).toBe(200);
      expect(JSON.parse(doc.body).paths["/auth/login"]).toBeDefined();
      const bad = await call("POST", "/api/auth/login", { username: "admin" });
      expect(bad.statusCode).toBe(422);
      expect(JSON.parse(bad.body).error.fields[0].field).toBe("password");
    } finally {
      await secrets.close();
    }
    expect(nagErrors).toEqual([]);
  });
});
