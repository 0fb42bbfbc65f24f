import { createEffect, createSignal, For, Show, type JSX } from "solid-js";
import * as v from "valibot";
import { toFieldIssues } from "@puskesos/core/validation";
import { ApiError, type FieldError as FieldIssue } from "../lib/api.ts";

/** Field errors by dotted path, from a valibot result or from the server's 422. */
export type Errors = Record<string, string>;

function byField(issues: FieldIssue[]): Errors {
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

/**
 * An API refusal in one line: each field's reason once, or the message when no field is named (a
 * refusal's message only repeats its first field's, "… (dan 1 isian lain)").
 */
export function sentenceFromApi(error: unknown): string {
  const e = errorsFromApi(error);
  const reasons = Object.values(e.fields).filter((m, i, a) => a.indexOf(m) === i);
  return reasons.length ? reasons.join(" ") : e.message;
}

/** A field's own reason, under it, said by a screen reader as it appears. */
export const FieldError = (props: { error: string | undefined }) => (
  <Show when={props.error}>
    <small class="error" role="alert">
      {props.error}
    </small>
  </Show>
);

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

/** Marks the control with this id as wrong and tied to its message, or clears both, for screen readers. */
function markControl(id: string, error: string | undefined) {
  const control = document.getElementById(id);
  if (!control) return;
  const described = (control.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter((t) => t && t !== `${id}-error`);
  if (error) {
    control.setAttribute("aria-invalid", "true");
    control.dataset.refused = "";
    described.push(`${id}-error`);
  } else if (control.dataset.refused !== undefined) {
    // Only the mark set here goes: a control may mark itself (the NIK field, as the officer types).
    control.removeAttribute("aria-invalid");
    delete control.dataset.refused;
  }
  if (described.length) control.setAttribute("aria-describedby", described.join(" "));
  else control.removeAttribute("aria-describedby");
}

/**
 * Whether the form already shows every field's reason of a refusal (call it after setting them:
 * Solid draws at once). Its message would only say the first of them a second time.
 */
export const saidByFields = (form: HTMLFormElement, fields: Errors) => {
  const reasons = Object.values(fields);
  return reasons.length > 0 && reasons.every((r) => form.textContent?.includes(r));
};

/** After a refused submit, the first field marked wrong takes the focus (its message is read with it). */
export function focusFirstInvalid(form: HTMLFormElement) {
  queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export function Field(props: {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string;
  children: JSX.Element;
}) {
  createEffect(() => markControl(props.name, props.error));
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

/** A filter or small form control with its own label beside it (never wrapped: its name is the label alone). */
export function Labelled(props: { label: string; for: string; children: JSX.Element }) {
  return (
    <div class="labelled">
      <label for={props.for}>{props.label}</label>
      {props.children}
    </div>
  );
}

export function Alert(props: { kind?: "error" | "success" | "info"; id?: string; children: JSX.Element }) {
  return (
    <div
      id={props.id}
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

/**
 * The submit cycle every form shares: check with the server's schema before sending, send, and
 * show the server's refusal on the fields it names.
 */
export function createForm<S extends v.GenericSchema>(options: {
  schema: S;
  read: (form: FormData) => unknown;
  /** Checks the schema cannot make (two fields agreeing); errors stop the submit. */
  precheck?: (form: FormData) => Errors | undefined;
  /** Rewrites schema errors where the form knows a clearer word. */
  adjust?: (errors: Errors) => Errors;
  /** The error key a control's name stands for, where they differ (`verval-1a2b-reason` → `reason`). */
  keyOf?: (name: string) => string | undefined;
  send: (value: v.InferOutput<S>, form: HTMLFormElement) => Promise<void>;
}) {
  const [errors, setErrors] = createSignal<Errors>({});
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  /** The last submit was sent and taken: an earlier success must not stand beside a new refusal. */
  const [sent, setSent] = createSignal(false);

  // Once a submit has shown errors, a field's error goes as soon as the officer has fixed that field,
  // not at the next submit; while it is still wrong its message follows what is typed now (a message
  // about the last value sent would describe a number no longer in the box). Only the edited field's
  // errors change, and typing never adds one.
  const revise = (event: Event) => {
    const name = (event.target as { name?: unknown } | null)?.name;
    const shown = errors();
    if (typeof name !== "string" || !name || !Object.keys(shown).length) return;
    const field = options.keyOf ? options.keyOf(name) : name;
    if (!field) return;
    const element = event.currentTarget as HTMLFormElement;
    const data = new FormData(element);
    const input = check(options.schema, options.read(data));
    const schemaErrors = input.ok ? {} : (options.adjust?.(input.errors) ?? input.errors);
    // Merged as submit merges them: the form's own check says it better than the schema.
    const still: Errors = { ...schemaErrors, ...options.precheck?.(data) };
    const next: Errors = {};
    for (const [key, message] of Object.entries(shown)) {
      const now = key === field || key.endsWith(`.${field}`) ? still[key] : message;
      if (now) next[key] = now;
    }
    if (JSON.stringify(next) !== JSON.stringify(shown)) setErrors(next);
  };
  const watched = new WeakSet<HTMLFormElement>();
  const watch = (element: HTMLFormElement) => {
    if (watched.has(element)) return;
    watched.add(element);
    element.addEventListener("input", revise);
    element.addEventListener("change", revise);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    watch(element);
    const data = new FormData(element);
    setMessage("");
    setSent(false);
    // Every error at once: the form's own checks beside the schema's, not one kind at a time.
    const early = options.precheck?.(data);
    const input = check(options.schema, options.read(data));
    if (early || !input.ok) {
      setErrors({ ...(input.ok ? {} : (options.adjust?.(input.errors) ?? input.errors)), ...early });
      return focusFirstInvalid(element);
    }
    setErrors({});
    setBusy(true);
    try {
      await options.send(input.value, element);
      setSent(true);
      // The page's confirmation is drawn above the form: after a long one, off a phone's screen. (A form
      // drawn again from what was saved has left the page; its section's alert is then the page's.)
      (element.isConnected ? element.closest("section") : document)
        ?.querySelector(".alert.success")
        ?.scrollIntoView({ block: "nearest" });
    } catch (error) {
      const refusal = errorsFromApi(error);
      setErrors(refusal.fields);
      setMessage(saidByFields(element, refusal.fields) ? "" : refusal.message);
      focusFirstInvalid(element);
    } finally {
      setBusy(false);
    }
  };
  return { errors, message, busy, sent, submit };
}
