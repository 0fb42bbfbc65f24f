import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { Match } from "aws-cdk-lib/assertions";
import { Api } from "../../stacks/Api.ts";
import { Storage } from "../../stacks/Storage.ts";
import { synthesize } from "../support/synth.ts";

async function synth(stage: string) {
  const { template, nagErrors } = await synthesize(stage, [Storage, Api], Api);
  return { template, nagErrors, artifacts: join(process.cwd(), ".sst/artifacts") };
}

describe("Api stack", () => {
  it("runs the app in one arm64 Node 22 Lambda behind a throttled HTTP API, least privilege, capped", async () => {
    const { template, nagErrors, artifacts } = await synth("test-api");
    const fns = template.findResources("AWS::Lambda::Function", {
      Properties: { Handler: Match.stringLikeRegexp("lambda") },
    });
    const fn = Object.values(fns)[0]!.Properties;
    expect(fn.Runtime).toBe("nodejs22.x");
    expect(fn.Architectures).toEqual(["arm64"]);
    expect(fn.ReservedConcurrentExecutions).toBe(20);
    expect(fn.Environment.Variables).toMatchObject({
      KABUPATEN_CODE: "33.28",
      TRUSTED_IP_HEADER: "x-viewer-address",
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
    // Bundled by the local esbuild (no Docker), with the region CSVs where idn-area-data looks for them.
    const built = readdirSync(artifacts).map((d) => join(artifacts, d));
    const bundle = built.find((d) => existsSync(join(d, "packages/functions/src/lambda.mjs")));
    expect(bundle).toBeDefined();
    expect(existsSync(join(bundle!, "packages/functions/data/villages.csv"))).toBe(true);
    // The bundle SST built loads as Lambda would load it.
    process.env.TABLE_NAME = "synth-check";
    const loaded = await import(pathToFileURL(join(bundle!, "packages/functions/src/lambda.mjs")).href);
    expect(typeof loaded.handler).toBe("function");
    expect(nagErrors).toEqual([]);
  });
});
