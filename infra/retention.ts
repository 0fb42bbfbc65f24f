import { Duration } from "aws-cdk-lib";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { LambdaFunction } from "aws-cdk-lib/aws-events-targets";
import { Effect, PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { offsetMinutes, timeZoneOf } from "@puskesos/core/time/calendar";

export interface RetentionScheduleProps {
  /** The job's function (packages/functions/src/retention.ts). */
  handler: IFunction;
  table: ITable;
  /** The stack's secret: the job opens sealed fields and seals case entries again. */
  secret: ISecret;
  kabupatenCode: string;
  /** The hour of the kabupaten's own day the job runs at (quiet hours: no office is open). */
  localHour: number;
}

/**
 * The UTC hour at which it is `localHour` in the kabupaten. EventBridge rules run on UTC; Indonesia's
 * zones (WIB, WITA, WIT) keep one offset all year, so the hour found now holds every day.
 */
export function utcHourOf(kabupatenCode: string, localHour: number, at = new Date()): number {
  const offset = offsetMinutes(timeZoneOf(kabupatenCode), at) / 60;
  return (((localHour - offset) % 24) + 24) % 24;
}

/**
 * The daily retention job: an EventBridge rule invoking its function once a day. The function may use
 * the table's items and the audit log's day index, read the stack's secret, and nothing else: no
 * Scan (the job reads marks and days, never the whole table), no other index, no other secret.
 */
export class RetentionSchedule extends Construct {
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: RetentionScheduleProps) {
    super(scope, id);
    props.handler.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [
          "dynamodb:GetItem",
          // The audit sweep reads each day's entries back from the table by the keys its index holds.
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
        ],
        resources: [props.table.tableArn],
      }),
    );
    props.handler.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["dynamodb:Query"],
        // The audit log by day (AUDITDAY#<day>), which the job walks for entries past their period.
        resources: [`${props.table.tableArn}/index/gsi1`],
      }),
    );
    props.handler.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["secretsmanager:GetSecretValue"],
        resources: [props.secret.secretArn],
      }),
    );
    const hour = utcHourOf(props.kabupatenCode, props.localHour);
    this.rule = new Rule(this, "Daily", {
      description: `Puskesos retention: daily at ${props.localHour}:00 kabupaten time (${hour}:00 UTC)`,
      schedule: Schedule.cron({ minute: "0", hour: String(hour) }),
    });
    // A failed run is retried twice within the morning; what it leaves, the next day's run takes up.
    this.rule.addTarget(
      new LambdaFunction(props.handler, { retryAttempts: 2, maxEventAge: Duration.hours(6) }),
    );
  }
}
