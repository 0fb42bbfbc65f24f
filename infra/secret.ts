import { RemovalPolicy } from "aws-cdk-lib";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Construct } from "constructs";
import { SECRET_FIELD } from "@puskesos/core/config";

export interface StackSecretProps {
  /** Production data: keep the secret if the stack is removed (every NIK hash depends on it). */
  protect: boolean;
}

/**
 * The stack's one secret: the NIK hash key and the session key derive from it (core config/keys).
 * Secrets Manager generates it at deploy, so its value is never in the template, the environment or
 * the repository; the Lambda reads it once at cold start. It must never rotate: a new value would
 * orphan every stored NIK hash (DPM lookups, records).
 */
export class StackSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: StackSecretProps) {
    super(scope, id);
    this.secret = new Secret(this, "Secret", {
      description: "Puskesos: kunci hash NIK dan sesi (jangan dirotasi atau dihapus)",
      generateSecretString: {
        secretStringTemplate: JSON.stringify({}),
        generateStringKey: SECRET_FIELD,
        passwordLength: 64,
        excludePunctuation: true,
      },
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}

/**
 * The key CloudFront sends to the API in `x-origin-verify` (infra/site.ts reads it by dynamic
 * reference, so its value is not in any template) and the Lambda compares: forwarded viewer
 * addresses are believed only with it. Holds no data: safe to replace by redeploying.
 */
export class EdgeSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, "Secret", {
      description: "Puskesos: kunci asal CloudFront ke API",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}
