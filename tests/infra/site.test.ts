import { Aspects } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { App, getStack } from "sst/constructs";
import { initProject } from "sst/project.js";
import { describe, expect, it } from "vitest";
import { Api } from "../../stacks/Api.ts";
import { Site } from "../../stacks/Site.ts";
import { Storage } from "../../stacks/Storage.ts";
import { ensureWebBuilt } from "../support/browser.ts";

describe("Site stack", () => {
  it("serves the SPA from a private bucket over HTTPS with security headers, and /api/* from the API on the same origin", async () => {
    ensureWebBuilt();
    await initProject({ stage: "kab-3328" });
    const app = new App({
      mode: "deploy",
      stage: "kab-3328",
      name: "puskesos",
      region: "ap-southeast-3",
      account: "123456789012",
    });
    Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
    app.stack(Storage).stack(Api).stack(Site);
    await app.finish();
    const artifact = app.synth().getStackArtifact(getStack(Site).artifactId);
    const template = Template.fromJSON(artifact.template);

    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    const dist = Object.values(template.findResources("AWS::CloudFront::Distribution"))[0]!.Properties
      .DistributionConfig;
    expect(dist.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    const api = dist.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === "/api/*");
    expect(api).toMatchObject({
      ViewerProtocolPolicy: "https-only",
      AllowedMethods: expect.arrayContaining(["POST", "PUT", "DELETE"]),
    });
    expect(api.FunctionAssociations).toHaveLength(1);
    template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'.*frame-ancestors 'none'"),
            Override: true,
          },
          FrameOptions: { FrameOption: "DENY", Override: true },
        }),
      },
    });
    const errors = artifact.messages
      .filter((m) => m.level === "error" && String(m.entry.data).startsWith("AwsSolutions-"))
      .map((m) => `${m.id}: ${String(m.entry.data).slice(0, 60)}`);
    expect(errors).toEqual([]);
  });
});
