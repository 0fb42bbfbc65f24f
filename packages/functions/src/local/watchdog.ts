import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * DynamoDB Local is a Java process of its own: a parent killed with `kill -9` (or by the OOM killer)
 * runs no exit handler, and Java would keep running, holding the port and the data folder. Two guards:
 * a small watchdog process ends Java as soon as its parent is gone, and the Java pid is kept in the
 * data folder so the next start on that folder ends a Java the watchdog could not (it was killed too).
 */

/**
 * The watchdog, as a script for `node -e`: argv are the parent's pid and Java's. It ignores the
 * terminal's SIGINT/SIGHUP (the parent decides on those) and exits once either process is gone.
 */
const WATCHDOG = `
const [parent, java] = process.argv.slice(1).map(Number);
const alive = (pid) => {
  try { process.kill(pid, 0); return true; }
  catch (error) { return error.code === "EPERM"; }
};
process.on("SIGINT", () => undefined);
process.on("SIGHUP", () => undefined);
const timer = setInterval(() => {
  if (!alive(java)) process.exit(0);
  if (process.ppid === parent && alive(parent)) return;
  clearInterval(timer);
  process.kill(java, "SIGTERM");
  setTimeout(() => { if (alive(java)) process.kill(java, "SIGKILL"); process.exit(0); }, 3000);
}, 250);
`;

/** Starts the watchdog of `java` for this process; it does not keep this process alive. */
export function watchdog(java: number): ChildProcess {
  const child = spawn(process.execPath, ["-e", WATCHDOG, String(process.pid), String(java)], {
    stdio: "ignore",
  });
  child.unref();
  return child;
}

const PID_FILE = "dynamodb-local.pid";

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // ESRCH: gone. EPERM: alive, but another user's, so not one we started.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The command line of a process, or "" when it is gone (from /proc on Linux, else from `ps`). */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch (error) {
    if (process.platform === "linux" && (error as NodeJS.ErrnoException).code === "ENOENT") return "";
    return spawnSync("ps", ["-p", String(pid), "-o", "args="], { encoding: "utf8" }).stdout ?? "";
  }
}

/** Sends a signal unless the process has ended meanwhile (its watchdog may be ending it too). */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

const waitForEnd = async (pid: number, ms: number) => {
  for (const deadline = Date.now() + ms; alive(pid) && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
};

/**
 * Ends a DynamoDB Local a previous start left running on `dataDir`, found by the pid file and checked
 * by its command line (a pid reused by another program is left alone).
 */
export async function stopStale(dataDir: string): Promise<void> {
  const file = resolve(dataDir, PID_FILE);
  let pid: number;
  try {
    pid = Number(readFileSync(file, "utf8").trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const command = Number.isInteger(pid) && pid > 0 && alive(pid) ? commandLine(pid) : "";
  if (command.includes("DynamoDBLocal") && command.includes(dataDir)) {
    signal(pid, "SIGTERM");
    if (!(await waitForEnd(pid, 5000))) {
      signal(pid, "SIGKILL");
      await waitForEnd(pid, 5000);
    }
  }
  rmSync(file, { force: true });
}

/** Notes the Java serving `dataDir`, for `stopStale` after a start that could not clean up. */
export function recordPid(dataDir: string, pid: number): () => void {
  const file = resolve(dataDir, PID_FILE);
  writeFileSync(file, String(pid));
  return () => rmSync(file, { force: true });
}
