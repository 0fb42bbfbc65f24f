import type { SSTConfig } from "sst";
import { Api } from "./stacks/Api.ts";
import { Monitoring } from "./stacks/Monitoring.ts";
import { Retention } from "./stacks/Retention.ts";
import { Site } from "./stacks/Site.ts";
import { Storage } from "./stacks/Storage.ts";

/**
 * One SST app, one stage per kabupaten. Never run `sst build`, `diff` or `deploy` without AWS
 * access: they wait forever for STS and CloudFormation. The stacks are verified offline by
 * tests/infra (Template.fromStack).
 */
export default {
  config() {
    return { name: "puskesos", region: process.env.AWS_REGION ?? "ap-southeast-3" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
    app.stack(Storage).stack(Api).stack(Retention).stack(Monitoring).stack(Site);
  },
} satisfies SSTConfig;
