import { For, Show, type JSX } from "solid-js";
import { RELATIONSHIPS } from "@puskesos/core/proposal/schema";
import { Field } from "./form.tsx";
import { IdInput } from "./nik-input.tsx";

/**
 * `<option>`s of a code → label table, one of them selected. With nothing to select, the list starts on
 * an empty "— pilih —", so a form sent untouched is refused by name rather than sending the first option.
 */
export const Options = (props: { of: Record<string, string>; selected?: string | undefined }) => (
  <>
    <Show when={!props.selected}>
      <option value="" selected>
        — pilih —
      </option>
    </Show>
    <For each={Object.entries(props.of)}>
      {([code, label]) => (
        <option value={code} selected={code === props.selected}>
          {label}
        </option>
      )}
    </For>
  </>
);

/**
 * One household member as the forms ask for it (proposal, verval): NIK, name and relationship to the
 * head, under the field names `<name>-nik`, `<name>-name`, `<name>-relationship`. `nik` replaces the
 * NIK field where the number is already on file.
 */
export function MemberFields(props: {
  name: string;
  error: (field: "nik" | "name" | "relationship") => string | undefined;
  nik?: JSX.Element;
  initial?: { nik?: string | undefined; name?: string | undefined; relationship?: string | undefined };
}) {
  const id = (field: string) => `${props.name}-${field}`;
  return (
    <>
      <Show
        when={props.nik}
        fallback={
          <Field label="NIK" name={id("nik")} error={props.error("nik")}>
            <IdInput
              id={id("nik")}
              name={id("nik")}
              kind="nik"
              serverError={props.error("nik")}
              initial={props.initial?.nik}
            />
          </Field>
        }
      >
        {props.nik}
      </Show>
      <Field label="Nama" name={id("name")} error={props.error("name")}>
        <input id={id("name")} name={id("name")} value={props.initial?.name ?? ""} />
      </Field>
      <Field
        label="Hubungan dengan kepala keluarga"
        name={id("relationship")}
        error={props.error("relationship")}
      >
        <select id={id("relationship")} name={id("relationship")}>
          <Options of={RELATIONSHIPS} selected={props.initial?.relationship} />
        </select>
      </Field>
    </>
  );
}
