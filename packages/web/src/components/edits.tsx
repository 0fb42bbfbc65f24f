import { createSignal, Show } from "solid-js";
import { Alert, errorsFromApi, sentenceFromApi, type Errors } from "./form.tsx";
import { focusRefused, markRefused } from "./refused.ts";

// Apart from form.tsx: the intake form, on the first route, uses none of it (issue 15's budget).

let made = 0;

/**
 * For a page of small edits (catalog, indicators): `run` does one, shows its result or the server's
 * refusal as one message, and reloads what the page lists. Given the form, a refusal also marks the
 * fields it names (tied to the message) and focuses the first, as a form with its own field errors does.
 */
export function createEdits(reload: () => unknown) {
  const alertId = `edit-answer-${++made}`;
  const [message, setMessage] = createSignal<{ kind: "error" | "success"; text: string }>();
  /** The refusal's reasons by field, for forms that show each under its field. */
  const [fields, setFields] = createSignal<Errors>({});
  const clear = () => {
    setMessage(undefined);
    setFields({});
  };
  // The forms of one page part share the answer: the marks of the last one refused go with its message.
  let marked: HTMLFormElement | undefined;
  const run = async (work: () => Promise<string>, form?: HTMLFormElement) => {
    clear();
    if (marked) markRefused(marked, {}, alertId);
    marked = form;
    try {
      setMessage({ kind: "success", text: await work() });
      await reload();
      // The reloaded list may have grown above the answer (a new row on a phone): back into view.
      requestAnimationFrame(() => document.getElementById(alertId)?.scrollIntoView?.({ block: "nearest" }));
    } catch (error) {
      setMessage({ kind: "error", text: sentenceFromApi(error) });
      setFields(errorsFromApi(error).fields);
      if (form) focusRefused(markRefused(form, fields(), alertId), alertId);
    }
  };
  return { message, fields, run, clear, alertId };
}

/**
 * An edit's answer where it was made (under its form), brought into view: the form's button may be the
 * last thing on a phone's screen.
 */
export function EditAnswer(props: {
  edits: {
    message: () => { kind: "error" | "success"; text: string } | undefined;
    fields?: () => Errors;
    alertId?: string;
  };
  /** The form shows each field's reason under it: a refusal naming fields is not said again here. */
  fieldsShown?: boolean;
}) {
  const shown = () => {
    const m = props.edits.message();
    const named = Object.keys(props.edits.fields?.() ?? {}).length > 0;
    return m?.kind === "error" && props.fieldsShown && named ? undefined : m;
  };
  return (
    <Show when={shown()}>
      {(m) => (
        <div class="edit-answer" ref={(e) => queueMicrotask(() => e.scrollIntoView?.({ block: "nearest" }))}>
          <Alert kind={m().kind} id={props.edits.alertId}>
            {m().text}
          </Alert>
        </div>
      )}
    </Show>
  );
}
