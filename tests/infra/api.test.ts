import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Match, Template } from "aws-cdk-lib/assertions";
import { Aspects } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import { describe, expect, it } from "vitest";
import { Api } from "../../stacks/Api.ts";
import { Storage } from "../../stacks/Storage.ts";

async function synth(stage: string) {
  await initProject({ stage });
  const app = new App({
    mode: "deploy",
    stage,
    name: "puskesos",
    region: "ap-southeast-3",
    account: "123456789012",
  });
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  app.stack(Storage).stack(Api);
  await app.finish();
  // One synthesis for both the template and cdk-nag's findings (a second one fails on duplicate ids).
  const artifact = app.synth().getStackArtifact(getStack(Api).artifactId);
  const errors = artifact.messages
    .filter((m) => m.level === "error" && String(m.entry.data).startsWith("AwsSolutions-"))
    .map((m) => ({ id: m.id, entry: m.entry }));
  const template = Template.fromJSON(artifact.template);
  return { template, errors, artifacts: join(process.cwd(), ".sst/artifacts") };
}

describe("Api stack", () => {
  it("runs the app in one arm64 Node 22 Lambda behind a throttled HTTP API, least privilege, capped", async () => {
    const { template, errors, artifacts } = await synth("test-api");
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
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).slice(0, 60)}`)).toEqual([]);
  });
});
