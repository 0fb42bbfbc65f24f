import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { synthesize } from "../support/synth.ts";
import { Api } from "../../stacks/Api.ts";
import { Monitoring } from "../../stacks/Monitoring.ts";
import { Retention } from "../../stacks/Retention.ts";
import { Storage } from "../../stacks/Storage.ts";

describe("Monitoring stack", () => {
  it("emails alarms for API 5xx, Lambda errors and throttles, DynamoDB errors and throttles, a failed retention run, and a budget forecast", async () => {
    process.env.ALARM_EMAIL = "tik@tegalkab.go.id";
    const { template, nagErrors } = await synthesize(
      "kab-3328",
      [Storage, Api, Retention, Monitoring],
      Monitoring,
    );
    delete process.env.ALARM_EMAIL;

    template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).map((a) => a.Properties);
    expect(alarms.every((a) => a.AlarmActions?.length === 1)).toBe(true);
    expect(alarms.map((a) => a.AlarmDescription)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("5xx"),
        expect.stringContaining("throttled"),
        expect.stringContaining("retention job failed"),
      ]),
    );
    // CloudWatch and Budgets must be able to publish: no AWS-managed KMS key on the topic.
    const topic = Object.values(template.findResources("AWS::SNS::Topic"))[0]!.Properties;
    expect(topic.KmsMasterKeyId).toBeUndefined();
    template.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "tik@tegalkab.go.id",
    });
    template.hasResourceProperties("AWS::Budgets::Budget", {
      Budget: { BudgetLimit: { Amount: 25, Unit: "USD" }, TimeUnit: "MONTHLY", BudgetType: "COST" },
      NotificationsWithSubscribers: [
        Match.objectLike({
          Notification: Match.objectLike({ NotificationType: "FORECASTED", Threshold: 100 }),
        }),
      ],
    });
    expect(nagErrors).toEqual([]);
  });
});
