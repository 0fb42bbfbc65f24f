import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { contentSecurityPolicyHeader } from "@puskesos/functions/csp";
import { EDGE_HEADER } from "@puskesos/functions/edge";

/** The screens the web build wrote their own HTML for: path → file (none before the first build). */
function routeShells(webDist: string): Record<string, string> {
  const file = join(webDist, "routes.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
}

export interface SiteProps {
  api: HttpApi;
  /** The key sent to the API in `x-origin-verify`, so the API can tell CloudFront's requests apart. */
  edgeSecret: ISecret;
  /** The built SPA (packages/web/dist). */
  webDist: string;
  /** Optional custom domain with its ACM certificate (in us-east-1, as CloudFront requires). */
  domain?: { name: string; certificateArn: string };
}

/**
 * The SolidJS site on a private S3 bucket behind CloudFront (origin access control, HTTPS only,
 * security headers), with `/api/*` sent to the HTTP API on the same origin so the session cookie
 * stays first-party.
 */
export class Site extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const bucket = new Bucket(this, "Assets", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Only the build output lives here; it is rebuilt on every deploy.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Client routes (/antrian, /pengaduan/...) load the app shell, or the screen's own HTML when the web
    // build wrote one (routes.json: frame and preloaded chunks); files (with a dot) are served as they are.
    const spaRewrite = new CloudFrontFunction(this, "SpaRewrite", {
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        `var SHELLS=${JSON.stringify(routeShells(props.webDist))};` +
          "function handler(event){var r=event.request;if(r.uri.indexOf('.')<0){r.uri=SHELLS[r.uri]||'/index.html';}return r;}",
      ),
    });
    // The API sees API Gateway's host and CloudFront's address. It learns the site's host (for its Origin
    // check) and the resident's address (for throttling and the audit log) here, overwriting whatever a
    // client sent in these headers.
    const forwardHost = new CloudFrontFunction(this, "ForwardHost", {
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        "function handler(event){var r=event.request;r.headers['x-forwarded-host']={value:r.headers.host.value};r.headers['x-viewer-address']={value:event.viewer.ip};return r;}",
      ),
    });
    const headers = new ResponseHeadersPolicy(this, "SecurityHeaders", {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicyHeader(), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    const apiHost = `${props.api.apiId}.execute-api.${Stack.of(this).region}.amazonaws.com`;
    this.distribution = new Distribution(this, "Cdn", {
      comment: "Puskesos SLRT",
      defaultRootObject: "index.html",
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Edge locations in Asia, Europe and North America; the cheapest class that includes Jakarta.
      priceClass: PriceClass.PRICE_CLASS_200,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, "Certificate", props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        "/api/*": {
          origin: new HttpOrigin(apiHost, {
            // A dynamic reference: CloudFormation fills the value in at deploy; no template holds it.
            customHeaders: { [EDGE_HEADER]: props.edgeSecret.secretValue.unsafeUnwrap() },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });
    new BucketDeployment(this, "Deploy", {
      sources: [Source.asset(props.webDist)],
      destinationBucket: bucket,
      distribution: this.distribution,
      distributionPaths: ["/*"],
    });
  }
}
