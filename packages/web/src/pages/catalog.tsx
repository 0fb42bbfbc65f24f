import { createSignal, For, Index, Show } from "solid-js";
import {
  AddProgramSchema,
  PPKS_BY_RUMPUN,
  SERVICE_FIELDS,
  serviceFieldName,
  SetServiceFieldSchema,
  type Program,
  type Route,
} from "@puskesos/core/catalog/schema";
import { Labelled } from "../components/form.tsx";
import { createEdits, EditAnswer } from "../components/edits.tsx";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { useCatalog } from "../lib/catalog.ts";
import { can } from "../lib/session.ts";
import { IndicatorsSection } from "../components/indicators.tsx";
import { CategoryRoutes, OpdChecks } from "../components/category-routes.tsx";
import "../later.css";

/**
 * Manager: the kabupaten's own OPDs and programs, which OPDs serve which PPKS types, and the welfare
 * indicators the survey team records; each part shown to the roles that may change it.
 */
export default function CatalogPage() {
  const [catalog, { refetch }] = useCatalog();
  // Each part answers under its own form: on a phone the page's top is a few screens away.
  const opdEdits = createEdits(() => refetch());
  const programEdits = createEdits(() => refetch());
  const routeEdits = createEdits(() => refetch());
  const [routes, setRoutes] = createSignal<Route[]>();
  const editing = () => routes() ?? catalog()?.routes ?? [];
  const [chosen, setChosen] = createSignal<string>();
  /** The programme in the service-field form: the one picked, else the first. */
  const program = () => catalog()?.programs.find((p) => p.code === chosen()) ?? catalog()?.programs[0];
  /** The programmes under each of the four fields, and those the kabupaten has not placed yet. */
  const byField = () => {
    const programs = catalog()?.programs ?? [];
    const under = (code?: string) => programs.filter((p) => p.serviceField === code);
    return [
      ...SERVICE_FIELDS.map((f) => ({ code: f.code, name: f.name, programs: under(f.code) })),
      { code: "none", name: "Belum ditentukan", programs: under(undefined) },
    ].filter((group) => group.programs.length > 0);
  };
  /** A select left on "— pilih —" sends nothing, so the schema says the field is required. */
  const chosenField = (data: FormData) => String(data.get("serviceField") ?? "") || undefined;

  const addOpd = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get("name") ?? "");
    void opdEdits.run(async () => {
      await call(api.catalog.opds.$post({ json: { name } }));
      form.reset();
      return `OPD ${name} ditambahkan.`;
    }, form);
  };
  const addProgram = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    void programEdits.run(async () => {
      const json = checked(AddProgramSchema, {
        name,
        field: String(data.get("field")),
        serviceField: chosenField(data),
      });
      await call(api.catalog.programs.$post({ json }));
      form.reset();
      return `Program ${name} ditambahkan.`;
    }, form);
  };
  const setServiceField = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const code = String(data.get("program") ?? "");
    void programEdits.run(async () => {
      const json = checked(SetServiceFieldSchema, { serviceField: chosenField(data) });
      const changed: Program = await call(
        api.catalog.programs[":code"]["service-field"].$put({ param: { code }, json }),
      );
      return `Bidang layanan ${changed.name}: ${serviceFieldName(json.serviceField)}.`;
    }, form);
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
    routeEdits.run(async () => {
      await call(api.catalog.routes.$put({ json: { routes: editing() } }));
      setRoutes(undefined);
      return "Rute rujukan disimpan.";
    });

  return (
    <section class="card">
      <h1>Katalog kabupaten/kota</h1>
      <nav class="sections" aria-label="Bagian katalog">
        <Show when={can("catalog.update")}>
          <a href="#opd">OPD</a> · <a href="#program">Program</a> · <a href="#rute">Rute rujukan</a> ·{" "}
          <a href="#kategori">OPD per kategori</a>
        </Show>
        <Show when={can("catalog.update") && can("indicator.manage")}> · </Show>
        <Show when={can("indicator.manage")}>
          <a href="#indikator">Indikator kabupaten/kota</a>
        </Show>
      </nav>
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
            <EditAnswer edits={opdEdits} />
            <h2 id="program">Program</h2>
            <For each={byField()}>
              {(group) => (
                <p class="muted" data-testid={`programs-${group.code}`}>
                  <strong>{group.name}:</strong> {group.programs.map((p) => p.name).join(" · ")}
                </p>
              )}
            </For>
            <form class="filters" onSubmit={setServiceField} data-testid="service-field-form">
              <Labelled label="Program" for="field-program">
                <select id="field-program" name="program" onChange={(e) => setChosen(e.currentTarget.value)}>
                  <For each={c().programs}>
                    {(p) => (
                      <option value={p.code} selected={p.code === program()?.code}>
                        {p.name}
                      </option>
                    )}
                  </For>
                </select>
              </Labelled>
              {/* Made again for each programme picked, so it starts at that programme's field. */}
              <Show when={program()} keyed>
                {(p) => (
                  <Labelled label="Bidang layanan" for="field-service">
                    <select id="field-service" name="serviceField">
                      <option value="">— pilih —</option>
                      <For each={SERVICE_FIELDS}>
                        {(f) => (
                          <option value={f.code} selected={f.code === p.serviceField}>
                            {f.name}
                          </option>
                        )}
                      </For>
                    </select>
                  </Labelled>
                )}
              </Show>
              <button type="submit">Ubah bidang layanan</button>
            </form>
            <form class="filters" onSubmit={addProgram}>
              <Labelled label="Program baru" for="new-program">
                <input id="new-program" name="name" data-testid="new-program" />
              </Labelled>
              <Labelled label="Bidang program" for="new-program-field">
                <select id="new-program-field" name="field">
                  <option value="kesehatan">Kesehatan</option>
                  <option value="pendidikan">Pendidikan</option>
                  <option value="sosial">Sosial</option>
                  <option value="ekonomi">Ekonomi</option>
                </select>
              </Labelled>
              <Labelled label="Bidang layanan" for="new-program-service-field">
                <select id="new-program-service-field" name="serviceField" aria-required="true">
                  <option value="">— pilih —</option>
                  <For each={SERVICE_FIELDS}>{(f) => <option value={f.code}>{f.name}</option>}</For>
                </select>
              </Labelled>
              <button type="submit">Tambah program</button>
            </form>
            <EditAnswer edits={programEdits} />
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
                  <OpdChecks
                    opds={c().opds}
                    chosen={route().opds}
                    onToggle={(code) => toggle(i, "opds", code)}
                  />
                </details>
              )}
            </Index>
            <EditAnswer edits={routeEdits} />
            <button type="button" onClick={saveRoutes}>
              Simpan rute rujukan
            </button>
            <CategoryRoutes catalog={c()} onSaved={() => refetch()} />
          </>
        )}
      </Show>
      <Show when={can("indicator.manage")}>
        <IndicatorsSection />
      </Show>
    </section>
  );
}
