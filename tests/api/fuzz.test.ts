import { beforeAll, describe, expect, it } from "vitest";
import { Client, freshTable, signedIn, type Answer } from "../support/api.ts";
import { englishIn, errorShapeProblem } from "../support/messages.ts";

/**
 * Malformed requests to every operation the OpenAPI document lists, as a role that may use it and as
 * nobody: whatever arrives, the answer is a 4xx in the documented JSON shape with an Indonesian
 * message, never a 5xx. Seeded, so a failure replays the same way.
 */

interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  pattern?: string;
}

/** mulberry32: a small deterministic generator, so the run is the same every time. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    uuid: () =>
      "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx".replace(/x/g, () => Math.floor(next() * 16).toString(16)),
  };
}
const rng = seeded(20261202);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const FORGED_CURSORS = [
  b64({ pk: "USER#admin", sk: "USER" }),
  b64({ pk: "USER#admin", sk: "USER", gsi1pk: "USERS", gsi1sk: "33.28#admin" }),
  b64({ pk: "x".repeat(1500), sk: "y" }),
  b64([1, 2, 3]),
  b64("teks"),
  b64({ pk: 1, sk: { nested: [] } }),
  "bukan-base64-!!",
  "a.b",
  "%00",
];

/** Path values no route should choke on: very long, odd characters, broken encodings. */
const BAD_PATH_VALUES = [
  "x".repeat(3000),
  "1".repeat(3000),
  encodeURIComponent("é".repeat(1500)),
  "%00",
  "a%00b",
  "%E0%A4%A",
  "%FF%FE",
  "%ED%A0%80",
  "..%2F..%2Fetc",
  "%2e%2e",
  "%20",
  "-1",
  "0",
  "1e3",
  "NaN",
  "Infinity",
  "1.5",
  "9".repeat(40),
  "%3Cscript%3E",
  "'%20OR%201=1",
  "USER%23admin",
  "33.28.10.2001" + "0".repeat(2990),
  encodeURIComponent("😀"),
  "null",
];

const HUGE = "a".repeat(60 * 1024);
const NUL = "ab\u0000cd";
const LONE = "ab\ud800cd";

/** A plausible value for a schema, so one field at a time can be broken. */
function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return "x";
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative?.length) return sample(alternative[0], depth + 1);
  if (schema.allOf?.length) return sample(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = sample(value, depth + 1);
      return out;
    }
    case "array":
      return [sample(schema.items, depth + 1)];
    case "number":
    case "integer":
      return Math.max(1, schema.minimum ?? 1);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return schema.format === "uuid" ? rng.uuid() : "contoh";
  }
}

/** Wrong things to put where a field was: other types, huge, NUL, nesting, forged cursor. */
const WRONG_VALUES: unknown[] = [
  12345,
  -1,
  1e308,
  true,
  null,
  {},
  [],
  [[[[["dalam"]]]]],
  { $ne: null },
  "",
  HUGE,
  NUL,
  LONE,
  "\u202e\ufeff",
  "x".repeat(3000),
  FORGED_CURSORS[0],
];

interface Case {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  who: "role" | "anonymous" | "other";
}

/** The role that may use a path (by its first segment or pattern), so refusals are about the input. */
function roleFor(method: string, path: string): string {
  if (/^\/(users|audit|regions|settings)/.test(path)) return "admin";
  if (/^\/dpm\/\{desa\}$/.test(path)) return "admin";
  if (/^\/catalog/.test(path)) return method === "get" ? "fo.kalisapu" : "manajer";
  if (/^\/complaints\/\{id\}\/(handle|resolve)/.test(path)) return "bo.kalisapu";
  if (/^\/referrals\/\{id\}\/(approve|reject|return-to-supervisor)/.test(path)) return "manajer";
  if (/^\/referrals\/\{id\}\/(accept|decline|complete|letter)/.test(path)) return "opd.dinkes";
  if (/^\/referrals\/\{id\}\/(forward|return-to-desa)/.test(path)) return "spv.slawi";
  if (/^\/referrals/.test(path)) return "bo.kalisapu";
  if (/^\/proposals/.test(path)) return method === "get" ? "survei" : "fo.kalisapu";
  return "fo.kalisapu";
}

const ROLES = [
  "admin",
  "fo.kalisapu",
  "bo.kalisapu",
  "koord.kalisapu",
  "spv.slawi",
  "manajer",
  "survei",
  "opd.dinkes",
];

/** Good values for path parameters, to reach the body checks behind them (none changes anything valid). */
const GOOD_PATH: Record<string, () => string> = {
  id: () => rng.uuid(),
  desa: () => "33.28.10.2001",
  code: () => "33.28.10",
  username: () => "tidak.ada",
  number: () => "999",
  action: () => "forward",
};

/** Every key and index inside a value (not the value itself), to break one at a time. */
function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== "object" || prefix.length > 4) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...prefix, key], ...pathsIn(item, [...prefix, key])]);
}

/** A copy of `value` with the node at `at` replaced (or removed, for undefined). */
function setAt(value: unknown, at: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

function fill(path: string, value: (name: string) => string): string {
  return `/api${path.replace(/\{(\w+)\}/g, (_, name: string) => value(name))}`;
}

function casesFor(path: string, method: string, op: Operation): Case[] {
  const out: Case[] = [];
  const hasPathParams = /\{\w+\}/.test(path);
  const schema = op.requestBody?.content?.["application/json"]?.schema;
  const takesBody = method !== "get";
  const queryParams = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  const who = (): Case["who"] => {
    const r = rng.next();
    return r < 0.7 ? "role" : r < 0.85 ? "anonymous" : "other";
  };
  const good = () => fill(path, (name) => (GOOD_PATH[name] ?? (() => "x"))());

  // Broken path parameters: always the ones longer than a key, and a seeded half of the odd ones.
  if (hasPathParams)
    for (const bad of BAD_PATH_VALUES.filter((value) => value.length > 1000 || rng.next() < 0.5)) {
      const target = fill(path, () => bad);
      out.push({
        method,
        path: target,
        ...(takesBody ? { body: JSON.stringify(sample(schema) ?? {}), contentType: "application/json" } : {}),
        who: who(),
      });
    }

  // Wrong query values and unknown query keys.
  if (method === "get") {
    const names = [...queryParams, "cursor", "tidakDikenal"];
    for (const name of names)
      for (const value of ["x".repeat(3000), "%00", "%E0%A4%A", FORGED_CURSORS[0], FORGED_CURSORS[2], "-1"])
        out.push({ method, path: `${good()}?${name}=${value}`, who: who() });
    out.push({ method, path: `${good()}?${names[0]}=a&${names[0]}=b`, who: who() });
  }

  // Bodies of the wrong shape.
  if (takesBody) {
    const raw = [
      "{",
      "bukan json",
      '{"a":1,}',
      "\u0000",
      "[]",
      "[[[]]]",
      "42",
      '"teks"',
      "null",
      "true",
      "{}",
      JSON.stringify({ tidakDikenal: 1 }),
      JSON.stringify({ cursor: FORGED_CURSORS[0] }),
      `{"a":"${"\\ud800"}"}`,
      JSON.stringify([sample(schema)]),
    ];
    for (const body of raw)
      out.push({ method, path: good(), body, contentType: "application/json", who: who() });
    // A CSV body where JSON is expected (and to the CSV route, CSV that is not one).
    out.push({ method, path: good(), body: "NIK;NAMA\n\u0000;;", contentType: "text/csv", who: who() });
    out.push({ method, path: good(), body: "{}", contentType: "text/plain", who: who() });

    // One field at a time, at any depth, broken in an otherwise plausible body, then missing.
    const base = sample(schema);
    if (base && typeof base === "object" && !Array.isArray(base)) {
      for (const at of pathsIn(base)) {
        for (let i = 0; i < 2; i++)
          out.push({
            method,
            path: good(),
            body: JSON.stringify(setAt(base, at, rng.pick(WRONG_VALUES))),
            contentType: "application/json",
            who: who(),
          });
        out.push({
          method,
          path: good(),
          body: JSON.stringify(setAt(base, at, undefined)),
          contentType: "application/json",
          who: who(),
        });
      }
      out.push({
        method,
        path: good(),
        // `__proto__` written as JSON text: an object literal would set the prototype instead of a key.
        body: JSON.stringify({ ...base, tambahan: "x" }).replace(/^\{/, '{"__proto__":{"admin":true},'),
        contentType: "application/json",
        who: who(),
      });
    }
  }
  return out;
}

let operations: { path: string; method: string; op: Operation }[];
const clients = new Map<string, Client>();

beforeAll(async () => {
  await freshTable();
  const doc = await new Client().get("/api/openapi.json");
  expect(doc.status).toBe(200);
  operations = Object.entries<Record<string, Operation>>(doc.body.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  for (const role of ROLES) clients.set(role, await signedIn(role));
}, 60_000);

describe("fuzz", () => {
  it("answers every malformed request with a 4xx in Indonesian JSON, never a 5xx", async () => {
    const cases = operations.flatMap(({ path, method, op }) =>
      casesFor(path, method, op).map((c) => ({ ...c, role: roleFor(method, path) })),
    );
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const started = Date.now();
    const serverErrors: string[] = [];
    const badShapes: string[] = [];
    const english: string[] = [];
    let n = 0;
    for (const c of cases) {
      n++;
      // Sign-in and sign-out are fuzzed by a throwaway client, so the role clients keep their sessions.
      const throwaway = /\/auth\/(login|logout)$/.test(c.path) || c.who === "anonymous";
      const client = throwaway
        ? new Client(`10.77.${n >> 8}.${n & 255}`)
        : clients.get(c.who === "other" ? rng.pick(ROLES) : c.role)!;
      let res: Answer;
      try {
        res = await client.request(c.method.toUpperCase(), c.path, c.body, {
          ...(c.contentType ? { "content-type": c.contentType } : {}),
        });
      } catch (error) {
        serverErrors.push(`${c.method} ${c.path.slice(0, 80)}: threw ${(error as Error).message}`);
        continue;
      }
      const label = `${res.status} ${c.method.toUpperCase()} ${c.path.slice(0, 80)} ${c.body?.slice(0, 60) ?? ""}`;
      if (res.status >= 500) serverErrors.push(`${label} → ${JSON.stringify(res.body).slice(0, 200)}`);
      else if (res.status >= 400) {
        const problem = errorShapeProblem(res.body);
        if (problem) badShapes.push(`${label} → ${problem}: ${JSON.stringify(res.body).slice(0, 200)}`);
        else {
          const found = englishIn(res.body);
          if (found !== undefined) english.push(`${label} → ${found}`);
        }
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${cases.length} requests over ${operations.length} operations in ${seconds.toFixed(1)} s; ` +
        `${serverErrors.length} 5xx, ${badShapes.length} bad shapes, ${english.length} English messages`,
    );
    for (const line of [...serverErrors, ...badShapes, ...english].slice(0, 80)) console.log(line);
    expect(serverErrors).toEqual([]);
    expect(badShapes).toEqual([]);
    expect(english).toEqual([]);
    // No time limit asserted here: timings belong to npm run bench, and a loaded CI machine is slow.
  }, 120_000);
});
