import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { useConfig } from "../config/index.ts";

/**
 * Personal fields sealed inside their item (DESIGN §6, UU PDP): NIK, No. KK, phone numbers, what is
 * known of a case's client, case notes and handover files are stored AES-256-GCM encrypted with a data
 * key derived from the stack's secret, tagged with the key's version so it can be rotated
 * (`npm run rotate-data-key`). Lookups do not need them: they go through the keyed NIK hash.
 *
 * The db layer seals on every write and opens on every read by the item's key (`RULES`), so no module
 * can forget to, and a dump of the table shows none of them.
 */
const PREFIX = /^enc1(j?):(\d{1,4}):([A-Za-z0-9_-]+)$/;

interface Rule {
  pk: string;
  sk?: string;
  /** Dotted paths; `*` steps into every element of a list. */
  paths: string[];
}

const RULES: Rule[] = [
  { pk: "COMPLAINT#", sk: "COMPLAINT", paths: ["reporter.nik", "reporter.kk", "reporter.phone"] },
  { pk: "PROPOSAL#", sk: "PROPOSAL", paths: ["kk", "members.*.nik"] },
  { pk: "CASE#", sk: "CASE", paths: ["client.nik", "client.known"] },
  { pk: "CASE#", sk: "ENTRY#", paths: ["data"] },
  { pk: "HANDOVER#", paths: ["text"] },
  { pk: "PRIVACYREQ#", paths: ["nik", "contact"] },
  // A correction's earlier and new values of the reporter (NIK, No. KK, phone among them).
  { pk: "COMPLAINT#", sk: "EVENT#", paths: ["changes"] },
];

const rulesOf = (key: { pk?: unknown; sk?: unknown }) =>
  RULES.filter(
    (r) =>
      typeof key.pk === "string" &&
      key.pk.startsWith(r.pk) &&
      (!r.sk || (typeof key.sk === "string" && key.sk.startsWith(r.sk))),
  );

const keys = new Map<string, Buffer>();

function dataKey(version: number): Buffer {
  const seed = useConfig().dataKeySeed;
  if (!seed) throw new Error("Data key seed not configured");
  const id = `${seed}\n${version}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", seed, "puskesos", `data-key-v${version}`, 32));
    keys.set(id, key);
  }
  return key;
}

/** The version new values are sealed with (the newest key). */
export const currentVersion = () => useConfig().dataKeyVersion;

/** A value sealed: strings as they are, anything else (a case entry's fields) as JSON. */
export function seal(value: unknown, version = currentVersion()): string {
  const json = typeof value !== "string";
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", dataKey(version), iv);
  const body = Buffer.concat([cipher.update(json ? JSON.stringify(value) : value, "utf8"), cipher.final()]);
  const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
  return `enc1${json ? "j" : ""}:${version}:${sealed}`;
}

/** The key version a stored value is sealed with, or undefined for a value in clear. */
export const versionOf = (value: unknown) =>
  typeof value === "string" ? Number(PREFIX.exec(value)?.[2]) || undefined : undefined;

/** A sealed value opened; a value stored before sealing began is returned as it is. */
export function open(value: unknown): unknown {
  const match = typeof value === "string" ? PREFIX.exec(value) : null;
  if (!match) return value;
  const raw = Buffer.from(match[3]!, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", dataKey(Number(match[2])), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
    "utf8",
  );
  return match[1] ? JSON.parse(text) : text;
}

/** Applies `change` at a dotted path of `target` (in place), stepping into lists at `*`. */
function at(target: unknown, path: string[], change: (value: unknown) => unknown): void {
  if (!target || typeof target !== "object") return;
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === "*") {
    if (Array.isArray(target)) for (const item of target) at(item, rest, change);
    return;
  }
  const record = target as Record<string, unknown>;
  if (!(head in record) || record[head] === undefined) return;
  if (rest.length) at(record[head], rest, change);
  else record[head] = change(record[head]);
}

/** A copy of a value deep enough to change its sealed paths without touching the caller's object. */
const copy = <T>(value: T): T => structuredClone(value);

/** An item (or an update's `set`) with its personal fields sealed, by the rules of its key. */
export function sealFields<T extends Record<string, unknown>>(
  key: { pk?: unknown; sk?: unknown },
  fields: T,
): T {
  const rules = rulesOf(key);
  const touched = rules.flatMap((r) => r.paths).filter((p) => p.split(".")[0]! in fields);
  if (!touched.length) return fields;
  const out = { ...fields };
  for (const path of touched) {
    const head = path.split(".")[0]!;
    out[head as keyof T] = copy(out[head as keyof T]);
    at(out, path.split("."), (v) => (v === undefined || versionOf(v) ? v : seal(v)));
  }
  return out;
}

/** An item read from the table with its sealed fields opened. */
export function openFields<T>(item: T): T {
  if (!item || typeof item !== "object") return item;
  const rules = rulesOf(item as { pk?: unknown; sk?: unknown });
  if (!rules.length) return item;
  for (const path of rules.flatMap((r) => r.paths)) at(item, path.split("."), open);
  return item;
}

/** Every sealed path of an item whose key the rules name, for the rotation command. */
export function sealedValues(item: Record<string, unknown>): unknown[] {
  const found: unknown[] = [];
  for (const path of rulesOf(item).flatMap((r) => r.paths))
    at(structuredClone(item), path.split("."), (v) => {
      found.push(v);
      return v;
    });
  return found;
}
