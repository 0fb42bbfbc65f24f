import { For } from "solid-js";
import type { Kabupaten } from "@puskesos/core/region/schema";
import { desaWord } from "@puskesos/core/region/words";

/** Every desa of the kabupaten, grouped by kecamatan; a kelurahan is marked as one. */
export function DesaSelect(props: {
  id?: string;
  tree: Kabupaten | undefined;
  value: string;
  onChange: (code: string) => void;
  testid?: string;
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data-testid={props.testid}
    >
      <option value="">— pilih {desaWord(props.tree?.kecamatan.flatMap((k) => k.desa) ?? [])} —</option>
      <For each={props.tree?.kecamatan}>
        {(k) => (
          <optgroup label={`Kec. ${k.name}`}>
            <For each={k.desa}>
              {/* Marked on the option too: the value set before the list arrived (a link's ?desa=) is
                  otherwise lost, and the picker shows "— pilih —" beside the desa's figures. */}
              {(d) => (
                <option value={d.code} selected={d.code === props.value}>
                  {d.kind === "kelurahan" ? `Kel. ${d.name}` : d.name}
                </option>
              )}
            </For>
          </optgroup>
        )}
      </For>
    </select>
  );
}
