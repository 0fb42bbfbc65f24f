import { createSignal, Show } from "solid-js";
import { Alert, errorsFromApi, sentenceFromApi, type Errors } from "./form.tsx";

// Apart from form.tsx: the intake form, on the first route, uses none of it (issue 15's budget).

/**
 * For a page of small edits (catalog, indicators): `run` does one, shows its result or the server's
 * refusal as one message, and reloads what the page lists.
 */
export function createEdits(reload: () => unknown) {
  const [message, setMessage] = createSignal<{ kind: "error" | "success"; text: string }>();
  /** The refusal's reasons by field, for forms that show each under its field. */
  const [fields, setFields] = createSignal<Errors>({});
  const clear = () => {
    setMessage(undefined);
    setFields({});
  };
  const run = async (work: () => Promise<string>) => {
    clear();
    try {
      setMessage({ kind: "success", text: await work() });
      await reload();
    } catch (error) {
      setMessage({ kind: "error", text: sentenceFromApi(error) });
      setFields(errorsFromApi(error).fields);
    }
  };
  return { message, fields, run, clear };
}

/**
 * An edit's answer where it was made (under its form), brought into view: the form's button may be the
 * last thing on a phone's screen.
 */
export function EditAnswer(props: {
  edits: {
    message: () => { kind: "error" | "success"; text: string } | undefined;
    fields?: () => Errors;
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
          <Alert kind={m().kind}>{m().text}</Alert>
        </div>
      )}
    </Show>
  );
}
