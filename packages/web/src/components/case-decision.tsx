import { createSignal, Show } from "solid-js";
import {
  AdmitSchema,
  ApproveCaseSchema,
  AssessmentSchema,
  CASE_WORKFLOW,
  DischargeSchema,
  EvaluationSchema,
  HandOverSchema,
  InterventionSchema,
  PlanSchema,
  ReturnCaseSchema,
  TerminationSchema,
  type CaseAction,
  type CaseView,
} from "@puskesos/core/casework/schema";
import { api, ApiError, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { me } from "../lib/session.ts";
import { bodyOf, CaseFields } from "./case-fields.tsx";
import { Alert, errorsFromApi, sentenceFromApi } from "./form.tsx";
import { kabupatenNamed } from "./kabupaten-field.tsx";
import { focusRefused, markRefused } from "./refused.ts";
import "./records.css";

const cases = api.cases[":id"];
/** Each action through its own typed route, its body checked with the action's declared schema first. */
const SEND: Record<CaseAction, (id: string, body: unknown) => Promise<CaseView>> = {
  assess: (id, b) => call(cases.assess.$post({ param: { id }, json: checked(AssessmentSchema, b) })),
  "submit-plan": (id, b) => call(cases["submit-plan"].$post({ param: { id }, json: checked(PlanSchema, b) })),
  "approve-plan": (id, b) =>
    call(cases["approve-plan"].$post({ param: { id }, json: checked(ApproveCaseSchema, b) })),
  "return-plan": (id, b) =>
    call(cases["return-plan"].$post({ param: { id }, json: checked(ReturnCaseSchema, b) })),
  intervene: (id, b) => call(cases.intervene.$post({ param: { id }, json: checked(InterventionSchema, b) })),
  evaluate: (id, b) => call(cases.evaluate.$post({ param: { id }, json: checked(EvaluationSchema, b) })),
  "submit-termination": (id, b) =>
    call(cases["submit-termination"].$post({ param: { id }, json: checked(TerminationSchema, b) })),
  "approve-termination": (id, b) =>
    call(cases["approve-termination"].$post({ param: { id }, json: checked(ApproveCaseSchema, b) })),
  "return-termination": (id, b) =>
    call(cases["return-termination"].$post({ param: { id }, json: checked(ReturnCaseSchema, b) })),
  admit: (id, b) => call(cases.admit.$post({ param: { id }, json: checked(AdmitSchema, b) })),
  discharge: (id, b) => call(cases.discharge.$post({ param: { id }, json: checked(DischargeSchema, b) })),
  "hand-over": (id, b) => call(cases["hand-over"].$post({ param: { id }, json: checked(HandOverSchema, b) })),
};

/**
 * The question asked before an action core declares irreversible (`confirm`): who and where, from what the
 * form holds. None when the server will refuse it anyway (another kabupaten's code that is no kabupaten,
 * or this one): the refusal then comes without a question about a step that will not happen.
 */
const QUESTION: Partial<
  Record<CaseAction, (body: Record<string, unknown>, view: CaseView) => Promise<string | undefined>>
> = {
  "hand-over": async (body, view) => {
    const code = String(body.toKabupatenCode ?? "");
    if (code === me()?.scope.code.slice(0, 5)) return undefined;
    const name = await kabupatenNamed(code);
    // No list to name it from (a weak link): still asked, by its code.
    return name === undefined ? undefined : `Serahkan ${view.client.name} ke ${name ?? `kabupaten ${code}`}?`;
  },
};

/** An action: its fields, and a button sent with the version the worker is looking at. */
export function Decision(props: {
  action: CaseAction;
  view: CaseView;
  /** What this action recorded last time (a termination sent back is sent again from it). */
  previous?: Record<string, unknown> | undefined;
  onDone: (done: string) => void;
  /** The next step begun: the last step's "done" above no longer describes the page. */
  onOpen?: () => void;
  /** After a 409: reloads the case and says whether its newest entry is this officer's own `action`. */
  ownChange?: (action: CaseAction) => Promise<boolean>;
}) {
  const spec = () => CASE_WORKFLOW.actions[props.action];
  const [open, setOpen] = createSignal(false);
  // Focus follows the form: to its heading when it opens, back to its button when it closes.
  let opener: HTMLButtonElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  const show = (value: boolean) => {
    setOpen(value);
    if (value) props.onOpen?.();
    queueMicrotask(() => (value ? heading : opener)?.focus());
  };
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    // One send at a time: a second Enter while the question is prepared would ask twice.
    if (sending) return;
    sending = true;
    setMessage("");
    // The last refusal's marks go with its message: a question asked now is about fields set right.
    markRefused(form, {}, alertId);
    try {
      const body = bodyOf(form, props.view);
      const declared = spec();
      if ("confirm" in declared) {
        // Asked only once the fields are right (a refusal after "yes" would have asked for nothing), and
        // before the button is disabled, so that "Batal" gives the focus back to it.
        checked(declared.input, body);
        const question = await (QUESTION[props.action] ?? (async () => ""))(body, props.view);
        if (question !== undefined) {
          const { ask } = await import("../lib/ask.ts");
          if (!(await ask(`${question}\n\n${declared.confirm}`.trim(), declared.label))) return;
        }
      }
      setBusy(true);
      await SEND[props.action](props.view.id, body);
      setOpen(false);
      props.onDone(spec().done);
    } catch (error) {
      // Refused as "sudah berubah" by the officer's own earlier try, whose answer was lost: it is saved.
      if (error instanceof ApiError && error.status === 409 && (await props.ownChange?.(props.action))) {
        setOpen(false);
        props.onDone(spec().done);
        return;
      }
      setMessage(sentenceFromApi(error));
      // The reason is said at the top of a long form: the first field it names (or the form's heading,
      // just above the reason) takes the focus, so a phone shows it and a screen reader reads it.
      const named = markRefused(form, errorsFromApi(error).fields, alertId);
      if (named) focusRefused(named, alertId);
      else heading?.focus();
    } finally {
      setBusy(false);
      sending = false;
    }
  };
  let sending = false;
  const alertId = `refused-${props.action}`;
  return (
    <Show
      when={open()}
      fallback={
        <button
          type="button"
          ref={opener}
          classList={{ danger: "danger" in spec() }}
          onClick={() => show(true)}
          data-testid={`open-${props.action}`}
        >
          {spec().label}
        </button>
      }
    >
      <form class="decision" onSubmit={submit} novalidate data-testid={`decision-${props.action}`}>
        <h3 tabindex="-1" ref={heading}>
          {spec().label}
        </h3>
        <Show when={message()}>
          <Alert id={alertId}>{message()}</Alert>
        </Show>
        <CaseFields action={props.action} view={props.view} previous={props.previous} />
        <div class="buttons">
          <button type="submit" disabled={busy()} classList={{ danger: "danger" in spec() }}>
            {busy() ? "Mengirim…" : spec().label}
          </button>
          <button type="button" class="secondary" onClick={() => show(false)}>
            Batal
          </button>
        </div>
      </form>
    </Show>
  );
}
