import * as v from "valibot";
import { ValidationError, type FieldIssue } from "../error/index.ts";

/**
 * Turns valibot issues into field issues in Indonesian. Every field schema in core carries its own
 * messages ("Nama pengguna minimal 3 karakter.") and a `v.title` label; a missing or unexpected key
 * is reported by the object schema, so the label is looked up by walking the schema to the field.
 * The same text appears in the Solid form and in the API's 422.
 */
export function toFieldIssues(
  schema: v.GenericSchema,
  issues: readonly v.BaseIssue<unknown>[],
): FieldIssue[] {
  // valibot's object schemas accept arrays as objects and then report every key as missing.
  if (issues.some((issue) => Array.isArray(issue.path?.[0]?.input)))
    return [{ field: "body", message: "Badan permintaan harus berupa objek JSON." }];
  return issues.map((issue) => {
    const keys = issue.path?.map((item) => ("key" in item ? String(item.key) : "")) ?? [];
    const field = keys.filter(Boolean).join(".") || "body";
    return { field, message: messageOf(schema, issue, keys, field) };
  });
}

function messageOf(
  schema: v.GenericSchema,
  issue: v.BaseIssue<unknown>,
  keys: string[],
  field: string,
): string {
  const objectLike =
    issue.type === "object" || issue.type === "strict_object" || issue.type === "loose_object";
  if (objectLike && keys.length > 0) {
    const label = labelAt(schema, keys) ?? `Isian "${field}"`;
    if (issue.expected === "never") return `Isian "${field}" tidak dikenal.`;
    if (issue.received === "undefined") return `${label} wajib diisi.`;
  }
  if (objectLike && keys.length === 0) return "Badan permintaan harus berupa objek JSON.";
  // A field sent empty (null from a form, undefined in-process) is missing, not of a wrong type.
  if (
    issue.kind === "schema" &&
    keys.length > 0 &&
    (issue.received === "undefined" || issue.received === "null")
  )
    return `${labelAt(schema, keys) ?? `Isian "${field}"`} wajib diisi.`;
  if (issue.message && !issue.message.startsWith("Invalid ")) return issue.message;
  return fallbackMessage(issue, labelAt(schema, keys) ?? `Isian "${field}"`);
}

/** How valibot names the types it expected, in the words a form would use. */
const TYPE_NAMES: Record<string, string> = {
  string: "teks",
  number: "angka",
  boolean: "true atau false",
  Array: "daftar",
  Object: "objek",
};

/**
 * A schema without its own message gets valibot's English default ("Invalid type: Expected string but
 * received 5"): say the same in Indonesian from the issue's kind, naming the field.
 */
function fallbackMessage(issue: v.BaseIssue<unknown>, label: string): string {
  const expected = issue.kind === "schema" ? TYPE_NAMES[issue.expected ?? ""] : undefined;
  if (expected) return `${label} harus berupa ${expected}.`;
  const unit = Array.isArray(issue.input) ? "butir" : "karakter";
  const requirement = (issue as { requirement?: unknown }).requirement;
  if (issue.type === "max_length") return `${label} maksimal ${String(requirement)} ${unit}.`;
  if (issue.type === "min_length") return `${label} minimal ${String(requirement)} ${unit}.`;
  return `${label} tidak valid.`;
}

type Walkable = v.GenericSchema & {
  entries?: Record<string, Walkable>;
  item?: Walkable;
  wrapped?: Walkable;
  pipe?: unknown[];
};

/**
 * The `v.title` of the schema at `keys` inside object, list and optional schemas. A field inside a
 * list is numbered by its place, counted from 1 ("Langkah 1.2": the second step of the first goal),
 * never named by its path ("goals.0.steps.1.step").
 */
function labelAt(schema: v.GenericSchema, keys: string[]): string | undefined {
  let current: Walkable | undefined = schema as Walkable;
  const places: number[] = [];
  for (const key of keys) {
    while (current?.wrapped) current = current.wrapped;
    if (current?.item && /^\d+$/.test(key)) {
      places.push(Number(key) + 1);
      current = current.item;
    } else current = current?.entries?.[key];
  }
  while (current?.wrapped && !titleOf(current)) current = current.wrapped;
  const title = current ? titleOf(current) : undefined;
  return title && places.length ? `${title} ${places.join(".")}` : title;
}

const titleOf = (schema: Walkable) => ("pipe" in schema ? v.getTitle(schema) : undefined);

export function validationError(schema: v.GenericSchema, issues: readonly v.BaseIssue<unknown>[]) {
  const fields = toFieldIssues(schema, issues);
  const first = fields[0];
  return ValidationError(
    first
      ? `${first.message}${fields.length > 1 ? ` (dan ${fields.length - 1} isian lain)` : ""}`
      : "Isian tidak valid.",
    fields,
  );
}

/** Parses input with a schema, throwing a 422 ValidationError in Indonesian on failure. */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (!result.success) throw validationError(schema, result.issues);
  return result.output;
}
