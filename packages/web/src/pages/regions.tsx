import { createResource, createSignal, For, Show } from "solid-js";
import { Alert } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";

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
        {(kab) => (
          <>
            <p class="muted">
              {kab().name} ({kab().code}) · {kab().kecamatan.length} kecamatan ·{" "}
              {kab().kecamatan.reduce((n, k) => n + k.desa.length, 0)} desa/kelurahan · sumber: idn-area-data
            </p>
            <label class="inline">
              Cari desa atau kecamatan{" "}
              <input type="search" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
            </label>
            <For each={kab().kecamatan.filter((k) => match(k.name) || k.desa.some((d) => match(d.name)))}>
              {(kec) => (
                <details open={filter().length > 0 || kab().kecamatan.length === 1}>
                  <summary>
                    Kecamatan {kec.name} <code>{kec.code}</code> · {kec.desa.length} desa/kelurahan
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
        )}
      </Show>
    </section>
  );
}
