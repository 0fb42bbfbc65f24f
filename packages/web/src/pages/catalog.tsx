import { createSignal, For, Index, Show } from "solid-js";
import { AddProgramSchema, PPKS_BY_RUMPUN, type Route } from "@puskesos/core/catalog/schema";
import { Alert, createEdits, Labelled } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { useCatalog } from "../lib/catalog.ts";
import { can } from "../lib/session.ts";
import { IndicatorsSection } from "../components/indicators.tsx";

/**
 * Manager: the kabupaten's own OPDs and programs, which OPDs serve which PPKS types, and the welfare
 * indicators the survey team records; each part shown to the roles that may change it.
 */
export default function CatalogPage() {
  const [catalog, { refetch }] = useCatalog();
  const { message, run } = createEdits(() => refetch());
  const [routes, setRoutes] = createSignal<Route[]>();
  const editing = () => routes() ?? catalog()?.routes ?? [];

  const addOpd = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get("name") ?? "");
    void run(async () => {
      await call(api.catalog.opds.$post({ json: { name } }));
      form.reset();
      return `OPD ${name} ditambahkan.`;
    });
  };
  const addProgram = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    void run(async () => {
      const json = checked(AddProgramSchema, { name, field: String(data.get("field")) });
      await call(api.catalog.programs.$post({ json }));
      form.reset();
      return `Program ${name} ditambahkan.`;
    });
  };
  const toggle = (i: number, key: "ppks" | "opds", code: string) =>
    setRoutes(
      editing().map((r, j) =>
        j !== i
          ? r
          : { ...r, [key]: r[key].includes(code) ? r[key].filter((c) => c !== code) : [...r[key], code] },
      ),
    );
  const saveRoutes = () =>
    run(async () => {
      await call(api.catalog.routes.$put({ json: { routes: editing() } }));
      setRoutes(undefined);
      return "Rute rujukan disimpan.";
    });

  return (
    <section class="card">
      <h1>Katalog kabupaten</h1>
      <nav class="sections" aria-label="Bagian katalog">
        <Show when={can("catalog.update")}>
          <a href="#opd">OPD</a> · <a href="#program">Program</a> · <a href="#rute">Rute rujukan</a>
        </Show>
        <Show when={can("catalog.update") && can("indicator.manage")}> · </Show>
        <Show when={can("indicator.manage")}>
          <a href="#indikator">Indikator kabupaten</a>
        </Show>
      </nav>
      <Show when={message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <Show when={can("catalog.update") && catalog()}>
        {(c) => (
          <>
            <h2 id="opd">OPD</h2>
            <p class="muted">
              {c()
                .opds.map((o) => o.name)
                .join(" · ")}
            </p>
            <form class="filters" onSubmit={addOpd}>
              <Labelled label="OPD baru" for="new-opd">
                <input id="new-opd" name="name" data-testid="new-opd" />
              </Labelled>
              <button type="submit">Tambah OPD</button>
            </form>
            <h2 id="program">Program</h2>
            <p class="muted">
              {c()
                .programs.map((p) => p.name)
                .join(" · ")}
            </p>
            <form class="filters" onSubmit={addProgram}>
              <Labelled label="Program baru" for="new-program">
                <input id="new-program" name="name" data-testid="new-program" />
              </Labelled>
              <Labelled label="Bidang" for="new-program-field">
                <select id="new-program-field" name="field">
                  <option value="kesehatan">Kesehatan</option>
                  <option value="pendidikan">Pendidikan</option>
                  <option value="sosial">Sosial</option>
                  <option value="ekonomi">Ekonomi</option>
                </select>
              </Labelled>
              <button type="submit">Tambah program</button>
            </form>
            <h2 id="rute">Rute rujukan</h2>
            <Index each={editing()}>
              {(route, i) => (
                <details class="route">
                  <summary>
                    {route().case} —{" "}
                    {route()
                      .opds.map((code) => c().opds.find((o) => o.code === code)?.name ?? code)
                      .join(", ")}
                  </summary>
                  <div class="columns">
                    <For each={PPKS_BY_RUMPUN.flatMap((r) => r.types)}>
                      {(p) => (
                        <label class="check">
                          <input
                            type="checkbox"
                            checked={route().ppks.includes(p.code)}
                            onChange={() => toggle(i, "ppks", p.code)}
                          />{" "}
                          {p.name}
                        </label>
                      )}
                    </For>
                  </div>
                  <div class="columns">
                    <For each={c().opds}>
                      {(o) => (
                        <label class="check">
                          <input
                            type="checkbox"
                            checked={route().opds.includes(o.code)}
                            onChange={() => toggle(i, "opds", o.code)}
                          />{" "}
                          {o.name}
                        </label>
                      )}
                    </For>
                  </div>
                </details>
              )}
            </Index>
            <button type="button" onClick={saveRoutes}>
              Simpan rute rujukan
            </button>
          </>
        )}
      </Show>
      <Show when={can("indicator.manage")}>
        <IndicatorsSection />
      </Show>
    </section>
  );
}
