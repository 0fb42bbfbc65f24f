import { createSignal, For, Match, Show, Switch } from "solid-js";
import type { DpmLookup } from "@puskesos/core/dpm/schema";
import { api, call } from "../lib/api.ts";
import { Labelled } from "./form.tsx";

/**
 * For a resident who came without a card: the desa's DPM searched by the start of the name, each match
 * with its NIK masked, for the officer to compare with what the resident says. Not a field of the
 * registration (nothing here is saved or kept in a draft); Enter searches instead of saving.
 */
export function DpmNameSearch(props: { desa: string }) {
  const [byName, setByName] = createSignal<DpmLookup | { error: string }>();
  const [nameQuery, setNameQuery] = createSignal("");
  const searchName = async () => {
    setByName(undefined);
    try {
      setByName(
        await call(
          api.dpm[":desa"].name.$post({ param: { desa: props.desa }, json: { name: nameQuery().trim() } }),
        ),
      );
    } catch (error) {
      setByName({ error: (error as Error).message });
    }
  };
  return (
    <details class="dpm-name">
      <summary>Tanpa KTP? Cari di DPM menurut nama</summary>
      <div class="filters">
        <Labelled label="Nama di DPM" for="dpm-name">
          <input
            id="dpm-name"
            autocomplete="off"
            value={nameQuery()}
            onInput={(e) => setNameQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter searches here; it must not save the registration.
              if (e.key !== "Enter") return;
              e.preventDefault();
              void searchName();
            }}
          />
        </Labelled>
        <button type="button" class="secondary" onClick={searchName} disabled={!props.desa}>
          Cari nama
        </button>
      </div>
      {/* Announced when it changes: the region is there before the answer comes. */}
      <div aria-live="polite">
        <Show when={byName()}>
          {(r) => (
            <div data-testid="dpm-name-result">
              <Switch>
                <Match when={"error" in r() && (r() as { error: string })}>
                  {(e) => <p class="error">{e().error}</p>}
                </Match>
                <Match when={!(r() as DpmLookup).imported}>
                  <p>DPM belum diimpor.</p>
                </Match>
                <Match when={!(r() as DpmLookup).found.length}>
                  <p>Tidak ada nama yang cocok di DPM.</p>
                </Match>
                <Match when={true}>
                  <p class="muted">Cocokkan NIK (disamarkan) dengan keterangan warga:</p>
                  <ul>
                    <For each={(r() as DpmLookup).found}>
                      {(entry) => (
                        <li>
                          <strong>{entry.name}</strong> <code>{entry.nikMasked}</code>
                          {entry.address ? `, ${entry.address}` : ""}
                          {entry.decile ? `, desil ${entry.decile}` : ""}
                        </li>
                      )}
                    </For>
                  </ul>
                </Match>
              </Switch>
            </div>
          )}
        </Show>
      </div>
    </details>
  );
}
