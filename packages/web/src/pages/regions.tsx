import { createResource, createSignal, For, Show } from "solid-js";
import { desaWord } from "@puskesos/core/region/words";
import { Alert, Labelled } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { me } from "../lib/session.ts";
import "../later.css";

export default function Regions() {
  const [tree] = createResource(() => call(api.regions.$get()));
  const [filter, setFilter] = createSignal("");
  const match = (name: string) => name.toLowerCase().includes(filter().trim().toLowerCase());

  return (
    <section class="card">
      <h1>Wilayah</h1>
      <Show when={tree.error}>
        <Alert>{(tree.error as Error).message}</Alert>
      </Show>
      <Show when={tree()}>
        {(kab) => {
          const desa = () => kab().kecamatan.flatMap((k) => k.desa);
          return (
            <>
              {/* The tree holds the caller's own area: a desa officer's is one kecamatan, not the kabupaten's. */}
              <p class="muted">
                {me()?.scope.level === "kabupaten" ? "" : "Wilayah kerja Anda di "}
                {kab().name} ({kab().code}): {kab().kecamatan.length} kecamatan, {desa().length}{" "}
                {desaWord(desa())}. Sumber: data wilayah Kemendagri (idn-area-data).
              </p>
              <Labelled label={`Cari ${desaWord(desa())} atau kecamatan`} for="region-filter">
                <input
                  id="region-filter"
                  type="search"
                  value={filter()}
                  onInput={(e) => setFilter(e.currentTarget.value)}
                />
              </Labelled>
              <For each={kab().kecamatan.filter((k) => match(k.name) || k.desa.some((d) => match(d.name)))}>
                {(kec) => (
                  <details open={filter().length > 0 || kab().kecamatan.length === 1}>
                    <summary>
                      Kecamatan {kec.name} <code>{kec.code}</code> · {kec.desa.length} {desaWord(kec.desa)}
                    </summary>
                    <ul class="columns">
                      <For each={match(kec.name) ? kec.desa : kec.desa.filter((d) => match(d.name))}>
                        {(d) => (
                          <li>
                            {d.kind === "kelurahan" ? "Kel." : "Desa"} {d.name} <code>{d.code}</code>
                          </li>
                        )}
                      </For>
                    </ul>
                  </details>
                )}
              </For>
            </>
          );
        }}
      </Show>
    </section>
  );
}
