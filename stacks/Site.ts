import { resolve } from "node:path";
import { use, type StackContext } from "sst/constructs";
import { acceptSiteFindings, acceptSstInternals } from "../infra/nag.ts";
import { Site as SiteConstruct } from "../infra/site.ts";
import { Api } from "./Api.ts";
import { customDomain } from "./stage.ts";

export function Site({ stack }: StackContext) {
  const { api, edgeSecret } = use(Api);
  const domain = customDomain();
  const site = new SiteConstruct(stack, "Site", {
    api: api.httpApi,
    edgeSecret,
    webDist: resolve(process.cwd(), "packages/web/dist"),
    ...(domain ? { domain } : {}),
  });
  acceptSstInternals(stack);
  acceptSiteFindings(stack, site, Boolean(domain));
  stack.addOutputs({ SiteUrl: `https://${domain?.name ?? site.distribution.distributionDomainName}` });
  return { site };
}
