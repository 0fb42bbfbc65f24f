import { Aspects } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { App, getStack, type StackContext } from "sst/constructs";
import { initProject } from "sst/project.js";

type StackFn = (ctx: StackContext) => unknown;

/**
 * Synthesizes SST stacks offline (NODE_ENV=test skips SST's AWS bootstrap lookup) with cdk-nag's
 * AwsSolutions checks, and returns the template of `target` with the unsuppressed findings. One
 * synthesis serves both: a second one fails on duplicate ids.
 */
export async function synthesize(stage: string, stacks: StackFn[], target: StackFn) {
  await initProject({ stage });
  const app = new App({
    mode: "deploy",
    stage,
    name: "puskesos",
    region: "ap-southeast-3",
    account: "123456789012",
  });
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  for (const stack of stacks) app.stack(stack as never);
  await app.finish();
  const artifact = app.synth().getStackArtifact(getStack(target as never).artifactId);
  const nagErrors = artifact.messages
    .filter((m) => m.level === "error" && String(m.entry.data).startsWith("AwsSolutions-"))
    .map((m) => `${m.id}: ${String(m.entry.data).slice(0, 60)}`);
  return { template: Template.fromJSON(artifact.template), nagErrors };
}
