import { beforeAll, describe, expect, it } from "vitest";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { complaint } from "../support/residents.ts";

/**
 * Page cursors are made by this stack for one query: a cursor written by hand, taken from another list
 * or another query, or altered, is refused with 422 on `cursor`, never a 500 nor a page that starts
 * wherever the caller chose.
 */

const REFUSED = "Penanda halaman tidak valid; muat ulang daftar.";
const forged = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString("base64url");
const FORGED = [
  forged({ pk: "USER#admin", sk: "USER" }),
  forged({ pk: "USER#admin", sk: "USER", gsi1pk: "USERS", gsi1sk: "33.28#admin" }),
  forged({ pk: "COMPLAINT#x", sk: "COMPLAINT", gsi1pk: "DESA#33.28.10.2001#COMPLAINT", gsi1sk: "9999" }),
  "bukan-penanda",
];

let fo: Client;
let admin: Client;
let survei: Client;

function expectRefused(res: { status: number; body: any }, label: string) {
  expect(res.status, label).toBe(422);
  expect(res.body.error, label).toMatchObject({
    code: "validation",
    message: REFUSED,
    fields: [{ field: "cursor", message: REFUSED }],
  });
}

beforeAll(async () => {
  await freshTable();
  fo = await signedIn("fo.kalisapu", undefined, "10.80.0.1");
  admin = await signedIn("admin", undefined, "10.80.0.2");
  survei = await signedIn("survei", undefined, "10.80.0.3");
  // 26 complaints, each registered and opened: one more than a page of the search, and 52 audit
  // entries, more than a page of the log.
  for (let i = 0; i < 26; i++) {
    const made = await fo.post("/api/complaints", complaint());
    expect(made.status).toBe(201);
    expect((await fo.get(`/api/complaints/${made.body.id}`)).status).toBe(200);
  }
}, 60_000);

describe("forged cursors", () => {
  it("are refused by every list that pages", async () => {
    for (const cursor of FORGED) {
      expectRefused(await fo.post("/api/complaints/search", { cursor }), `search ${cursor}`);
      expectRefused(await admin.get(`/api/users?cursor=${cursor}`), `users ${cursor}`);
      expectRefused(await admin.get(`/api/audit?cursor=${cursor}`), `audit ${cursor}`);
      expectRefused(
        await survei.get(`/api/proposals?kecamatan=33.28.10&cursor=${cursor}`),
        `proposals ${cursor}`,
      );
    }
  });
});

describe("cursors this stack made", () => {
  it("continue the list they came from", async () => {
    const first = await fo.post("/api/complaints/search", {});
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(25);
    expect(typeof first.body.cursor).toBe("string");
    const second = await fo.post("/api/complaints/search", { cursor: first.body.cursor });
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    const ids = new Set([...first.body.items, ...second.body.items].map((c: { id: string }) => c.id));
    expect(ids.size).toBe(26);

    const log = await admin.get("/api/audit");
    expect(log.body.items).toHaveLength(50);
    const next = await admin.get(`/api/audit?cursor=${log.body.cursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items.length).toBeGreaterThan(0);
  });

  it("are refused on another query, another list, or altered", async () => {
    const { cursor } = (await fo.post("/api/complaints/search", {})).body as { cursor: string };
    expectRefused(await fo.post("/api/complaints/search", { state: "baru", cursor }), "other filter");
    expectRefused(await fo.post("/api/complaints/search", { day: "2020-01-01", cursor }), "other day");
    expectRefused(await admin.get(`/api/audit?cursor=${cursor}`), "other list");
    expectRefused(await admin.get(`/api/users?cursor=${cursor}`), "users");
    const [payload, mac] = cursor.split(".");
    const key = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"));
    const moved = forged({ ...key, gsi1sk: "9999" });
    expectRefused(await fo.post("/api/complaints/search", { cursor: `${moved}.${mac}` }), "altered");

    const log = (await admin.get("/api/audit")).body as { cursor: string };
    expectRefused(await admin.get(`/api/audit?by=admin&cursor=${log.cursor}`), "audit by user");
    expectRefused(await fo.post("/api/complaints/search", { cursor: log.cursor }), "audit in search");
  });
});
