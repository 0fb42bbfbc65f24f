import { Aspects } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import { describe, expect, it } from "vitest";
import { Api } from "../../stacks/Api.ts";
import { Monitoring } from "../../stacks/Monitoring.ts";
import { Storage } from "../../stacks/Storage.ts";

describe("Monitoring stack", () => {
  it("emails alarms for API 5xx, Lambda errors and throttles, DynamoDB errors and throttles, and a budget forecast", async () => {
    process.env.ALARM_EMAIL = "tik@tegalkab.go.id";
    await initProject({ stage: "kab-3328" });
    const app = new App({
      mode: "deploy",
      stage: "kab-3328",
      name: "puskesos",
      region: "ap-southeast-3",
      account: "123456789012",
    });
    Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
    app.stack(Storage).stack(Api).stack(Monitoring);
    await app.finish();
    const artifact = app.synth().getStackArtifact(getStack(Monitoring).artifactId);
    const template = Template.fromJSON(artifact.template);
    delete process.env.ALARM_EMAIL;

    template.resourceCountIs("AWS::CloudWatch::Alarm", 5);
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).map((a) => a.Properties);
    expect(alarms.every((a) => a.AlarmActions?.length === 1)).toBe(true);
    expect(alarms.map((a) => a.AlarmDescription)).toEqual(
      expect.arrayContaining([expect.stringContaining("5xx"), expect.stringContaining("throttled")]),
    );
    template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "tik@tegalkab.go.id",
    });
    template.hasResourceProperties("AWS::Budgets::Budget", {
      Budget: { BudgetLimit: { Amount: 20, Unit: "USD" }, TimeUnit: "MONTHLY", BudgetType: "COST" },
      NotificationsWithSubscribers: [
        Match.objectLike({
          Notification: Match.objectLike({ NotificationType: "FORECASTED", Threshold: 100 }),
        }),
      ],
    });
    const errors = artifact.messages
      .filter((m) => m.level === "error" && String(m.entry.data).startsWith("AwsSolutions-"))
      .map((m) => `${m.id}: ${String(m.entry.data).slice(0, 60)}`);
    expect(errors).toEqual([]);
  });
});
