import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startLocal } from "@puskesos/functions/local";

/** `npm start` keeps data in a folder across restarts; `--memory` keeps nothing. */
const dir = mkdtempSync(join(tmpdir(), "puskesos-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function session(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ username: "admin", password: "puskesos-demo" }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(";")[0]!;
}

async function createUser(url: string, cookie: string, username: string) {
  const res = await fetch(`${url}/api/users`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify({
      username,
      name: "Tetap Ada",
      role: "kepala-desa",
      scope: { level: "desa", code: "33.28.01.2010" },
    }),
  });
  expect(res.status).toBe(201);
}

const userExists = async (url: string, cookie: string, username: string) =>
  (await fetch(`${url}/api/users/${username}`, { headers: { cookie } })).status === 200;

describe("local storage", () => {
  it("keeps users and sessions in the data folder across a restart", async () => {
    const first = await startLocal({ port: 0, dataDir: dir, webDir: undefined, seedDemo: true });
    const cookie = await session(first.url);
    await createUser(first.url, cookie, "kades.kalisalak");
    await first.close();

    const second = await startLocal({ port: 0, dataDir: dir, webDir: undefined, seedDemo: true });
    try {
      // The session cookie from before the restart still works, and the user is still there.
      expect(await userExists(second.url, cookie, "kades.kalisalak")).toBe(true);
    } finally {
      await second.close();
    }
  });

  it("keeps nothing when started memory-only", async () => {
    const first = await startLocal({ port: 0, dataDir: undefined, webDir: undefined, seedDemo: true });
    await createUser(first.url, await session(first.url), "kades.sementara");
    await first.close();
    const second = await startLocal({ port: 0, dataDir: undefined, webDir: undefined, seedDemo: true });
    try {
      expect(await userExists(second.url, await session(second.url), "kades.sementara")).toBe(false);
    } finally {
      await second.close();
    }
  });
});
