import { Duration } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { CfnBudget } from "aws-cdk-lib/aws-budgets";
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  TreatMissingData,
  type IMetric,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Operation, type ITable } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";

/** The operations the app uses (an alarm's expression may hold at most 10 metrics). */
const OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

export interface MonitoringProps {
  api: HttpApi;
  handler: IFunction;
  /** The daily retention job: a failed run means residents' data past its period stays. */
  retentionJob?: IFunction | undefined;
  table: ITable;
  /** Who receives alarm and budget emails; none set means the topic exists without subscribers. */
  alarmEmail: string | undefined;
  /** The month's forecast cost (US$) above which the budget alert goes out. */
  monthlyBudgetUsd: number;
}

/**
 * Alarm emails for what breaks a kabupaten's service (API 5xx rate, Lambda errors and throttles,
 * DynamoDB system errors and throttles) and an AWS Budgets alert on the month's forecast.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // Not encrypted with KMS: CloudWatch and Budgets cannot publish to a topic under the AWS-managed
    // key (its policy cannot grant them), so alarms would never arrive; a key of our own costs
    // US$1 a month to protect messages that carry no personal data (alarm names and numbers).
    this.topic = new Topic(this, "Alarms", {
      displayName: "Puskesos SLRT alarms",
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const period = Duration.minutes(5);
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const created = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(created);
    };
    alarm(
      "Api5xxRate",
      new MathExpression({
        expression: "IF(requests > 0, 100 * errors / requests, 0)",
        usingMetrics: {
          errors: props.api.metricServerError({ period, statistic: "Sum" }),
          requests: props.api.metricCount({ period, statistic: "Sum" }),
        },
        period,
        label: "API 5xx %",
      }),
      5,
      "More than 5% of API requests answered 5xx in 5 minutes.",
    );
    alarm(
      "LambdaErrors",
      props.handler.metricErrors({ period, statistic: "Sum" }),
      5,
      "The API function failed 5 or more times in 5 minutes.",
    );
    alarm(
      "LambdaThrottles",
      props.handler.metricThrottles({ period, statistic: "Sum" }),
      1,
      "The API function was throttled (reserved concurrency reached).",
    );
    alarm(
      "DynamoSystemErrors",
      props.table.metricSystemErrorsForOperations({ period, statistic: "Sum", operations: OPERATIONS }),
      1,
      "DynamoDB answered with system errors.",
    );
    // Table-level throttle events: two metrics instead of one per operation (each alarm metric is billed).
    alarm(
      "DynamoThrottles",
      new MathExpression({
        expression: "reads + writes",
        usingMetrics: {
          reads: props.table.metric("ReadThrottleEvents", { period, statistic: "Sum" }),
          writes: props.table.metric("WriteThrottleEvents", { period, statistic: "Sum" }),
        },
        period,
        label: "DynamoDB throttle events",
      }),
      1,
      "DynamoDB throttled requests.",
    );

    if (props.retentionJob)
      alarm(
        "RetentionJobErrors",
        props.retentionJob.metricErrors({ period: Duration.days(1), statistic: "Sum" }),
        1,
        "The daily retention job failed: personal data past its retention period is not being erased (UU PDP).",
      );

    // AWS Budgets publishes to the topic; it needs leave to.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        actions: ["sns:Publish"],
        principals: [new ServicePrincipal("budgets.amazonaws.com")],
        resources: [this.topic.topicArn],
      }),
    );
    new CfnBudget(this, "Budget", {
      budget: {
        budgetType: "COST",
        timeUnit: "MONTHLY",
        budgetLimit: { amount: props.monthlyBudgetUsd, unit: "USD" },
      },
      notificationsWithSubscribers: [
        {
          notification: {
            notificationType: "FORECASTED",
            comparisonOperator: "GREATER_THAN",
            threshold: 100,
            thresholdType: "PERCENTAGE",
          },
          subscribers: [
            { subscriptionType: "SNS", address: this.topic.topicArn },
            ...(props.alarmEmail ? [{ subscriptionType: "EMAIL", address: props.alarmEmail }] : []),
          ],
        },
      ],
    });
  }
}
