import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import * as Actor from "@puskesos/core/actor";
import { configure, deriveKeys, type Config } from "@puskesos/core/config";
import { configureDb, ensureTable } from "@puskesos/core/db";
import * as Demo from "@puskesos/core/demo";
import * as Region from "@puskesos/core/region";
import { app } from "../app.ts";
import type { AppEnv } from "../http/env.ts";
import { startDynamoLocal, type DynamoLocal } from "./dynamo.ts";
import { serveSpa } from "./static-site.ts";

export interface LocalOptions {
  port: number;
  /** Absolute folder for DynamoDB Local's data; undefined keeps everything in memory. */
  dataDir: string | undefined;
  /** The built SPA (packages/web/dist); undefined serves the API only. */
  webDir: string | undefined;
  seedDemo: boolean;
  config?: Partial<Config>;
  tableName?: string;
  /**
   * A DynamoDB Local already running (the test suite shares one across its files): used as it is,
   * neither started nor stopped here.
   */
  dynamoEndpoint?: string;
}

/**
 * The stack secret of a local installation (the NIK hash and session keys derive from it), made once
 * and kept beside the data, as a stack on AWS keeps its own in Secrets Manager. Memory-only runs get a
 * new one each time, as their data is new too.
 */
function localSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString("base64url");
  const file = resolve(dataDir, "stack.secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Refuses a kabupaten code idn-area-data does not have before anything starts, in words rather than a trace. */
async function assertKnownKabupaten(code: string): Promise<void> {
  if ((await Region.nationalCodes()).hasKabupaten(code)) return;
  throw new Error(
    `Kode kabupaten/kota "${code}" (KABUPATEN_CODE) tidak dikenal. Kode yang berlaku adalah kode wilayah ` +
      `Kemendagri dari data idn-area-data (node_modules/idn-area-data/data/regencies.csv), ` +
      `mis. 33.28 Kabupaten Tegal, 73.71 Kota Makassar, 91.71 Kota Jayapura.`,
  );
}

export interface LocalServer {
  url: string;
  endpoint: string;
  close(): Promise<void>;
}

/**
 * The local server: DynamoDB Local in a child process, the table from TABLE_DEFINITION, the demo
 * users, the same Hono app as the Lambda under /api, and the built SPA for every other path.
 */
export async function startLocal(options: LocalOptions): Promise<LocalServer> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const config = configure({
    secureCookies: false,
    ...deriveKeys(localSecret(options.dataDir)),
    ...options.config,
  });
  await assertKnownKabupaten(config.kabupatenCode);
  const dynamo: DynamoLocal = options.dynamoEndpoint
    ? { endpoint: options.dynamoEndpoint, stop: async () => {} }
    : await startDynamoLocal({ path: options.dataDir });
  try {
    const db = configureDb({
      tableName: options.tableName ?? "puskesos",
      endpoint: dynamo.endpoint,
      region: "local",
    });
    await ensureTable(db);
    if (options.seedDemo) await Actor.provide({ type: "system", name: "demo" }, () => Demo.seed());

    // The API keeps its own error and not-found handling: hand it the raw request untouched.
    const site = new Hono<AppEnv>().all("/api/*", (c) => app.fetch(c.req.raw, c.env));
    if (options.webDir) await serveSpa(site, options.webDir);
    const server: ServerType = await new Promise((ready, fail) => {
      const s = serve(
        {
          fetch: site.fetch,
          port: options.port,
          hostname: process.env.HOST ?? "127.0.0.1",
          // A body refused with 413 (a DPM file over 6 MB) is read to its end by Node itself, so the
          // browser still uploading it gets the answer. The adapter's own clean-up gives the rest 500 ms
          // and then cuts the connection, which a slow line or a busy machine turns into a network error.
          autoCleanupIncoming: false,
        },
        () => ready(s),
      );
      s.once("error", (error: NodeJS.ErrnoException) =>
        fail(
          error.code === "EADDRINUSE"
            ? new Error(
                `Port ${options.port} sudah dipakai program lain. Jalankan dengan port lain, mis.: PORT=3001 npm start`,
              )
            : error,
        ),
      );
    });
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : options.port;
    return {
      url: `http://localhost:${port}`,
      endpoint: dynamo.endpoint,
      close: async () => {
        await new Promise<void>((done) => server.close(() => done()));
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
