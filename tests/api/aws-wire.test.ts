import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AwsError, awsJson, onWire } from "@puskesos/core/aws";
import { BatchGetCommand, createDb } from "@puskesos/core/db";
import { sigv4Problem } from "../support/sigv4.ts";

/**
 * The app's own AWS client (packages/core/src/aws) against a local HTTP server that answers as
 * DynamoDB does on the wire and checks each request's signature as AWS would. The happy path over
 * DynamoDB Local is every other API test; this covers what DynamoDB Local never does: signatures
 * checked, errors, throttling, dropped connections.
 */
interface Seen {
  target: string;
  body: Record<string, unknown>;
  signature?: string;
  token?: string;
}
type Answer = (seen: Seen, res: ServerResponse) => void;

const KEY = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
let answers: Answer[] = [];
const seen: Seen[] = [];
const reply = (status: number, payload: unknown) => (_: Seen, res: ServerResponse) => {
  res.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
  res.end(JSON.stringify(payload));
};
const server = createServer((req: IncomingMessage, res) => {
  let text = "";
  req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  req.on("end", () => {
    const entry: Seen = {
      target: String(req.headers["x-amz-target"]),
      body: JSON.parse(text) as Record<string, unknown>,
      signature: sigv4Problem(
        { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: text },
        { service: "dynamodb", secretAccessKey: KEY.secretAccessKey },
      ),
      token: req.headers["x-amz-security-token"] as string | undefined,
    };
    seen.push(entry);
    (answers.shift() ?? reply(200, {}))(entry, res);
  });
});
let endpoint = "";
const saved = { ...process.env };

beforeAll(async () => {
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
  });
});
afterEach(() => {
  answers = [];
  seen.length = 0;
  process.env = { ...saved, AWS_ACCESS_KEY_ID: KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey };
});
afterAll(async () => {
  process.env = saved;
  await new Promise<void>((done) => server.close(() => done()));
});

const dynamo = () => awsJson({ service: "dynamodb", target: "DynamoDB_20120810", version: "1.0", endpoint });

describe("the AWS JSON client", () => {
  it("signs each call as AWS checks it, with the role's session token when Lambda gives one", async () => {
    answers = [reply(200, { Item: { pk: { S: "a" } } })];
    expect(await dynamo()("GetItem", { TableName: "t", Key: { pk: { S: "a" } } })).toEqual({
      Item: { pk: { S: "a" } },
    });
    process.env.AWS_SESSION_TOKEN = "session-token-of-the-role";
    await dynamo()("GetItem", { TableName: "t", Key: { pk: { S: "b" } } });
    expect(seen.map((s) => [s.target, s.signature, s.token])).toEqual([
      ["DynamoDB_20120810.GetItem", undefined, undefined],
      ["DynamoDB_20120810.GetItem", undefined, "session-token-of-the-role"],
    ]);
  });

  it("is refused by the check when signed with another key, so the check can fail", async () => {
    process.env.AWS_SECRET_ACCESS_KEY = "not-the-key";
    await dynamo()("GetItem", { TableName: "t" });
    expect(seen[0]!.signature).toBe("signature does not match");
  });

  it("names the service's error, keeps its fields, and does not retry a refusal", async () => {
    answers = [
      reply(400, {
        __type: "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
        message: "Transaction cancelled",
        CancellationReasons: [{ Code: "None" }, { Code: "ConditionalCheckFailed" }],
      }),
    ];
    const error = await dynamo()("TransactWriteItems", { TransactItems: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({
      name: "TransactionCanceledException",
      message: "Transaction cancelled",
      status: 400,
      fields: { CancellationReasons: [{ Code: "None" }, { Code: "ConditionalCheckFailed" }] },
    });
    expect(seen).toHaveLength(1);
  });

  it("retries a server error and a dropped connection, sending the same transaction token", async () => {
    answers = [
      reply(500, { __type: "com.amazonaws.dynamodb.v20120810#InternalServerError", message: "oops" }),
      (_, res) => res.socket?.destroy(),
      reply(200, {}),
    ];
    await dynamo()("TransactWriteItems", { TransactItems: [] });
    expect(seen).toHaveLength(3);
    const tokens = new Set(seen.map((s) => s.body.ClientRequestToken));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("tells when the requests a call began are on the wire, before their answers, and when they failed", async () => {
    let release = () => {};
    answers = [(entry, res) => (release = () => reply(200, { Item: { pk: { S: "a" } } })(entry, res))];
    const { result, written } = onWire(() => dynamo()("GetItem", { Key: { pk: { S: "a" } } }));
    let answered = false;
    void result.then(() => (answered = true));
    let wrote = false;
    void written.then(() => (wrote = true));
    // Signing and connecting take turns of the event loop: the request cannot be written yet.
    await Promise.resolve();
    expect(wrote).toBe(false);
    await written;
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(answered).toBe(false);
    release();
    expect(await result).toEqual({ Item: { pk: { S: "a" } } });

    // A request that never reaches its server does not keep the caller waiting either.
    const nowhere = awsJson({
      service: "dynamodb",
      target: "T",
      version: "1.0",
      endpoint: "http://127.0.0.1:9",
    });
    const refused = onWire(() => nowhere("GetItem", {}));
    await refused.written;
    await expect(refused.result).rejects.toMatchObject({ name: "ECONNREFUSED", status: 0 });
  });

  it("gives up after three throttled attempts with the throttling error", async () => {
    const throttled = reply(400, {
      __type: "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
      message: "slow down",
    });
    answers = [throttled, throttled, throttled, reply(200, {})];
    await expect(dynamo()("PutItem", { TableName: "t" })).rejects.toMatchObject({
      name: "ProvisionedThroughputExceededException",
    });
    expect(seen).toHaveLength(3);
  });
});

describe("the document client", () => {
  it("sends keys in DynamoDB's types and returns a batch's items and leftovers as plain values", async () => {
    answers = [
      reply(200, {
        Responses: { t: [{ pk: { S: "a" }, n: { N: "2" }, tags: { L: [{ S: "x" }] } }] },
        UnprocessedKeys: { t: { Keys: [{ pk: { S: "b" } }], ConsistentRead: true } },
      }),
    ];
    const db = createDb({ tableName: "t", endpoint });
    const out = await db.doc.send(
      new BatchGetCommand({
        RequestItems: { t: { Keys: [{ pk: "a" }, { pk: "b" }], ConsistentRead: true } },
      }),
    );
    expect(seen[0]!.body).toEqual({
      RequestItems: { t: { Keys: [{ pk: { S: "a" } }, { pk: { S: "b" } }], ConsistentRead: true } },
    });
    expect(out).toEqual({
      Responses: { t: [{ pk: "a", n: 2, tags: ["x"] }] },
      UnprocessedKeys: { t: { Keys: [{ pk: "b" }], ConsistentRead: true } },
    });
  });
});
