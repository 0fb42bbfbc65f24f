import { describeRoute, resolver } from "hono-openapi";
import type * as v from "valibot";
import { ROLE_LABELS } from "@puskesos/core/actor";
import type { ActionSpec } from "@puskesos/core/workflow";

/**
 * A file answer (a download) rather than JSON: its media types, each a binary string in the
 * OpenAPI document, and how its Content-Disposition names the file.
 */
export interface FileAnswer {
  mediaTypes: readonly string[];
  filename: string;
}

const isFile = (answer: v.GenericSchema | FileAnswer): answer is FileAnswer => "mediaTypes" in answer;

function contentOf(answer: v.GenericSchema | FileAnswer) {
  if (!isFile(answer)) return { content: { "application/json": { schema: resolver(answer) } } };
  return {
    content: Object.fromEntries(
      answer.mediaTypes.map((type) => [type, { schema: { type: "string" as const, format: "binary" } }]),
    ),
    headers: {
      "Content-Disposition": {
        description: `attachment; filename="${answer.filename}"`,
        schema: { type: "string" as const },
      },
    },
  };
}

export interface Operation {
  /** The operationId: `<resource>.<verb>`, named by the workflow declarations for actions. */
  id: string;
  tags: string[];
  summary: string;
  description?: string;
  /** The success answer's body: a JSON schema, or a file. */
  response: v.GenericSchema | FileAnswer;
  /** Success statuses with that body (default 200). */
  statuses?: (200 | 201)[];
  /** Kept for clients from before a change; a newer operation replaces it. */
  deprecated?: boolean;
}

/** An operation of the OpenAPI document with its success answer's schema, from the same valibot schema the code returns. */
export function operation(op: Operation) {
  const answer = contentOf(op.response);
  return describeRoute({
    operationId: op.id,
    tags: op.tags,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.deprecated ? { deprecated: true } : {}),
    responses: Object.fromEntries(
      (op.statuses ?? [200]).map((status) => [
        status,
        { description: status === 201 ? "Dibuat" : "Berhasil", ...answer },
      ]),
    ),
  });
}

/**
 * The operation of a workflow action, described from its declaration: who may take it, from which
 * states, to which, so the API reference cannot disagree with what the server enforces.
 */
export function action(
  workflow: {
    label: string;
    stateLabels: Record<string, string>;
    actions: Record<string, ActionSpec<string, never>>;
  },
  name: string,
  op: { tags: string[]; response: v.GenericSchema; description?: string; statuses?: (200 | 201)[] },
) {
  const spec = workflow.actions[name];
  if (!spec) throw new Error(`No action ${name} in workflow ${workflow.label}`);
  const from = spec.from.map((s) => workflow.stateLabels[s]).join(", ");
  const after = spec.to ? [spec.to] : (spec.outcomes ?? []);
  const to = after.length ? ` → ${after.map((s) => workflow.stateLabels[s]).join(" atau ")}` : "";
  const roles = spec.roles.map((r) => ROLE_LABELS[r]).join(", ");
  return operation({
    id: spec.operation,
    tags: op.tags,
    summary: spec.label,
    description: [
      `Oleh: ${roles}. ${workflow.label}: ${from}${to}.`,
      spec.guard && typeof spec.guard.refusal === "string" ? `Bila tidak: ${spec.guard.refusal}` : "",
      op.description ?? "",
    ]
      .filter(Boolean)
      .join(" "),
    response: op.response,
    ...(op.statuses ? { statuses: op.statuses } : {}),
  });
}
