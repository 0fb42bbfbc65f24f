import { Function, use, type StackContext } from "sst/constructs";
import { lambdaNodejs } from "../infra/bundling.ts";
import { acceptRetentionFindings, acceptSstInternals } from "../infra/nag.ts";
import { RetentionSchedule } from "../infra/retention.ts";
import { dataKeyVersion, kabupatenOf } from "./stage.ts";
import { Storage } from "./Storage.ts";

/**
 * The daily retention job (issue #14): personal fields of records past the kabupaten's retention
 * periods are erased at 02:00 kabupaten time. Bundled like the API's function, by the local esbuild.
 */
export function Retention({ stack, app }: StackContext) {
  const { table, secret } = use(Storage);
  const kabupatenCode = kabupatenOf(app.stage);
  const handler = new Function(stack, "Job", {
    handler: "packages/functions/src/retention.handler",
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: "512 MB",
    // Lambda's longest: a backlog (a period shortened) is worked through in as few runs as possible.
    timeout: "15 minutes",
    logRetention: "one_month",
    tracing: "disabled",
    // One run at a time: a retried invocation never races the one still working.
    reservedConcurrentExecutions: 1,
    nodejs: lambdaNodejs(kabupatenCode),
    environment: {
      TABLE_NAME: table.tableName,
      // The secret's ARN, not its value: the function reads the value at cold start.
      SECRET_ARN: secret.secretArn,
      KABUPATEN_CODE: kabupatenCode,
      STAGE: app.stage,
      DATA_KEY_VERSION: dataKeyVersion(),
    },
  });
  const schedule = new RetentionSchedule(stack, "Schedule", {
    handler,
    table,
    secret,
    kabupatenCode,
    localHour: 2,
  });
  acceptSstInternals(stack);
  acceptRetentionFindings(stack, handler);
  return { handler, schedule };
}
