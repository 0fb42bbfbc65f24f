import http from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocal, type LocalServer } from "@puskesos/functions/local";
import {
  alive,
  descendants,
  dynamoPidsOn,
  httpSession,
  startLocalProcess,
  waitForEnd,
  type LocalProcess,
} from "../support/local-process.ts";

/** The local server as `npm start` runs it: over real HTTP connections, and killed as a user would. */

interface Reply {
  status: number;
  body: string;
  /** The client's end of the connection: the same port means the same connection. */
  localPort: number | undefined;
}

/**
 * One request over `agent`, answering once the reply has arrived and the request has been written
 * (the server may answer 413 before reading the body; the connection is free again only after both).
 */
function send(
  agent: http.Agent,
  url: string,
  method: string,
  path: string,
  body?: string | string[],
  headers: Record<string, string> = {},
  pace = 0,
): Promise<Reply> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    let reply: Reply | undefined;
    let written = false;
    const settle = () => reply && written && resolve(reply);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent,
        headers: { host: `localhost:${port}`, origin: url, ...headers },
      },
      (res) => {
        const localPort = req.socket?.localPort;
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          reply = { status: res.statusCode!, body: text, localPort };
          settle();
        });
      },
    );
    req.on("error", reject);
    req.on("finish", () => {
      written = true;
      settle();
    });
    if (pace && Array.isArray(body)) {
      // A slow line: each chunk after the last one has gone out, `pace` ms apart.
      const next = (i: number) =>
        i < body.length ? req.write(body[i], () => setTimeout(() => next(i + 1), pace)) : req.end();
      next(0);
      return;
    }
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    req.end(typeof body === "string" ? body : undefined);
  });
}

describe("a body over the limit", () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocal({ port: 0, dataDir: undefined, webDir: undefined, seedDemo: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  const oversized: [string, string, string, Record<string, string>][] = [
    [
      "JSON of 1 MB",
      "/api/auth/login",
      JSON.stringify({ username: "x".repeat(1024 * 1024) }),
      {
        "content-type": "application/json",
      },
    ],
    [
      "JSON of 100 KB",
      "/api/complaints/search",
      JSON.stringify({ name: "x".repeat(100 * 1024) }),
      {
        "content-type": "application/json",
      },
    ],
    [
      "CSV of 7 MB",
      "/api/dpm/33.28.10.2001",
      "NIK,NAMA\n" + "3328104503850001,Siti\n".repeat(340_000),
      {
        "content-type": "text/csv",
      },
    ],
  ];

  /**
   * The refusal `refuse` sends over a one-connection agent is a 413, and the next request goes over the
   * same connection (the same client port).
   */
  async function refusedOnKeptConnection(refuse: (agent: http.Agent) => Promise<Reply>): Promise<Reply> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await refuse(agent);
      expect(refused.status).toBe(413);
      const next = await send(agent, server.url, "GET", "/api/health");
      expect(next.status).toBe(200);
      expect(next.localPort).toBe(refused.localPort);
      return refused;
    } finally {
      agent.destroy();
    }
  }

  for (const [label, path, body, headers] of oversized) {
    it(`(${label}) answers 413 and leaves the connection usable for the next request`, async () => {
      const method = path.startsWith("/api/dpm") ? "PUT" : "POST";
      const refused = await refusedOnKeptConnection((agent) =>
        send(agent, server.url, method, path, body, headers),
      );
      expect(JSON.parse(refused.body).error.code).toBe("payload_too_large");
    });
  }

  it("(7 MB over a slow line) answers 413 and keeps the connection while the rest arrives", async () => {
    // 7 MB in 28 pieces 50 ms apart: the rest of the body takes well over a second after the 413.
    const piece = "3328104503850001,Siti\n".repeat(12_000);
    const body = ["NIK,NAMA\n", ...Array.from({ length: 28 }, () => piece)];
    const length = body.reduce((n, chunk) => n + Buffer.byteLength(chunk), 0);
    const headers = { "content-type": "text/csv", "content-length": String(length) };
    await refusedOnKeptConnection((agent) =>
      send(agent, server.url, "PUT", "/api/dpm/33.28.10.2001", body, headers, 50),
    );
  });

  it("(sent in chunks, without Content-Length) answers 413 and keeps the connection", async () => {
    const chunks = Array.from({ length: 64 }, (_, i) => `${i ? "" : '{"name":"'}${"x".repeat(16 * 1024)}`);
    await refusedOnKeptConnection((agent) =>
      send(agent, server.url, "POST", "/api/complaints/search", [...chunks, '"}'], {
        "content-type": "application/json",
        "transfer-encoding": "chunked",
      }),
    );
  });
});

describe("kill -9 of the local server", () => {
  let dataDir: string;
  const started: LocalProcess[] = [];
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "puskesos-kill-"));
  });
  afterAll(async () => {
    if (!dataDir) return;
    for (const p of started)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
    // Whatever this test started on its folder ends with it, fixed or not.
    for (const pid of dynamoPidsOn(dataDir)) process.kill(pid, "SIGKILL");
    await waitForEnd(dynamoPidsOn(dataDir), 5000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("ends DynamoDB Local too, and the next start on the same folder serves the data kept", async () => {
    const first = await startLocalProcess(dataDir);
    started.push(first);
    const fo = await httpSession(first.url, "fo.kalisapu");
    expect((await fo("/api/queue", { method: "POST" })).status).toBe(201);
    const java = dynamoPidsOn(dataDir);
    expect(java).toHaveLength(1);

    first.child.kill("SIGKILL");
    await first.exited;
    expect(await waitForEnd(java, 10_000)).toEqual([]);

    const second = await startLocalProcess(dataDir);
    started.push(second);
    const again = await httpSession(second.url, "fo.kalisapu");
    const queue = await (await again("/api/queue")).json();
    expect(queue.tickets).toHaveLength(1);
    second.child.kill("SIGTERM");
    await second.exited;
    expect(await waitForEnd(dynamoPidsOn(dataDir), 10_000)).toEqual([]);
  }, 120_000);

  it("clears a DynamoDB Local left running on the folder before starting", async () => {
    const first = await startLocalProcess(dataDir);
    started.push(first);
    const java = dynamoPidsOn(dataDir);
    expect(java).toHaveLength(1);
    // Everything the server started but Java dies with it (as under the OOM killer): Java stays.
    for (const pid of descendants(first.child.pid!).filter((pid) => !java.includes(pid)))
      process.kill(pid, "SIGKILL");
    first.child.kill("SIGKILL");
    await first.exited;
    await new Promise((r) => setTimeout(r, 1000));
    expect(java.filter(alive)).toEqual(java);

    const second = await startLocalProcess(dataDir);
    started.push(second);
    expect(java.filter(alive)).toEqual([]);
    const fo = await httpSession(second.url, "fo.kalisapu");
    expect((await (await fo("/api/queue")).json()).tickets).toHaveLength(1);
    second.child.kill("SIGTERM");
    await second.exited;
    expect(await waitForEnd(dynamoPidsOn(dataDir), 10_000)).toEqual([]);
  }, 120_000);
});

describe("the site's files", () => {
  let server: LocalServer;
  let webDir: string;
  const script = `export const words = ${JSON.stringify("puskesos ".repeat(4000))};\n`;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), "puskesos-web-"));
    mkdirSync(join(webDir, "assets"));
    writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Puskesos</title>");
    writeFileSync(join(webDir, "assets", "app.js"), script);
    server = await startLocal({ port: 0, dataDir: undefined, webDir, seedDemo: false });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("travel gzip-compressed to a browser that accepts it, as CloudFront sends them", async () => {
    const zipped = await fetch(`${server.url}/assets/app.js`, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    // fetch unzips: the file arrives whole.
    expect(await zipped.text()).toBe(script);
    const plain = await fetch(`${server.url}/assets/app.js`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Number(plain.headers.get("content-length"))).toBe(Buffer.byteLength(script));
  });
});
