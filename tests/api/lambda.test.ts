import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from "hono/aws-lambda";
import { serve, type ServerType } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useDb } from "@puskesos/core/db";
import { app } from "@puskesos/functions/app";
import { freshTable } from "../support/api.ts";
import {
  lambdaTestEnv,
  lambdaTestSecrets,
  LAMBDA_TEST_EDGE_ARN,
  LAMBDA_TEST_SECRET_ARN,
  startSecretsEndpoint,
} from "../support/secrets-endpoint.ts";

/**
 * The Lambda handler and the local Node server wrap the same Hono app: the same request must get
 * the same answer from both (status, JSON body, cookies), against the same table.
 */
type Handler = (
  event: LambdaEvent,
  context: LambdaContext,
) => Promise<APIGatewayProxyResult & { cookies?: string[] }>;
let handler: Handler;
let server: ServerType;
let base: string;
let secrets: Awaited<ReturnType<typeof startSecretsEndpoint>>;

beforeAll(async () => {
  await freshTable();
  secrets = await startSecretsEndpoint(lambdaTestSecrets("k".repeat(64)));
  Object.assign(process.env, lambdaTestEnv(secrets.endpoint));
  process.env.TABLE_NAME = useDb().table;
  process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
  process.env.KABUPATEN_CODE = "33.28";
  handler = (await import("@puskesos/functions/lambda")).handler as unknown as Handler;
  server = await new Promise((ready) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ready(s));
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await secrets.close();
});

interface Req {
  method: string;
  path: string;
  query?: string;
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
}

function event(req: Req): LambdaEvent {
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: req.path,
    rawQueryString: req.query ?? "",
    cookies: req.cookie ? [req.cookie] : undefined,
    headers: {
      host: "abc123.execute-api.ap-southeast-3.amazonaws.com",
      "user-agent": "vitest",
      ...req.headers,
      ...(body
        ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }
        : {}),
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.ap-southeast-3.amazonaws.com",
      domainPrefix: "abc123",
      http: {
        method: req.method,
        path: req.path,
        protocol: "HTTP/1.1",
        sourceIp: "10.50.0.1",
        userAgent: "vitest",
      },
      requestId: "req-1",
      routeKey: "$default",
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body ?? null,
    isBase64Encoded: false,
    // Hono's type requires authorizer fields that API Gateway omits for routes without an authorizer.
  } as unknown as LambdaEvent;
}

const context = { functionName: "api", awsRequestId: "req-1" } as LambdaContext;

/** What must match between the two: status, content type, body without the per-request id. */
function comparable(status: number, contentType: string | undefined, body: string) {
  const parsed = contentType?.startsWith("application/json") ? JSON.parse(body) : body;
  if (parsed?.error) delete parsed.error.requestId;
  if (parsed?.storage) delete parsed.storage.latencyMs;
  return { status, contentType, body: parsed };
}

async function both(req: Req) {
  const lambda = await handler(event(req), context);
  const res = await fetch(`${base}${req.path}${req.query ? `?${req.query}` : ""}`, {
    method: req.method,
    headers: {
      ...(req.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(req.cookie ? { cookie: req.cookie } : {}),
    },
    ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
  });
  const lambdaHeaders = Object.fromEntries(
    Object.entries(lambda.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  return {
    lambda: comparable(lambda.statusCode, lambdaHeaders["content-type"], lambda.body),
    local: comparable(res.status, res.headers.get("content-type") ?? undefined, await res.text()),
    lambdaCookies: lambda.cookies ?? [],
    localCookies: res.headers.getSetCookie(),
    lambdaHeaders,
  };
}

describe("Lambda handler (API Gateway HTTP API v2) and local server", () => {
  it("answer the health check the same", async () => {
    const { lambda, local } = await both({ method: "GET", path: "/api/health" });
    expect(lambda.status).toBe(200);
    expect(lambda).toEqual(local);
  });

  it("answer bad input the same: 422 in Indonesian naming the field", async () => {
    const { lambda, local } = await both({
      method: "POST",
      path: "/api/auth/login",
      body: { username: "admin" },
    });
    expect(lambda.status).toBe(422);
    expect(lambda.body.error.fields).toEqual([{ field: "password", message: "Kata sandi wajib diisi." }]);
    expect(lambda).toEqual(local);
  });

  it("sign in the same way and the session works through both", async () => {
    const { lambda, local, lambdaCookies, localCookies } = await both({
      method: "POST",
      path: "/api/auth/login",
      body: { username: "spv.slawi", password: "puskesos-demo" },
    });
    expect(lambda.status).toBe(200);
    expect(lambda.body).toEqual(local.body);
    expect(lambdaCookies).toHaveLength(1);
    const strip = (c: string) => c.replace(/=[^;]+;/, "=TOKEN;").replace(/Expires=[^;]+/, "Expires=X");
    expect(strip(lambdaCookies[0]!)).toEqual(strip(localCookies[0]!));

    // A session made through Lambda works on the local server and the other way round.
    const fromLambda = lambdaCookies[0]!.split(";")[0]!;
    const fromLocal = localCookies[0]!.split(";")[0]!;
    const a = await both({ method: "GET", path: "/api/regions/33.28.10.2001", cookie: fromLambda });
    const b = await both({ method: "GET", path: "/api/regions/33.28.10.2001", cookie: fromLocal });
    expect(a.lambda.status).toBe(200);
    expect(a.lambda).toEqual(a.local);
    expect(b.lambda).toEqual(a.lambda);
    const hidden = await both({ method: "GET", path: "/api/regions/33.28.11.2004", cookie: fromLambda });
    expect(hidden.lambda.status).toBe(404);
    expect(hidden.lambda).toEqual(hidden.local);
  });

  it("serve the resources loaded with their first request the same, behind the same checks", async () => {
    const { LATER_PATHS } = await import("@puskesos/functions/create-app");
    const { LATER } = await import("@puskesos/functions/lambda-app");
    expect(Object.keys(LATER).sort()).toEqual([...LATER_PATHS].sort());
    const anonymous = await both({ method: "GET", path: "/api/users" });
    expect(anonymous.lambda.status).toBe(401);
    expect(anonymous.lambda).toEqual(anonymous.local);
    const login = await both({
      method: "POST",
      path: "/api/auth/login",
      body: { username: "pdp", password: "puskesos-demo" },
    });
    const cookie = login.lambdaCookies[0]!.split(";")[0]!;
    const bad = await both({
      method: "POST",
      path: "/api/privacy/access-report",
      body: { nik: "12" },
      cookie,
    });
    expect(bad.lambda.status).toBe(422);
    expect(bad.lambda.body.error.fields[0].field).toBe("nik");
    expect(bad.lambda).toEqual(bad.local);
    expect(bad.lambdaHeaders["x-content-type-options"]).toBe("nosniff");
    const settings = await both({ method: "GET", path: "/api/settings", cookie });
    expect(settings.lambda.status).toBe(200);
    expect(settings.lambda).toEqual(settings.local);
    for (const path of ["/api/cases", "/api/privacy/tidak-ada", "/api/users/pdp"]) {
      const r = await both({ method: "GET", path, cookie });
      expect(r.lambda, path).toEqual(r.local);
    }
  });

  it("reads its two secrets once, at cold start, by their ARNs, in one request", async () => {
    await both({ method: "GET", path: "/api/health" });
    expect(secrets.requests).toEqual([
      { target: "secretsmanager.BatchGetSecretValue", secretId: LAMBDA_TEST_SECRET_ARN },
      { target: "secretsmanager.BatchGetSecretValue", secretId: LAMBDA_TEST_EDGE_ARN },
    ]);
    expect(secrets.calls()).toBe(1);
  });

  it("reads the caller's session as the event arrives, once, and hands no request a read it did not make", async () => {
    const signIn = () =>
      handler(
        event({
          method: "POST",
          path: "/api/auth/login",
          body: { username: "fo.kalisapu", password: "puskesos-demo" },
        }),
        context,
      ).then((r) => r.cookies![0]!.split(";")[0]!);
    const [laptop, phone] = [await signIn(), await signIn()];
    const calls: string[] = [];
    let counting = true;
    useDb().doc.use(async (call, next) => {
      if (counting) calls.push(call.operation);
      return next();
    });
    const answer = handler(
      event({ method: "GET", path: "/api/regions/33.28.10.2001", cookie: laptop }),
      context,
    );
    // Sent as the event arrives, before the framework has looked at the request.
    expect(calls).toEqual(["BatchGetItem"]);
    const desa = await answer;
    counting = false;
    expect(desa.statusCode).toBe(200);
    // The read made ahead is the one the session check uses: one batch, not two.
    expect(calls).toEqual(["BatchGetItem"]);

    // A write from another site is refused before its caller is looked up: its read is not taken.
    const refused = await handler(
      event({
        method: "POST",
        path: "/api/auth/logout",
        cookie: laptop,
        headers: { origin: "https://lain.example" },
      }),
      context,
    );
    expect(refused.statusCode).toBe(403);
    // Changing the password on the phone ends the laptop's session ...
    const changed = await fetch(`${base}/api/auth/password`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: phone },
      body: JSON.stringify({ currentPassword: "puskesos-demo", newPassword: "Sandi-baru-ponsel-2026" }),
    });
    expect(changed.status).toBe(200);
    // ... and the laptop's next request must not be answered from the refused request's read, made
    // while its session was still good.
    const after = await fetch(`${base}/api/auth/me`, { headers: { cookie: laptop } });
    expect(after.status).toBe(401);
    expect(
      (await handler(event({ method: "GET", path: "/api/auth/me", cookie: laptop }), context)).statusCode,
    ).toBe(401);
  });

  it("sends the security headers from Lambda too", async () => {
    const { lambdaHeaders } = await both({ method: "GET", path: "/api/tidak-ada" });
    expect(lambdaHeaders["content-security-policy"]).toContain("default-src 'self'");
    expect(lambdaHeaders["x-content-type-options"]).toBe("nosniff");
  });
});
