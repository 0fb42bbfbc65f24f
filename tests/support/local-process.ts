import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { DEMO_PASSWORD } from "@puskesos/core/demo";
import { alive } from "@puskesos/functions/local/watchdog";

const CHILD = resolve(import.meta.dirname, "local-child.ts");

export interface LocalProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the local server (tests/support/local-child.ts) in its own Node process on `dataDir`. */
export function startLocalProcess(dataDir: string): Promise<LocalProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DDB_LOCAL_TELEMETRY: "0", LOG_LEVEL: "silent" },
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal })),
  );
  return new Promise((ready, fail) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`local server did not start in 60 s:\n${out}\n${err}`));
    }, 60_000);
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      clearTimeout(timer);
      ready({ child, url: (JSON.parse(line) as { url: string }).url, exited });
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`local server exited (${code ?? signal}) before serving:\n${out}\n${err}`));
    });
  });
}

/** Pids of DynamoDB Local (Java) processes started on `dataDir`, found by their command line. */
export function dynamoPidsOn(dataDir: string): number[] {
  const lines = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n");
  return lines
    .filter((line) => line.includes("DynamoDBLocal") && line.includes(`-dbPath ${dataDir}`))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Every process started by `pid`, its children's children included (from `ps`). */
export function descendants(pid: number): number[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((row) => row.length === 2);
  const found: number[] = [];
  for (let queue = [pid]; queue.length;) {
    const parent = queue.shift()!;
    const children = rows.filter(([, ppid]) => ppid === parent).map(([child]) => child!);
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

export { alive };

/** Waits until none of `pids` is alive, or `ms` has passed; answers the ones still alive. */
export async function waitForEnd(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

/** Signs a demo user in over HTTP and answers a fetch that sends the session cookie and the Origin. */
export async function httpSession(url: string, username: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  return (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { cookie, origin: url, ...(init.headers ?? {}) } });
}
