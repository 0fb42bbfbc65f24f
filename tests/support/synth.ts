import { Aspects } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { CloudFormationStackArtifact } from "aws-cdk-lib/cx-api";
import { AwsSolutionsChecks } from "cdk-nag";
import { App, getStack, type StackContext } from "sst/constructs";
import { initProject } from "sst/project.js";
import { mkdir, rm, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { load } from "sst/stacks/build.js";
import type { SSTConfig } from "sst";
import config from "../../sst.config.ts";

type StackFn = (ctx: StackContext) => unknown;

const LOCK = resolve(import.meta.dirname, "../../.sst/synth.lock");

/**
 * SST keeps one state folder (.sst/, function bundles among it) per project: the infrastructure files
 * run beside the rest of the suite, each in its own process, and take turns here to synthesize. (Run
 * one at a time as a project instead, vitest put them after everything else, a minute on one core.)
 */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(resolve(LOCK, ".."), { recursive: true });
  for (const started = Date.now(); ;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A holder killed mid-synthesis leaves its lock: no synthesis takes two minutes.
      const held = await stat(LOCK).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > 120_000) await rm(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`${LOCK} held for five minutes`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

async function newApp(stage: string) {
  await initProject({ stage });
  const app = new App({
    mode: "deploy",
    stage,
    name: "puskesos",
    region: config.config().region ?? "ap-southeast-3",
    account: "123456789012",
  });
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  return app;
}

/** The unsuppressed cdk-nag AwsSolutions errors of one stack. */
function nagErrorsOf(artifact: CloudFormationStackArtifact) {
  return artifact.messages
    .filter((m) => m.level === "error" && String(m.entry.data).startsWith("AwsSolutions-"))
    .map((m) => `${m.id}: ${String(m.entry.data).slice(0, 60)}`);
}

/**
 * Synthesizes SST stacks offline (NODE_ENV=test skips SST's AWS bootstrap lookup) with cdk-nag's
 * AwsSolutions checks, and returns the template of `target` with the unsuppressed findings. One
 * synthesis serves both: a second one fails on duplicate ids.
 */
export function synthesize(stage: string, stacks: StackFn[], target: StackFn) {
  return inTurn(async () => {
    const app = await newApp(stage);
    for (const stack of stacks) app.stack(stack as never);
    await app.finish();
    const assembly = app.synth();
    const artifact = assembly.getStackArtifact(getStack(target as never).artifactId);
    return { template: Template.fromJSON(artifact.template), nagErrors: nagErrorsOf(artifact) };
  });
}

/**
 * The whole app as `sst deploy --stage <stage>` builds it: sst.config.ts loaded by SST's own loader
 * (bundled with the stacks and infra/ into `.sst.config.*.mjs` at the root, as a deploy runs it),
 * every stack's template and findings by stack name, and the cloud assembly (for its asset manifests).
 */
export function synthesizeApp(stage: string) {
  return inTurn(() => synthesizeAppNow(stage));
}

async function synthesizeAppNow(stage: string) {
  const app = await newApp(stage);
  const [, bundled] = (await load(resolve(import.meta.dirname, "../../sst.config.ts"))) as [
    unknown,
    SSTConfig,
  ];
  bundled.stacks(app);
  await app.finish();
  const assembly = app.synth();
  const stacks = assembly.stacks.map((artifact) => ({
    name: artifact.stackName.replace(`${stage}-puskesos-`, ""),
    template: Template.fromJSON(artifact.template),
    json: artifact.template as { Resources: Record<string, { Type: string; Properties?: any }> },
    nagErrors: nagErrorsOf(artifact),
  }));
  return { stacks, assembly };
}
