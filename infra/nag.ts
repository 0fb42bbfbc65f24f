import type { Stack } from "aws-cdk-lib";
import type { Construct } from "constructs";
import type { Function as LambdaFunction } from "aws-cdk-lib/aws-lambda";
import type { PuskesosApi } from "./api.ts";
import { NagSuppressions } from "cdk-nag";

/**
 * cdk-nag findings on what SST itself puts in every stack, each with the reason it is accepted.
 * Our own resources get no blanket suppressions.
 */
export function acceptSstInternals(stack: Stack): void {
  const handler = stack.node.tryFindChild("CustomResourceHandler");
  if (!handler) return;
  NagSuppressions.addResourceSuppressions(
    handler,
    [
      {
        id: "AwsSolutions-IAM4",
        reason:
          "SST's deploy-time custom resource (stack metadata) uses AWSLambdaBasicExecutionRole, which grants only CloudWatch Logs writes; it is SST's construct, not ours to reshape.",
        appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      },
      {
        id: "AwsSolutions-L1",
        reason:
          "SST pins its custom resource to nodejs22.x; it runs only during deployments and serves no requests. Our API function sets its runtime itself.",
      },
    ],
    true,
  );
}

const NO_ROTATION = {
  stack:
    "The NIK hash key derives from this secret; rotating it would orphan every stored NIK hash (DPM lookups, records). Its value never leaves Secrets Manager and the Lambda's memory.",
  edge: "CloudFront reads this key only at deploy (dynamic reference); a rotation without a redeploy would make the API ignore the viewer addresses CloudFront forwards (sign-in throttling per address would then lump viewers together). Replace it by redeploying.",
};

/** Our secrets are not rotated automatically, on purpose. */
export function acceptSecretFindings(secret: Construct, kind: keyof typeof NO_ROTATION = "stack"): void {
  NagSuppressions.addResourceSuppressions(secret, [{ id: "AwsSolutions-SMG4", reason: NO_ROTATION[kind] }]);
}

/** The alarm topic is not KMS-encrypted, so that CloudWatch and Budgets can publish to it. */
export function acceptMonitoringFindings(topic: Construct): void {
  NagSuppressions.addResourceSuppressions(topic, [
    {
      id: "AwsSolutions-SNS2",
      reason:
        "CloudWatch alarms and AWS Budgets cannot publish to a topic encrypted with the AWS-managed key; the messages hold alarm names and numbers only, no personal data, so a US$1/month customer key buys nothing.",
    },
  ]);
}

/** The API stack's findings that are decisions, not oversights, each with its reason. */
export function acceptApiFindings(stack: Stack, handler: LambdaFunction, api: PuskesosApi): void {
  NagSuppressions.addResourceSuppressions(
    handler,
    [
      {
        id: "AwsSolutions-IAM4",
        reason: "AWSLambdaBasicExecutionRole grants only writing the function's own CloudWatch logs.",
        appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      },
      {
        id: "AwsSolutions-IAM5",
        reason:
          "Query on the table's own global secondary indexes (gsi1..gsi3); the wildcard is the index name within this table.",
        appliesTo: [{ regex: "/^Resource::<.*Table.*\\.Arn>\\/index\\/\\*$/g" }],
      },
      {
        id: "AwsSolutions-L1",
        reason:
          "nodejs22.x is the runtime the bundle targets and is tested against (issue #5); move deliberately, not by default.",
      },
    ],
    true,
  );
  acceptLogRetentionHelper(stack);
  NagSuppressions.addResourceSuppressions(api.secretsBatch, [
    {
      id: "AwsSolutions-IAM5",
      reason:
        'secretsmanager:BatchGetSecretValue takes no resource but "*"; which secrets it returns is decided by GetSecretValue, granted on the function\'s two secrets only.',
      appliesTo: ["Resource::*"],
    },
  ]);
  NagSuppressions.addResourceSuppressions(
    api.httpApi,
    [
      {
        id: "AwsSolutions-APIG1",
        reason:
          "Access logs would log every request twice (the Lambda already logs each one with its request id) at double the cost; enable when a kabupaten needs them.",
      },
      {
        id: "AwsSolutions-APIG4",
        reason:
          "Authorization is in the app: session cookie, role and scope checked by every core function; sign-in and the public status page must stay reachable.",
      },
    ],
    true,
  );
}

/** CDK's log-retention helper, one per stack whose functions set a log retention. */
function acceptLogRetentionHelper(stack: Stack): void {
  const logRetention = stack.node.children.find((c) => c.node.id.startsWith("LogRetention"));
  if (logRetention)
    NagSuppressions.addResourceSuppressions(
      logRetention,
      [
        {
          id: "AwsSolutions-IAM4",
          reason:
            "CDK's log-retention helper (deploy time only) uses AWSLambdaBasicExecutionRole for its own logs.",
          appliesTo: [
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
          ],
        },
        {
          id: "AwsSolutions-IAM5",
          reason:
            "CDK's log-retention helper sets retention on log groups created later by Lambda; their names are not known at deploy.",
          appliesTo: ["Resource::*"],
        },
      ],
      true,
    );
}

/** The retention job's findings that are decisions, each with its reason. */
export function acceptRetentionFindings(stack: Stack, handler: LambdaFunction): void {
  NagSuppressions.addResourceSuppressions(
    handler,
    [
      {
        id: "AwsSolutions-IAM4",
        reason: "AWSLambdaBasicExecutionRole grants only writing the function's own CloudWatch logs.",
        appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
      },
      {
        id: "AwsSolutions-L1",
        reason:
          "nodejs22.x, the same runtime as the API's function, which the bundle targets and is tested on.",
      },
    ],
    true,
  );
  acceptLogRetentionHelper(stack);
}

/** The site stack's findings that are decisions, each with its reason. */
export function acceptSiteFindings(stack: Stack, site: Construct, customDomain: boolean): void {
  NagSuppressions.addResourceSuppressions(
    site,
    [
      {
        id: "AwsSolutions-S1",
        reason:
          "The bucket holds only the public build output; access logs would add cost without audit value (the API keeps the audit log).",
      },
      {
        id: "AwsSolutions-CFR1",
        reason:
          "Residents and officers may travel; no country is blocked. The API authenticates every request.",
      },
      {
        id: "AwsSolutions-CFR2",
        reason:
          "AWS WAF costs more than the whole stack's monthly budget; API Gateway throttling and the app's sign-in throttling stand in for it.",
      },
      {
        id: "AwsSolutions-CFR3",
        reason:
          "CloudFront access logs would add storage cost; the API logs each request with its request id.",
      },
      ...(customDomain
        ? []
        : [
            {
              id: "AwsSolutions-CFR4",
              reason:
                "Without a custom domain CloudFront's default certificate cannot set a minimum TLS version; with one, TLSv1.2_2021 is set.",
            },
          ]),
    ],
    true,
  );
  const deployment = stack.node.findAll().filter((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"));
  for (const handler of deployment)
    NagSuppressions.addResourceSuppressions(
      handler,
      [
        {
          id: "AwsSolutions-IAM4",
          reason:
            "CDK's BucketDeployment helper (deploy time only) uses AWSLambdaBasicExecutionRole for its logs.",
          appliesTo: [
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
          ],
        },
        {
          id: "AwsSolutions-IAM5",
          reason:
            "CDK's BucketDeployment helper copies the build from the asset bucket to the site bucket (object-level wildcards).",
        },
        {
          id: "AwsSolutions-L1",
          reason: "CDK's BucketDeployment helper picks its own runtime; it runs only during deploys.",
        },
      ],
      true,
    );
}
