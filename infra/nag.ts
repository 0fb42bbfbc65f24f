import type { Stack } from "aws-cdk-lib";
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
