import { HttpApi, HttpMethod } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { Effect, Policy, PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";

export interface PuskesosApiProps {
  handler: IFunction;
  table: ITable;
  /** The secrets the function reads once at cold start (stack keys, CDN origin key). */
  secrets: ISecret[];
  /** Steady requests per second and burst for the whole API: a cost and abuse ceiling. */
  throttle: { rate: number; burst: number };
}

/**
 * The HTTP API in front of the one Lambda: every `/api/*` request goes to the Hono app. The function
 * may use its table and its secrets and nothing else: the data-plane actions on the table and its
 * indexes, DescribeTable for the health check, and reading its secrets' values (in one batch).
 */
export class PuskesosApi extends Construct {
  readonly httpApi: HttpApi;
  /** The one statement with a "*" resource (BatchGetSecretValue), on its own for cdk-nag. */
  readonly secretsBatch: Policy;

  constructor(scope: Construct, id: string, props: PuskesosApiProps) {
    super(scope, id);
    // Exactly what the app does: item reads and writes (transactions need no actions of their own),
    // Query on the indexes, DescribeTable for the health check. No Scan: no request path scans.
    props.handler.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: [
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DescribeTable",
        ],
        resources: [props.table.tableArn],
      }),
    );
    props.handler.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["dynamodb:Query"],
        resources: [`${props.table.tableArn}/index/*`],
      }),
    );
    props.handler.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ["secretsmanager:GetSecretValue"],
        resources: props.secrets.map((s) => s.secretArn),
      }),
    );
    // The cold start reads both secrets in one BatchGetSecretValue. That action names no resource
    // (IAM accepts only "*" for it); Secrets Manager still checks GetSecretValue on each secret asked
    // for, so the statement above remains what decides which secrets the function can read. A policy
    // of its own, so that cdk-nag's acceptance of that "*" (infra/nag.ts) covers this statement only.
    if (!props.handler.role) throw new Error("The API function needs its own role");
    this.secretsBatch = new Policy(this, "SecretsBatch", {
      roles: [props.handler.role],
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ["secretsmanager:BatchGetSecretValue"],
          resources: ["*"],
        }),
      ],
    });
    const integration = new HttpLambdaIntegration("App", props.handler);
    this.httpApi = new HttpApi(this, "Http", {
      description: "Puskesos SLRT API",
      createDefaultStage: false,
    });
    // Not "Default": CDK leaves that id out of logical ids, which would collide with the API itself.
    this.httpApi.addStage("Stage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rate, burstLimit: props.throttle.burst },
    });
    this.httpApi.addRoutes({ path: "/api/{proxy+}", methods: [HttpMethod.ANY], integration });
  }
}
