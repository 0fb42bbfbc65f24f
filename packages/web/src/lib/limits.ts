import type * as v from "valibot";

/**
 * The longest a field may be, read from its schema's `maxLength` (the one the server checks), so a
 * form's `maxlength` and counter never hold a second copy of the number.
 */
export function maxLengthOf(schema: v.GenericSchema): number {
  const pipe = "pipe" in schema ? (schema.pipe as readonly { type?: string; requirement?: unknown }[]) : [];
  const max = pipe.find((item) => item.type === "max_length")?.requirement;
  if (typeof max !== "number") throw new Error("Skema ini tidak punya batas panjang (maxLength).");
  return max;
}
