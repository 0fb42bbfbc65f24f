import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { useDb } from "@puskesos/core/db";
import { Client, freshTable } from "../support/api.ts";

const run = promisify(execFile);
const root = resolve(import.meta.dirname, "../..");

/** The documented first-admin command, run as regional IT would run it, against DynamoDB Local. */
async function createAdmin(
  args: string[],
  env: Record<string, string | undefined> = { KABUPATEN_CODE: "33.28" },
) {
  try {
    const out = await run(process.execPath, ["--import", "tsx", "scripts/create-admin.ts", ...args], {
      cwd: root,
      env: {
        ...process.env,
        TABLE_NAME: useDb().table,
        DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
        NODE_NO_WARNINGS: "1",
        ...env,
      },
    });
    return { code: 0, stdout: out.stdout, stderr: out.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => freshTable());

describe("npm run admin:create", () => {
  it("creates the first admin with a one-time password that must be changed at first sign-in", async () => {
    const out = await createAdmin(["--username", "admin.tegal", "--name", "Admin Kominfo Tegal"]);
    expect(out.code).toBe(0);
    const password = /Kata sandi sementara: (\S+)/.exec(out.stdout)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const client = new Client("10.95.0.1");
    expect((await client.login("admin.tegal", password)).body.user).toMatchObject({
      role: "admin",
      mustChangePassword: true,
    });
    expect((await client.get("/api/users")).status).toBe(403);
  }, 60_000);

  it("refuses to overwrite an existing user and names bad input", async () => {
    const again = await createAdmin(["--username", "admin.tegal", "--name", "Orang Lain"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'Pengguna "admin.tegal" sudah ada; perintah ini tidak menimpa pengguna. Pilih nama pengguna lain.',
    );
    const bad = await createAdmin(["--username", "A"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("username: Nama pengguna minimal 3 karakter.");
    // Without the kabupaten, an admin of the default one (Tegal) would be made on any table.
    const unplaced = await createAdmin(["--username", "admin.lain", "--name", "Admin Lain"], {
      KABUPATEN_CODE: undefined,
    });
    expect(unplaced.code).toBe(1);
    expect(unplaced.stderr).toContain("KABUPATEN_CODE belum diisi");
    // A mistyped option is named in Indonesian, with the command as it should be typed, not a trace.
    const typo = await createAdmin(["--usernam", "admin.lain"]);
    expect(typo.code).toBe(1);
    expect(typo.stderr.trim()).toBe(
      'Argumen --usernam tidak dikenal atau belum diberi nilai. Contoh: npm run admin:create -- --username admin.tegal --name "Nama Admin"',
    );
  }, 60_000);
});
