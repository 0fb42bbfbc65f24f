import { use, type StackContext } from "sst/constructs";
import { Monitoring as MonitoringConstruct } from "../infra/monitoring.ts";
import { acceptMonitoringFindings, acceptSstInternals } from "../infra/nag.ts";
import { Api } from "./Api.ts";
import { Retention } from "./Retention.ts";
import { Storage } from "./Storage.ts";

export function Monitoring({ stack }: StackContext) {
  const { table } = use(Storage);
  const { api, handler } = use(Api);
  const { handler: retentionJob } = use(Retention);
  const monitoring = new MonitoringConstruct(stack, "Monitoring", {
    api: api.httpApi,
    handler,
    retentionJob,
    table,
    alarmEmail: process.env.ALARM_EMAIL || undefined,
    monthlyBudgetUsd: Number(process.env.MONTHLY_BUDGET_USD ?? 25),
  });
  acceptSstInternals(stack);
  acceptMonitoringFindings(monitoring.topic);
  stack.addOutputs({ AlarmTopic: monitoring.topic.topicArn });
  return { monitoring };
}
