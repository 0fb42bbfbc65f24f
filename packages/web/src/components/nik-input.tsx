import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { checkKk, checkNik } from "@puskesos/core/resident/nik";
import { today } from "../lib/time.ts";
import { formatDay } from "@puskesos/core/time/calendar";

/**
 * A NIK or No. KK field that says what is wrong while the officer types (the same check the server
 * makes), and what it reads from a valid NIK (birth date, sex) so a mistyped digit shows.
 */
export function IdInput(props: {
  id: string;
  name: string;
  kind: "nik" | "kk";
  serverError?: string | undefined;
  required?: boolean;
  /** Filled in already (the reporter as the household's first member). */
  initial?: string | undefined;
}) {
  const [value, setValue] = createSignal(props.initial ?? "");
  let input!: HTMLInputElement;
  // A form cleared after it was sent (form.reset()) fires no input event: without this, what was
  // read from the last NIK would stay under the empty field.
  onMount(() => {
    const form = input.form;
    if (!form) return;
    const clear = () => setValue(props.initial ?? "");
    form.addEventListener("reset", clear);
    onCleanup(() => form.removeEventListener("reset", clear));
  });
  const result = () => {
    const v = value().trim();
    if (!v) return undefined;
    return props.kind === "nik" ? checkNik(v, { today: today() }) : checkKk(v, { today: today() });
  };
  const hint = () => {
    const r = result();
    if (!r) return undefined;
    if (!r.ok) return { error: true, text: r.reason };
    if ("birthDate" in r && r.birthDate)
      return {
        error: false,
        text: `Lahir ${formatDay(r.birthDate)}, ${r.sex === "P" ? "perempuan" : "laki-laki"}`,
      };
    return { error: false, text: "Format benar" };
  };
  return (
    <>
      <input
        ref={input}
        id={props.id}
        name={props.name}
        inputmode="numeric"
        autocomplete="off"
        maxlength="20"
        value={props.initial ?? ""}
        onInput={(e) => setValue(e.currentTarget.value)}
        aria-invalid={Boolean(props.serverError) || Boolean(hint()?.error)}
      />
      <Show when={!props.serverError && hint()}>
        {(h) => (
          <small class={h().error ? "error" : "hint"} data-testid={`${props.id}-check`}>
            {h().text}
          </small>
        )}
      </Show>
      {/* Read out once the number is whole (16 digits), not at every keystroke on the way there. */}
      <span class="visually-hidden" aria-live="polite" data-testid={`${props.id}-spoken`}>
        {value().replace(/\D/g, "").length >= 16 ? hint()?.text : ""}
      </span>
    </>
  );
}
