import { isAwsError } from "../aws/index.ts";
import { UpdateCommand } from "./commands.ts";
import { sealFields } from "../seal/index.ts";
import { useDb } from "./client.ts";
import type { Write } from "./transaction.ts";

/**
 * A conditional update, described by what it does rather than as an expression string: the one
 * builder every module uses, so attribute names are always placeholders and conditions always hold.
 */
export interface UpdateSpec {
  key: Record<string, string>;
  /** Attributes to set; `undefined` values are skipped (use `remove` to delete one). */
  set?: Record<string, unknown>;
  /** Numbers to add (an absent attribute counts as 0). */
  add?: Record<string, number>;
  remove?: string[];
  /**
   * The write happens only if each attribute has this value; `undefined` means the attribute must
   * not exist. Without `expect`, the item must exist (an update never creates a half item by accident)
   * unless `upsert` is set.
   */
  expect?: Record<string, unknown>;
  /** The write happens only if each attribute is less than the other one named (a count below its capacity). */
  below?: Record<string, string>;
  upsert?: boolean;
}

interface Expression {
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** The spec with any personal field it sets sealed (seal/), by the rules of its key. */
const sealed = <S extends UpdateSpec>(spec: S): S =>
  spec.set ? { ...spec, set: sealFields(spec.key, spec.set) } : spec;

export function updateExpression(spec: UpdateSpec): Expression {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const name = (attribute: string) => {
    const placeholder = `#a${Object.keys(names).length}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const value = (v: unknown) => {
    const placeholder = `:v${Object.keys(values).length}`;
    values[placeholder] = v;
    return placeholder;
  };
  const sets = Object.entries(spec.set ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${name(k)} = ${value(v)}`);
  const adds = Object.entries(spec.add ?? {}).map(([k, v]) => `${name(k)} ${value(v)}`);
  const removes = (spec.remove ?? []).map(name);
  const clauses = [
    sets.length ? `SET ${sets.join(", ")}` : "",
    adds.length ? `ADD ${adds.join(", ")}` : "",
    removes.length ? `REMOVE ${removes.join(", ")}` : "",
  ].filter(Boolean);
  if (!clauses.length) throw new Error("updateExpression: nothing to update");
  const conditions = Object.entries(spec.expect ?? {}).map(([k, v]) =>
    v === undefined ? `attribute_not_exists(${name(k)})` : `${name(k)} = ${value(v)}`,
  );
  for (const [k, limit] of Object.entries(spec.below ?? {})) conditions.push(`${name(k)} < ${name(limit)}`);
  if (!spec.expect && !spec.upsert) conditions.push(`attribute_exists(${name(Object.keys(spec.key)[0]!)})`);
  return {
    UpdateExpression: clauses.join(" "),
    ...(conditions.length ? { ConditionExpression: conditions.join(" AND ") } : {}),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

/** A conditional update as one named write of a transaction. */
export function update(name: string, spec: UpdateSpec & { conflict?: string }): Write {
  return {
    name,
    item: { Update: { TableName: useDb().table, Key: spec.key, ...updateExpression(sealed(spec)) } },
    ...(spec.conflict ? { conflict: spec.conflict } : {}),
  };
}

/** A conditional update on its own, answering the attributes it changed (counters). */
export async function updateNow(spec: UpdateSpec): Promise<Record<string, unknown>> {
  const db = useDb();
  const out = await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: spec.key,
      ...updateExpression(sealed(spec)),
      ReturnValues: "UPDATED_NEW",
    }),
  );
  return out.Attributes ?? {};
}

/** A conditional update on its own; false when its condition no longer holds (changed or gone). */
export async function updateIf(spec: UpdateSpec): Promise<boolean> {
  try {
    await updateNow(spec);
    return true;
  } catch (error) {
    if (isAwsError(error, "ConditionalCheckFailedException")) return false;
    throw error;
  }
}
