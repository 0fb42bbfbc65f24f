/**
 * Stands in for @aws-sdk/credential-provider-node in the Lambda bundle. Lambda always hands a
 * function its role's credentials in environment variables, so the SSO, INI-file, STS and metadata
 * providers of the default chain (and the clients they carry) are dead weight on every cold start.
 */
export { fromEnv as defaultProvider } from "@aws-sdk/credential-provider-env";
