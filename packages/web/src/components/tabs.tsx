import { For } from "solid-js";
import "./tabs.css";

/** A list's views as a row of toggle buttons, the chosen one pressed (a filter, not a navigation). */
export function Tabs<T extends string>(props: {
  label: string;
  options: readonly (readonly [T, string])[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div class="tabs" role="group" aria-label={props.label}>
      <For each={props.options}>
        {([code, label]) => (
          <button type="button" aria-pressed={props.value === code} onClick={() => props.onChange(code)}>
            {label}
          </button>
        )}
      </For>
    </div>
  );
}
