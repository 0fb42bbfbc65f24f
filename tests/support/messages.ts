/**
 * Words of English that leak into answers from a parser or a library default ("Unexpected token",
 * "Invalid type: Expected string but received number"). Indonesian messages use none of them; the
 * header name Content-Type is left out as it is quoted in Indonesian messages too.
 */
const ENGLISH =
  /\b(invalid|expected|received|unexpected|the|is|must|should|not|of|at position|token|value|string|number|boolean|array|object|undefined|length|required|missing|failed|error|internal|bad request|payload)\b/i;

/** The English message or field message of an error answer, if any. */
export function englishIn(body: unknown): string | undefined {
  const error = (body as { error?: { message?: unknown; fields?: { message?: unknown }[] } })?.error;
  const texts = [error?.message, ...(error?.fields ?? []).map((f) => f?.message)];
  return texts.find((t) => typeof t !== "string" || ENGLISH.test(t.replace(/Content-Type/g, ""))) as
    string | undefined;
}

/** Why an answer is not the API's error shape `{ error: { code, message, fields, requestId } }`, if it is not. */
export function errorShapeProblem(body: unknown): string | undefined {
  const error = (body as { error?: Record<string, unknown> })?.error;
  if (!error) return "no error object";
  if (typeof error.code !== "string") return "no code";
  if (typeof error.message !== "string" || !error.message) return "no message";
  if (!Array.isArray(error.fields)) return "no fields";
  if (typeof error.requestId !== "string") return "no requestId";
  return undefined;
}
