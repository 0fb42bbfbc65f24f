import { createServer, type Server } from "node:http";
import { sigv4Problem } from "./sigv4.ts";

/**
 * A stand-in for the Secrets Manager endpoint (GetSecretValue only, its JSON 1.1 wire format), for
 * the Lambda's cold start in tests: there is no Secrets Manager emulator here. The app's client
 * signs and sends the request; this checks its signature as AWS would (sigv4.ts, with lambdaTestEnv's
 * key) and that it asked for the right secret, and records each request so tests can count
 * cold-start reads.
 */
export async function startSecretsEndpoint(secrets: Record<string, string>) {
  const requests: { target: string; secretId: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const unsigned = sigv4Problem(
        { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body },
        { service: "secretsmanager", secretAccessKey: TEST_SECRET_ACCESS_KEY },
      );
      const secretId = String((JSON.parse(body || "{}") as { SecretId?: string }).SecretId ?? "");
      requests.push({ target, secretId });
      const answer = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify(payload));
      };
      if (unsigned) return answer(403, { __type: "InvalidSignatureException", message: unsigned });
      if (target !== "secretsmanager.GetSecretValue")
        return answer(400, { __type: "InvalidRequestException", message: target });
      const value = secrets[secretId];
      if (value === undefined)
        return answer(400, {
          __type: "ResourceNotFoundException",
          message: "Secrets Manager can't find the specified secret.",
        });
      answer(200, { ARN: secretId, Name: "test", SecretString: value, VersionId: "v1", CreatedDate: 0 });
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The two secrets a deployed Lambda reads: the stack secret (JSON) and the edge key (plain). */
export const LAMBDA_TEST_SECRET_ARN =
  "arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:puskesos-test-AbCdEf";
export const LAMBDA_TEST_EDGE_ARN =
  "arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:puskesos-edge-GhIjKl";
export const LAMBDA_TEST_EDGE_KEY = "e".repeat(48);

export const lambdaTestSecrets = (key: string) => ({
  [LAMBDA_TEST_SECRET_ARN]: JSON.stringify({ key }),
  [LAMBDA_TEST_EDGE_ARN]: LAMBDA_TEST_EDGE_KEY,
});

const TEST_SECRET_ACCESS_KEY = "test-secret-access-key";

/** Environment for importing the Lambda handler against local endpoints. */
export const lambdaTestEnv = (secretsEndpoint: string) => ({
  SECRET_ARN: LAMBDA_TEST_SECRET_ARN,
  EDGE_SECRET_ARN: LAMBDA_TEST_EDGE_ARN,
  SECRETS_ENDPOINT: secretsEndpoint,
  AWS_REGION: "ap-southeast-3",
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: TEST_SECRET_ACCESS_KEY,
});
