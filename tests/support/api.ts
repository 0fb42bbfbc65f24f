import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import * as Actor from "@puskesos/core/actor";
import { configure, deriveKeys, type Config } from "@puskesos/core/config";
import { configureDb, ensureTable, type Db } from "@puskesos/core/db";
import * as Demo from "@puskesos/core/demo";
import { app } from "@puskesos/functions/app";

export const DEMO_PASSWORD = Demo.DEMO_PASSWORD;

/** A fresh table on the suite's DynamoDB Local, with the demo users, for one test file. */
export async function freshTable(config: Partial<Config> = {}): Promise<Db> {
  configure({ secureCookies: false, ...deriveKeys(randomUUID()), ...config });
  const db = configureDb({
    tableName: `test-${randomUUID()}`,
    endpoint: inject("dynamoEndpoint"),
    region: "local",
  });
  await ensureTable(db);
  await Actor.provide({ type: "system", name: "test" }, () => Demo.seed());
  return db;
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like client of the in-process Hono app: keeps the session cookie, sends JSON and the
 * site's own Origin on writes, and can pretend to come from another address.
 */
export class Client {
  cookie: string | undefined;
  constructor(readonly ip = "10.0.0.1") {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const init: RequestInit = {
      method,
      headers: {
        host: "localhost",
        ...(method !== "GET" ? { origin: "http://localhost" } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    };
    const res = await app.request(`http://localhost${path}`, init, {
      incoming: { socket: { remoteAddress: this.ip } },
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const pair = setCookie.split(";")[0]!;
      this.cookie = pair.endsWith("=") ? undefined : pair;
    }
    const isJson = res.headers.get("content-type")?.startsWith("application/json");
    const parsed: unknown = isJson ? await res.json() : await res.text();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) =>
    this.request<T>("GET", path, undefined, headers);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>("POST", path, body, headers);
  put = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>("PUT", path, body, headers);
  delete = <T = any>(path: string, headers?: Record<string, string>) =>
    this.request<T>("DELETE", path, undefined, headers);

  async login(username: string, password = DEMO_PASSWORD): Promise<Answer> {
    return this.post("/api/auth/login", { username, password });
  }
}

/** A signed-in client; fails loudly if the sign-in does. */
export async function signedIn(username: string, password = DEMO_PASSWORD, ip?: string): Promise<Client> {
  const client = new Client(ip);
  const res = await client.login(username, password);
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

/** A user the admin creates, signed in with the one-time password changed: ready to act. */
export async function createdUser(
  admin: Client,
  user: {
    username: string;
    name: string;
    role: string;
    scope: { level: string; code: string };
    opd?: string;
  },
  ip = "10.200.0.1",
): Promise<Client> {
  const created = await admin.post("/api/users", user);
  if (created.status !== 201) throw new Error(`create ${user.username}: ${JSON.stringify(created.body)}`);
  const client = new Client(ip);
  await client.login(user.username, created.body.temporaryPassword);
  const changed = await client.post("/api/auth/password", {
    currentPassword: created.body.temporaryPassword,
    newPassword: "sandi-baru-yang-panjang-2026",
  });
  if (changed.status !== 200) throw new Error(`password ${user.username}: ${JSON.stringify(changed.body)}`);
  return client;
}
