import { For, Show, type JSX } from "solid-js";
import * as v from "valibot";
import { toFieldIssues } from "@puskesos/core/validation";
import { ApiError, type FieldError } from "../lib/api.ts";

/** Field errors by dotted path, from a valibot result or from the server's 422. */
export type Errors = Record<string, string>;

function byField(issues: FieldError[]): Errors {
  const out: Errors = {};
  for (const issue of issues) out[issue.field] ??= issue.message;
  return out;
}

export function errorsFromApi(error: unknown): { message: string; fields: Errors } {
  if (error instanceof ApiError) {
    return { message: error.message, fields: byField(error.fields) };
  }
  return { message: "Terjadi kesalahan yang tidak terduga. Coba lagi.", fields: {} };
}

/** Validates with the same schema the server uses; returns the output or the field errors. */
export function check<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; errors: Errors } {
  const result = v.safeParse(schema, input);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, errors: byField(toFieldIssues(schema, result.issues)) };
}

export function Field(props: {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
  children: JSX.Element;
}) {
  return (
    <div class="field" classList={{ invalid: Boolean(props.error) }}>
      <label for={props.name}>{props.label}</label>
      {props.children}
      <Show when={props.hint && !props.error}>
        <small class="hint">{props.hint}</small>
      </Show>
      <Show when={props.error}>
        <small class="error" id={`${props.name}-error`} role="alert">
          {props.error}
        </small>
      </Show>
    </div>
  );
}

export function Alert(props: { kind?: "error" | "success" | "info"; children: JSX.Element }) {
  return (
    <div
      class={`alert ${props.kind ?? "error"}`}
      role={props.kind === "error" || !props.kind ? "alert" : "status"}
    >
      {props.children}
    </div>
  );
}

export function ErrorList(props: { errors: Errors }) {
  const entries = () => Object.entries(props.errors);
  return (
    <Show when={entries().length > 1}>
      <ul class="error-list">
        <For each={entries()}>{([, message]) => <li>{message}</li>}</For>
      </ul>
    </Show>
  );
}
