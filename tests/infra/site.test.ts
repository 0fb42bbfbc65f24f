import { Match } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { synthesize } from "../support/synth.ts";
import { Api } from "../../stacks/Api.ts";
import { Site } from "../../stacks/Site.ts";
import { Storage } from "../../stacks/Storage.ts";
import { ensureWebBuilt } from "../support/browser.ts";

describe("Site stack", () => {
  it("serves the SPA from a private bucket over HTTPS with security headers, and /api/* from the API on the same origin", async () => {
    ensureWebBuilt();
    const { template, nagErrors } = await synthesize("kab-3328", [Storage, Api, Site], Site);

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
    // The app's files travel compressed (the local server and the benchmark assume the same).
    expect(dist.DefaultCacheBehavior.Compress).toBe(true);
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
    expect(nagErrors).toEqual([]);

    // The viewer-request function, run as CloudFront would: the screens with their own HTML get it.
    const codes = Object.values(template.findResources("AWS::CloudFront::Function")).map(
      (f) => f.Properties.FunctionCode as string,
    );
    const rewrite = codes.find((code) => code.includes("index.html"))!;
    const handler = new Function(`${rewrite}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const uri = (path: string) => handler({ request: { uri: path } }).uri;
    expect(uri("/pengaduan/baru")).toBe("/pengaduan-baru.html");
    expect(uri("/")).toBe("/beranda.html");
    expect(uri("/laporan")).toBe("/index.html");
    expect(uri("/assets/app.js")).toBe("/assets/app.js");
  });
});
