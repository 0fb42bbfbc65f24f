import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { utcHourOf } from "../../infra/retention.ts";
import { Retention } from "../../stacks/Retention.ts";
import { Storage } from "../../stacks/Storage.ts";
import {
  LAMBDA_TEST_SECRET_ARN,
  lambdaTestEnv,
  lambdaTestSecrets,
  startSecretsEndpoint,
} from "../support/secrets-endpoint.ts";
import { synthesize } from "../support/synth.ts";

/** The Storage stack's table and secret, as the Retention stack imports them. */
const imported = (fragment: string) => ({ "Fn::ImportValue": expect.stringMatching(fragment) });

describe("Retention stack", () => {
  it("runs the job every day at 02:00 kabupaten time, on the table and its secret only, cdk-nag clean", async () => {
    const { template, nagErrors } = await synthesize("test-3328", [Storage, Retention], Retention);

    const fns = template.findResources("AWS::Lambda::Function", {
      Properties: { Handler: "packages/functions/src/retention.handler" },
    });
    expect(Object.keys(fns)).toHaveLength(1);
    const [fnId, fn] = Object.entries(fns)[0]!;
    expect(fn.Properties).toMatchObject({
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      Timeout: 900,
      ReservedConcurrentExecutions: 1,
    });
    expect(fn.Properties.TracingConfig).toBeUndefined();
    expect(fn.Properties.Environment.Variables).toMatchObject({
      KABUPATEN_CODE: "33.28",
      STAGE: "test-3328",
      DATA_KEY_VERSION: "1",
      TABLE_NAME: imported("DataTable"),
      // The secret's ARN, never a value.
      SECRET_ARN: imported("KeysSecret"),
    });

    // 02:00 WIB (Tegal) is 19:00 UTC the day before.
    template.resourceCountIs("AWS::Events::Rule", 1);
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "cron(0 19 * * ? *)",
      State: "ENABLED",
      Targets: [
        Match.objectLike({
          Arn: { "Fn::GetAtt": [fnId, "Arn"] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600 },
        }),
      ],
    });
    const [ruleId] = Object.keys(template.findResources("AWS::Events::Rule"));
    template.hasResourceProperties("AWS::Lambda::Permission", {
      Action: "lambda:InvokeFunction",
      Principal: "events.amazonaws.com",
      FunctionName: { "Fn::GetAtt": [fnId, "Arn"] },
      SourceArn: { "Fn::GetAtt": [ruleId, "Arn"] },
    });

    // Least privilege: item reads and writes on the table, Query on the audit log's day index, the
    // stack's secret; no Scan, no wildcard action or index, nothing else.
    const role = fn.Properties.Role["Fn::GetAtt"][0];
    const policies = Object.values(template.findResources("AWS::IAM::Policy")).filter((p) =>
      p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toEqual([
      {
        Effect: "Allow",
        Action: [
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
        ],
        Resource: imported("DataTable.*Arn"),
      },
      {
        Effect: "Allow",
        Action: "dynamodb:Query",
        Resource: { "Fn::Join": ["", [imported("DataTable.*Arn"), "/index/gsi1"]] },
      },
      { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: imported("KeysSecret") },
    ]);
    expect(nagErrors).toEqual([]);
  });

  it("is bundled by the local esbuild and starts as Lambda runs it, reading the stack's secret", async () => {
    const artifacts = join(process.cwd(), ".sst/artifacts");
    const bundle = readdirSync(artifacts)
      .map((d) => join(artifacts, d, "packages/functions/src/retention.mjs"))
      .filter(existsSync)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    expect(bundle).toBeDefined();
    const secrets = await startSecretsEndpoint(lambdaTestSecrets("d".repeat(64)));
    try {
      // No DynamoDB answers here: the run must get as far as asking it, and fail loudly.
      Object.assign(process.env, lambdaTestEnv(secrets.endpoint), {
        TABLE_NAME: "synth-check",
        DYNAMODB_ENDPOINT: "http://127.0.0.1:9",
      });
      const { handler } = await import(pathToFileURL(bundle!).href);
      expect(secrets.requests).toEqual([
        { target: "secretsmanager.GetSecretValue", secretId: LAMBDA_TEST_SECRET_ARN },
      ]);
      await expect(handler({}, { getRemainingTimeInMillis: () => 900_000 })).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      delete process.env.DYNAMODB_ENDPOINT;
      await secrets.close();
    }
  });

  it("finds the UTC hour of 02:00 in each of Indonesia's zones", () => {
    expect(utcHourOf("33.28", 2)).toBe(19); // WIB
    expect(utcHourOf("73.71", 2)).toBe(18); // WITA (Makassar)
    expect(utcHourOf("91.71", 2)).toBe(17); // WIT (Jayapura)
    expect(utcHourOf("73.71", 10)).toBe(2);
  });
});
