import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";

/**
 * A caller of AWS services that speak the JSON protocol (DynamoDB, Secrets Manager): a signed POST
 * with `X-Amz-Target` per operation. The full SDK clients took about 120 ms of every cold start to
 * import and set up (docs/deploy.md); what the app needs from them is this request, AWS's own signer
 * (@smithy/signature-v4), retries and the service's error names, so that is what is kept.
 */
export interface AwsJsonService {
  /** Signing name and host prefix: "dynamodb", "secretsmanager". */
  service: string;
  /** The X-Amz-Target prefix: "DynamoDB_20120810", "secretsmanager". */
  target: string;
  /** The protocol's content type version: DynamoDB is 1.0, Secrets Manager 1.1. */
  version: "1.0" | "1.1";
  /** An endpoint other than AWS's (DynamoDB Local, a test's stand-in). */
  endpoint?: string;
  region?: string;
}

/** An error the service answered with; `name` is the exception's (ConditionalCheckFailedException). */
export class AwsError extends Error {
  constructor(
    name: string,
    message: string,
    /** The HTTP status, or 0 when no answer came (the connection failed). */
    readonly status: number,
    /** The rest of the error's body, e.g. a cancelled transaction's CancellationReasons. */
    readonly fields: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = name;
  }
}

/** Whether the service answered with that exception (e.g. ConditionalCheckFailedException). */
export const isAwsError = (error: unknown, name: string): error is AwsError =>
  error instanceof AwsError && error.name === name;

export type AwsCall = (operation: string, input: object) => Promise<Record<string, unknown>>;

const ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;
const THROTTLED = new Set([
  "ThrottlingException",
  "Throttling",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
]);
const TRANSIENT = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "TimeoutError"]);
// Not `import … from "node:http"`: its ES module facade reads every export of the module, among them
// the lazy WebSocket getters that load all of undici (about 10 ms) before the cold start's secret
// request can go out. Loaded this way, undici loads when a Request is first made, after that.
const http = process.getBuiltinModule("node:http");
const https = process.getBuiltinModule("node:https");
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** Requests begun and not yet written to their connection (see `onWire`). */
const unwritten = new Set<Promise<void>>();

/**
 * Calls `start` and tells when the requests it began have been written to their connections (or
 * have failed). Work that holds the thread for a while, started after `written`, runs while the
 * service answers instead of keeping the requests from going out (session.ts's `readAhead`).
 */
export function onWire<T>(start: () => T): { result: T; written: Promise<void> } {
  const before = new Set(unwritten);
  const result = start();
  const begun = [...unwritten].filter((wire) => !before.has(wire));
  return { result, written: Promise.all(begun).then(() => undefined) };
}

export function awsJson(config: AwsJsonService): AwsCall {
  const region = config.region ?? process.env.AWS_REGION ?? "ap-southeast-3";
  const url = new URL(config.endpoint ?? `https://${config.service}.${region}.amazonaws.com`);
  const signer = new SignatureV4({
    service: config.service,
    region,
    credentials: () => Promise.resolve(credentials(Boolean(config.endpoint))),
    sha256: Hash.bind(null, "sha256"),
  });
  return async (operation, input) => {
    let markWritten = () => {};
    const wire = new Promise<void>((done) => (markWritten = done));
    unwritten.add(wire);
    void wire.then(() => unwritten.delete(wire));
    try {
      return await attempts(operation, input, markWritten);
    } finally {
      markWritten();
    }
  };

  async function attempts(operation: string, input: object, markWritten: () => void) {
    // Like the SDK: a retried transaction carries the first attempt's token, so it is applied once.
    const body = JSON.stringify(
      operation === "TransactWriteItems" && !("ClientRequestToken" in input)
        ? { ...input, ClientRequestToken: randomUUID() }
        : input,
      binaryAsBase64,
    );
    for (let attempt = 1; ; attempt++) {
      try {
        const signed = await signer.sign({
          method: "POST",
          protocol: url.protocol,
          hostname: url.hostname,
          ...(url.port ? { port: Number(url.port) } : {}),
          path: "/",
          headers: {
            host: url.host,
            "content-type": `application/x-amz-json-${config.version}`,
            "x-amz-target": `${config.target}.${operation}`,
          },
          body,
        });
        return await post(
          url,
          { ...signed.headers, "content-length": String(Buffer.byteLength(body)) },
          body,
          markWritten,
        );
      } catch (error) {
        // A failed try ends the wait for the wire too: no one waits through the retries' pauses.
        markWritten();
        if (attempt >= ATTEMPTS || !retryable(error)) throw error;
        // Full jitter, as the SDK's standard retry strategy.
        await new Promise((wait) => setTimeout(wait, Math.random() * 100 * 2 ** attempt));
      }
    }
  }
}

/** The role's credentials, which Lambda puts in the environment; any key does for a local endpoint. */
function credentials(local: boolean) {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = process.env;
  if (accessKeyId && secretAccessKey)
    return { accessKeyId, secretAccessKey, sessionToken: process.env.AWS_SESSION_TOKEN };
  if (local) return { accessKeyId: "local", secretAccessKey: "local" };
  throw new AwsError("CredentialsError", "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set", 0);
}

function retryable(error: unknown) {
  if (!(error instanceof AwsError)) return false;
  return error.status >= 500 || THROTTLED.has(error.name) || TRANSIENT.has(error.name);
}

function post(url: URL, headers: Record<string, string>, body: string, markWritten: () => void) {
  const secure = url.protocol === "https:";
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const req = (secure ? https.request : http.request)(
      url,
      { method: "POST", headers, agent: secure ? agents.https : agents.http, timeout: TIMEOUT_MS },
      (res) => read(res).then(resolve, reject),
    );
    req.on("timeout", () => req.destroy(new AwsError("TimeoutError", `No answer in ${TIMEOUT_MS} ms`, 0)));
    req.on("error", (error: NodeJS.ErrnoException) =>
      reject(error instanceof AwsError ? error : new AwsError(error.code ?? error.name, error.message, 0)),
    );
    req.on("finish", markWritten);
    req.end(body);
  });
}

async function read(res: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const status = res.statusCode ?? 0;
  let parsed: Record<string, unknown>;
  try {
    parsed = text ? (JSON.parse(text, base64AsBinary) as Record<string, unknown>) : {};
  } catch (error) {
    throw new AwsError("UnreadableAnswer", `HTTP ${status}: ${(error as Error).message}`, status);
  }
  if (status >= 200 && status < 300) return parsed;
  const { __type, message, Message, ...fields } = parsed;
  // "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", sometimes with ":..." after.
  const type = String(__type ?? res.headers["x-amzn-errortype"] ?? `HTTP${status}`);
  const name = type.split("#").pop()!.split(":")[0]!;
  throw new AwsError(name, String(message ?? Message ?? name), status, fields);
}

// DynamoDB's binary attributes (B, BS) travel as base64; nothing here stores one yet.
function binaryAsBase64(_key: string, value: unknown) {
  return value instanceof Uint8Array ? Buffer.from(value).toString("base64") : value;
}

function base64AsBinary(key: string, value: unknown) {
  if (key === "B" && typeof value === "string") return new Uint8Array(Buffer.from(value, "base64"));
  if (key === "BS" && Array.isArray(value) && value.every((v) => typeof v === "string"))
    return value.map((v: string) => new Uint8Array(Buffer.from(v, "base64")));
  return value;
}
