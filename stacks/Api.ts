import { Function, use, type StackContext } from "sst/constructs";
import { LAMBDA_ESBUILD } from "../infra/bundling.ts";
import { acceptApiFindings, acceptSstInternals } from "../infra/nag.ts";
import { PuskesosApi } from "../infra/api.ts";
import { Storage } from "./Storage.ts";

/** The region CSVs idn-area-data reads at run time, beside the bundle as it expects (`../data`). */
const AREA_FILES = ["provinces", "regencies", "districts", "villages"].map((name) => ({
  from: `node_modules/idn-area-data/data/${name}.csv`,
  to: `packages/functions/data/${name}.csv`,
}));

export function Api({ stack, app }: StackContext) {
  const { table } = use(Storage);
  const kabupatenCode = process.env.KABUPATEN_CODE ?? "33.28";
  const handler = new Function(stack, "Handler", {
    handler: "packages/functions/src/lambda.handler",
    runtime: "nodejs22.x",
    architecture: "arm_64",
    memorySize: "512 MB",
    timeout: "30 seconds",
    logRetention: "one_month",
    // X-Ray would need "*" permissions and adds cost; the structured logs carry a request id instead.
    tracing: "disabled",
    // A ceiling on cost and abuse: a kabupaten's offices never need more at once.
    reservedConcurrentExecutions: 20,
    copyFiles: AREA_FILES,
    nodejs: {
      format: "esm",
      minify: true,
      sourcemap: true,
      esbuild: { ...LAMBDA_ESBUILD, target: "node22" },
    },
    environment: {
      TABLE_NAME: table.tableName,
      KABUPATEN_CODE: kabupatenCode,
      STAGE: app.stage,
      // Set by the site's CloudFront function from the viewer's real address (infra/site.ts).
      TRUSTED_IP_HEADER: "x-viewer-address",
    },
  });
  const api = new PuskesosApi(stack, "Api", { handler, table, throttle: { rate: 50, burst: 100 } });
  acceptSstInternals(stack);
  acceptApiFindings(stack, handler, api);
  stack.addOutputs({ ApiUrl: api.httpApi.apiEndpoint });
  return { api, handler };
}
