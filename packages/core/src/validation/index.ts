import * as v from "valibot";
import { ValidationError, type FieldIssue } from "../error/index.ts";

/** Indonesian fallbacks for valibot issues that carry no message of their schema's own. */
function fallback(issue: v.BaseIssue<unknown>): string {
  if (issue.received === "undefined") return "wajib diisi.";
  switch (issue.type) {
    case "string":
      return "harus berupa teks.";
    case "number":
      return "harus berupa angka.";
    case "boolean":
      return "harus bernilai ya/tidak.";
    case "object":
      return "harus berupa objek JSON.";
    case "array":
      return "harus berupa daftar.";
    case "strict_object":
      return `tidak dikenal (${issue.received}).`;
    default:
      return `tidak valid (${issue.received}).`;
  }
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (
    issue.path
      ?.map((item) => ("key" in item ? String(item.key) : ""))
      .filter(Boolean)
      .join(".") ?? ""
  );
}

/**
 * Turns valibot issues into field issues. Schemas in core give every field an Indonesian message
 * that names it ("Nama pengguna minimal 3 karakter."), so the same text appears in the form and in
 * the API's 422.
 */
export function toFieldIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.map((issue) => {
    const field = pathOf(issue) || "body";
    const own = issue.message && !issue.message.startsWith("Invalid ");
    return { field, message: own ? issue.message : `Isian "${field}" ${fallback(issue)}` };
  });
}

export function validationError(issues: readonly v.BaseIssue<unknown>[]) {
  const fields = toFieldIssues(issues);
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
  if (!result.success) throw validationError(result.issues);
  return result.output;
}
