import { Function, use, type StackContext } from "sst/constructs";
import { relative } from "node:path";
import { buildOpenApi, lambdaNodejs } from "../infra/bundling.ts";
import { acceptApiFindings, acceptSecretFindings, acceptSstInternals } from "../infra/nag.ts";
import { EdgeSecret } from "../infra/secret.ts";
import { PuskesosApi } from "../infra/api.ts";
import { customDomain, dataKeyVersion, kabupatenOf } from "./stage.ts";
import { Storage } from "./Storage.ts";

export function Api({ stack, app }: StackContext) {
  const { table, secret } = use(Storage);
  const kabupatenCode = kabupatenOf(app.stage);
  const siteDomain = customDomain()?.name;
  const { secret: edgeSecret } = new EdgeSecret(stack, "EdgeKey");
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
    // The regions are inside the bundle (infra/bundling.ts), so no CSV of all Indonesia ships with it.
    copyFiles: [{ from: relative(process.cwd(), buildOpenApi()), to: "packages/functions/openapi.json" }],
    nodejs: lambdaNodejs(kabupatenCode),
    environment: {
      TABLE_NAME: table.tableName,
      // The secret's ARN, not its value: the Lambda reads the value at cold start.
      SECRET_ARN: secret.secretArn,
      EDGE_SECRET_ARN: edgeSecret.secretArn,
      KABUPATEN_CODE: kabupatenCode,
      STAGE: app.stage,
      DATA_KEY_VERSION: dataKeyVersion(),
      // The custom domain's origin may send writes (the default domain is the request's own host).
      ...(siteDomain ? { ALLOWED_ORIGINS: `https://${siteDomain}` } : {}),
      // Set by the site's CloudFront function from the viewer's real address (infra/site.ts).
      TRUSTED_IP_HEADER: "x-viewer-address",
    },
  });
  const api = new PuskesosApi(stack, "Api", {
    handler,
    table,
    secrets: [secret, edgeSecret],
    throttle: { rate: 50, burst: 100 },
  });
  acceptSstInternals(stack);
  acceptApiFindings(stack, handler, api);
  acceptSecretFindings(edgeSecret, "edge");
  stack.addOutputs({ ApiUrl: api.httpApi.apiEndpoint });
  return { api, handler, edgeSecret };
}
