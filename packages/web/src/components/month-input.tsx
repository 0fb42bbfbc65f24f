import { createSignal, Show } from "solid-js";
import * as v from "valibot";
import { MonthSchema } from "@puskesos/core/report/schema";
import { periodName } from "./figures.tsx";

/**
 * A month picker for a report's period. A month typed past `max` (a browser lets the keyboard pass the
 * picker's limit), before `min`, or not as a month at all (a browser without a month picker shows a text
 * box) is refused on the field, which then shows the month it had; only a month in range reaches
 * `onChange`. Chrome reports each typed segment as a change ("0002-03", "0020-03", … while the year is
 * typed), so a month too early is only refused once the field is left: it may be a year half typed.
 */
export function MonthInput(props: {
  id: string;
  value: string;
  min: string;
  max: string;
  onChange: (month: string) => void;
}) {
  const [refusal, setRefusal] = createSignal("");
  const settle = (input: HTMLInputElement, left: boolean) => {
    const month = input.value.trim();
    // Left as it is shown (perhaps after a refusal put it back): nothing new to say.
    if (left && month === props.value) return;
    let reason = "";
    if (!month) {
      // Emptied (or half cleared in the picker): nothing to refuse, the month shown comes back when left.
      if (left) input.value = props.value;
      return setRefusal("");
    }
    if (!v.is(MonthSchema, month)) reason = `Tulis bulan seperti ${props.max}.`;
    else if (month > props.max) reason = `Bulan ${periodName(month)} belum tiba.`;
    else if (month < props.min) {
      if (!left) return;
      reason = `Pilih bulan mulai ${periodName(props.min)}.`;
    } else {
      setRefusal("");
      if (month !== props.value) props.onChange(month);
      return;
    }
    setRefusal(reason);
    input.value = props.value;
  };
  return (
    <>
      <input
        id={props.id}
        type="month"
        value={props.value}
        min={props.min}
        max={props.max}
        placeholder={props.max}
        aria-invalid={refusal() ? "true" : undefined}
        aria-describedby={refusal() ? `${props.id}-error` : undefined}
        onChange={(e) => settle(e.currentTarget, document.activeElement !== e.currentTarget)}
        onBlur={(e) => settle(e.currentTarget, true)}
      />
      <Show when={refusal()}>
        <small id={`${props.id}-error`} class="error" role="alert">
          {refusal()}
        </small>
      </Show>
    </>
  );
}
