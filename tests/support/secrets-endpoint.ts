import { createServer, type Server } from "node:http";
import { sigv4Problem } from "./sigv4.ts";

/**
 * A stand-in for the Secrets Manager endpoint (GetSecretValue, and BatchGetSecretValue by a list of
 * ids; their JSON 1.1 wire format), for the Lambda's cold start in tests: there is no Secrets Manager
 * emulator here. The app's client signs and sends the request; this checks its signature as AWS
 * would (sigv4.ts, with lambdaTestEnv's key) and that it asked for the right secrets, and records
 * each secret asked for (with the request's target) so tests can count cold-start reads.
 */
export async function startSecretsEndpoint(secrets: Record<string, string>) {
  const requests: { target: string; secretId: string }[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    calls++;
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      const unsigned = sigv4Problem(
        { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body },
        { service: "secretsmanager", secretAccessKey: TEST_SECRET_ACCESS_KEY },
      );
      const input = JSON.parse(body || "{}") as { SecretId?: string; SecretIdList?: string[] };
      const answer = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify(payload));
      };
      const value = (secretId: string) =>
        secrets[secretId] === undefined
          ? undefined
          : { ARN: secretId, Name: "test", SecretString: secrets[secretId], VersionId: "v1", CreatedDate: 0 };
      if (target === "secretsmanager.BatchGetSecretValue") {
        const ids = input.SecretIdList ?? [];
        for (const secretId of ids) requests.push({ target, secretId });
        if (unsigned) return answer(403, { __type: "InvalidSignatureException", message: unsigned });
        // As AWS: a secret it cannot read is an entry in Errors, not a failed call.
        return answer(200, {
          SecretValues: ids.map(value).filter(Boolean),
          Errors: ids
            .filter((id) => !value(id))
            .map((id) => ({
              SecretId: id,
              ErrorCode: "ResourceNotFoundException",
              Message: "Secrets Manager can't find the specified secret.",
            })),
        });
      }
      const secretId = String(input.SecretId ?? "");
      requests.push({ target, secretId });
      if (unsigned) return answer(403, { __type: "InvalidSignatureException", message: unsigned });
      if (target !== "secretsmanager.GetSecretValue")
        return answer(400, { __type: "InvalidRequestException", message: target });
      const found = value(secretId);
      if (!found)
        return answer(400, {
          __type: "ResourceNotFoundException",
          message: "Secrets Manager can't find the specified secret.",
        });
      answer(200, found);
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    /** HTTP requests received (a batch of several secrets is one). */
    calls: () => calls,
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
