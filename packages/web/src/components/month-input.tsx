import { createSignal, Show } from "solid-js";
import { periodName } from "./figures.tsx";

/**
 * A month picker for a report's period. A month typed past `max` (a browser lets the keyboard pass the
 * picker's limit) or before `min` is refused on the field, which keeps the month shown; only a month in
 * range reaches `onChange`.
 */
export function MonthInput(props: {
  id: string;
  value: string;
  min: string;
  max: string;
  onChange: (month: string) => void;
}) {
  const [refusal, setRefusal] = createSignal("");
  const choose = (input: HTMLInputElement) => {
    const month = input.value;
    if (!month) return;
    if (month > props.max) setRefusal(`Bulan ${periodName(month)} belum tiba.`);
    else if (month < props.min) setRefusal(`Pilih bulan mulai ${periodName(props.min)}.`);
    else {
      setRefusal("");
      return props.onChange(month);
    }
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
        aria-invalid={refusal() ? "true" : undefined}
        aria-describedby={refusal() ? `${props.id}-error` : undefined}
        onChange={(e) => choose(e.currentTarget)}
      />
      <Show when={refusal()}>
        <small id={`${props.id}-error`} class="error" role="alert">
          {refusal()}
        </small>
      </Show>
    </>
  );
}
