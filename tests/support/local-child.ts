import { startLocal } from "@puskesos/functions/local";

/**
 * The local server in a process of its own, on a data folder given as the first argument, for tests
 * that kill it as a user would (`kill -9`). Prints one JSON line with its address once it serves;
 * stops cleanly on SIGTERM.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: local-child.ts <data folder>");
const server = await startLocal({ port: 0, dataDir, webDir: undefined, seedDemo: true });
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
process.once("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
