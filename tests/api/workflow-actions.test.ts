import { UpdateCommand } from "@puskesos/core/db";
import { toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPLAINT_WORKFLOW } from "@puskesos/core/complaint/schema";
import { useDb } from "@puskesos/core/db";
import { PROPOSAL_WORKFLOW } from "@puskesos/core/proposal/schema";
import { TICKET_WORKFLOW } from "@puskesos/core/queue/schema";
import { REFERRAL_ACTIONS, REFERRAL_WORKFLOW, type ReferralAction } from "@puskesos/core/referral/schema";
import { today } from "@puskesos/core/time";
import { Client, freshTable, signedIn } from "../support/api.ts";
import { complaint, dpmCsv, referral, SITI } from "../support/residents.ts";

/**
 * The workflow declarations are the one place the rules live: the API documents every declared
 * action, and what a view says the caller may do is exactly what the server then accepts.
 */
const WORKFLOWS = [COMPLAINT_WORKFLOW, REFERRAL_WORKFLOW, PROPOSAL_WORKFLOW, TICKET_WORKFLOW];

const USERS = [
  "fo.kalisapu",
  "bo.kalisapu",
  "koord.kalisapu",
  "kades.kalisapu",
  "fo.pagiyanten",
  "spv.slawi",
  "spv.adiwerna",
  "manajer",
  "survei",
  "opd.dinkes",
  "opd.bpjs",
  "admin",
] as const;
type Username = (typeof USERS)[number];
const clients = new Map<Username, Client>();
const as = (username: Username) => clients.get(username)!;

beforeAll(async () => {
  await freshTable();
  const admin = await signedIn("admin", undefined, "10.60.0.1");
  await admin.request("PUT", "/api/dpm/33.28.10.2001", dpmCsv([SITI]), { "content-type": "text/csv" });
  const created = await admin.post("/api/users", {
    username: "opd.bpjs",
    name: "Petugas BPJS",
    role: "opd",
    scope: { level: "kabupaten", code: "33.28" },
    opd: "bpjs",
  });
  const first = await new Client("10.60.0.2").login("opd.bpjs", created.body.temporaryPassword);
  expect(first.status).toBe(200);
  const bpjs = new Client("10.60.0.3");
  await bpjs.login("opd.bpjs", created.body.temporaryPassword);
  await bpjs.post("/api/auth/password", {
    currentPassword: created.body.temporaryPassword,
    newPassword: "bpjs-rahasia-2026",
  });
  clients.set("opd.bpjs", bpjs);
  for (const [i, username] of USERS.entries())
    if (username !== "opd.bpjs") clients.set(username, await signedIn(username, undefined, `10.61.0.${i}`));
});

describe("OpenAPI", () => {
  it("documents every declared action with its request body and its answer", async () => {
    const doc = (await new Client().get("/api/openapi.json")).body;
    const operations = new Map<string, { requestBody?: any; responses: Record<string, any> }>();
    for (const item of Object.values<Record<string, any>>(doc.paths))
      for (const op of Object.values<any>(item)) operations.set(op.operationId, op);
    const resolve = (schema: any) =>
      schema?.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema;
    let checked = 0;
    for (const workflow of WORKFLOWS)
      for (const [name, spec] of Object.entries<{ operation: string; input?: v.GenericSchema }>(
        workflow.actions,
      )) {
        const op = operations.get(spec.operation);
        expect(op, `${workflow.entity}.${name} → ${spec.operation}`).toBeDefined();
        const answer = Object.entries(op!.responses).find(([status]) => status.startsWith("2"))?.[1];
        expect(answer?.content?.["application/json"]?.schema, `${spec.operation} answer`).toBeDefined();
        if (spec.input) {
          const body = resolve(op!.requestBody?.content?.["application/json"]?.schema);
          const declared = toJsonSchema(spec.input, { errorMode: "ignore" }) as {
            properties: object;
            required?: string[];
          };
          expect(Object.keys(body?.properties ?? {}).sort(), `${spec.operation} body`).toEqual(
            Object.keys(declared.properties).sort(),
          );
          expect([...(body.required ?? [])].sort()).toEqual([...(declared.required ?? [])].sort());
        }
        checked += 1;
      }
    expect(checked).toBe(WORKFLOWS.reduce((n, w) => n + Object.keys(w.actions).length, 0));
    expect(checked).toBeGreaterThanOrEqual(19);
  });
});

// ---- a referral in every state ----

type Ref = { id: string; version: number; state: string };
const act = (username: Username, id: string, action: string, body: Record<string, unknown>) =>
  as(username).post(`/api/referrals/${id}/${action}`, body);

function bodyFor(action: ReferralAction, version: number): Record<string, unknown> {
  switch (action) {
    case "forward":
      return { version, recommendation: "Layak dibantu." };
    case "return-to-desa":
    case "return-to-supervisor":
      return { version, note: "Lengkapi surat keterangan." };
    case "resubmit":
      return { version, note: "Surat sudah dilengkapi." };
    case "approve":
      return { version, opd: "dinas-kesehatan", program: "kis-pbi" };
    case "reject":
    case "decline":
      return { version, reason: "Bukan kewenangan kami." };
    case "accept":
      return { version };
    case "complete":
      return { version, service: "Didaftarkan PBI-JK.", servedOn: today(), reference: "PBI/1" };
  }
}

async function step(username: Username, ref: Ref, action: ReferralAction): Promise<Ref> {
  const res = await act(username, ref.id, action, bodyFor(action, ref.version));
  expect(res.status, `${username} ${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

/** How to bring a new referral into each state, from its creation. */
const PATHS: Record<string, [Username, ReferralAction][]> = {
  diajukan: [],
  "diajukan (lewat batas supervisor)": [],
  dikembalikan: [["spv.slawi", "return-to-desa"]],
  diteruskan: [["spv.slawi", "forward"]],
  ditolak: [
    ["spv.slawi", "forward"],
    ["manajer", "reject"],
  ],
  disetujui: [
    ["spv.slawi", "forward"],
    ["manajer", "approve"],
  ],
  "ditolak-opd": [
    ["spv.slawi", "forward"],
    ["manajer", "approve"],
    ["opd.dinkes", "decline"],
  ],
  "diterima-opd": [
    ["spv.slawi", "forward"],
    ["manajer", "approve"],
    ["opd.dinkes", "accept"],
  ],
  selesai: [
    ["spv.slawi", "forward"],
    ["manajer", "approve"],
    ["opd.dinkes", "accept"],
    ["opd.dinkes", "complete"],
  ],
};

async function referralIn(state: string): Promise<Ref> {
  const c = await as("fo.kalisapu").post(
    "/api/complaints",
    complaint({}, { nik: SITI.nik, name: SITI.name }),
  );
  const created = await as("bo.kalisapu").post("/api/referrals", referral(c.body.id));
  let ref: Ref = created.body;
  for (const [username, action] of PATHS[state]!) ref = await step(username, ref, action);
  if (state.includes("lewat batas")) {
    const past = new Date(Date.now() - 86_400_000).toISOString();
    await useDb().doc.send(
      new UpdateCommand({
        TableName: useDb().table,
        Key: { pk: `REFERRAL#${ref.id}`, sk: "REFERRAL" },
        UpdateExpression: "SET dueAt = :past, gsi1sk = :s, gsi2sk = :s",
        ExpressionAttributeValues: { ":past": past, ":s": `${past}#${ref.id}` },
      }),
    );
  }
  return ref;
}

describe("a referral's actions, for every role in every state", () => {
  it("are exactly the actions the server then accepts", { timeout: 120_000 }, async () => {
    const offered: string[] = [];
    for (const state of Object.keys(PATHS)) {
      const ref = await referralIn(state);
      for (const username of USERS) {
        const seen = await as(username).get(`/api/referrals/${ref.id}`);
        expect([200, 403, 404], `${username} reads ${state}`).toContain(seen.status);
        const actions: ReferralAction[] = seen.status === 200 ? seen.body.actions : [];
        for (const action of REFERRAL_ACTIONS) {
          if (actions.includes(action)) {
            // A fresh referral in the same state, so each accepted action starts where the view was read.
            const fresh = await referralIn(state);
            const res = await act(username, fresh.id, action, bodyFor(action, fresh.version));
            expect(res.status, `${username} ${action} on ${state}: ${JSON.stringify(res.body)}`).toBe(200);
            expect(res.body.state).toBe(REFERRAL_WORKFLOW.actions[action].to);
            offered.push(`${state}: ${username} ${action}`);
          } else {
            const res = await act(username, ref.id, action, bodyFor(action, ref.version));
            expect([403, 404, 409], `${username} ${action} on ${state} should be refused`).toContain(
              res.status,
            );
          }
        }
      }
      const after = await as("manajer").get(`/api/referrals/${ref.id}`);
      expect(after.body.version, `nothing refused changed the ${state} referral`).toBe(ref.version);
    }
    // The declaration's own shape of the chain, offered to the right people and no one else.
    expect(offered.sort()).toEqual(
      [
        "diajukan: spv.slawi forward",
        "diajukan: spv.slawi return-to-desa",
        "diajukan (lewat batas supervisor): spv.slawi forward",
        "diajukan (lewat batas supervisor): spv.slawi return-to-desa",
        "diajukan (lewat batas supervisor): manajer approve",
        "diajukan (lewat batas supervisor): manajer reject",
        "dikembalikan: bo.kalisapu resubmit",
        "dikembalikan: koord.kalisapu resubmit",
        "diteruskan: manajer approve",
        "diteruskan: manajer reject",
        "diteruskan: manajer return-to-supervisor",
        "ditolak-opd: manajer approve",
        "ditolak-opd: manajer reject",
        "disetujui: opd.dinkes accept",
        "disetujui: opd.dinkes decline",
        "diterima-opd: opd.dinkes complete",
      ].sort(),
    );
  });
});

describe("ids that cannot name a record", () => {
  it("answer 404, not 500, however long", async () => {
    const long = "a".repeat(3000);
    for (const path of [
      `/api/complaints/${long}`,
      `/api/complaints/${long}/timeline`,
      `/api/referrals/${long}`,
    ]) {
      const res = await as("manajer").get(path);
      expect(res.status, path.slice(0, 24)).toBe(404);
    }
    const forward = await as("spv.slawi").post(`/api/referrals/${long}/forward`, { version: 1 });
    expect(forward.status).toBe(404);
    const reveal = await as("manajer").post(`/api/complaints/${long}/reveal-nik`);
    expect(reveal.status).toBe(404);
  });
});
