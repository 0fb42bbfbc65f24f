import { createSignal, For, Index, Show } from "solid-js";
import { categoryName, type Catalog, type CategoryRoute, type Opd } from "@puskesos/core/catalog/schema";
import { api, call } from "../lib/api.ts";
import { createEdits, EditAnswer } from "./edits.tsx";
import "../later.css";

/**
 * Manager: the OPDs the referral form suggests for each complaint category, beside those of the
 * resident's PPKS routes; an OPD both point at comes ticked.
 */
export function CategoryRoutes(props: { catalog: Catalog; onSaved: () => unknown }) {
  const edits = createEdits(props.onSaved);
  const [changed, setChanged] = createSignal<CategoryRoute[]>();
  const editing = () => changed() ?? props.catalog.categoryRoutes;
  const nameOf = (code: string) => props.catalog.opds.find((o) => o.code === code)?.name ?? code;
  const toggle = (category: string, code: string) =>
    setChanged(
      editing().map((r) =>
        r.category !== category
          ? r
          : { ...r, opds: r.opds.includes(code) ? r.opds.filter((c) => c !== code) : [...r.opds, code] },
      ),
    );
  const save = () =>
    edits.run(async () => {
      await call(api.catalog["category-routes"].$put({ json: { routes: editing() } }));
      setChanged(undefined);
      return "OPD per kategori pengaduan disimpan.";
    });

  return (
    <>
      <h2 id="kategori">OPD per kategori pengaduan</h2>
      <p class="muted">
        Formulir rujukan back office menyarankan OPD kategori pengaduan bersama OPD rute PPKS warga; OPD yang
        ditunjuk keduanya langsung tercentang.
      </p>
      <Index each={editing()}>
        {(route) => (
          <details class="route" data-testid={`category-route-${route().category}`}>
            <summary>
              {categoryName(route().category) ?? route().category} —{" "}
              {route().opds.length ? route().opds.map(nameOf).join(", ") : "belum ada OPD"}
            </summary>
            <OpdChecks
              opds={props.catalog.opds}
              chosen={route().opds}
              onToggle={(code) => toggle(route().category, code)}
            />
          </details>
        )}
      </Index>
      <EditAnswer edits={edits} />
      <Show when={changed()}>
        <p class="muted">Ada perubahan yang belum disimpan.</p>
      </Show>
      <button type="button" onClick={save}>
        Simpan OPD per kategori
      </button>
    </>
  );
}

/** The catalog's OPDs as ticks, for a route being edited. */
export function OpdChecks(props: { opds: Opd[]; chosen: string[]; onToggle: (code: string) => void }) {
  return (
    <div class="columns">
      <For each={props.opds}>
        {(o) => (
          <label class="check">
            <input
              type="checkbox"
              checked={props.chosen.includes(o.code)}
              onChange={() => props.onToggle(o.code)}
            />{" "}
            {o.name}
          </label>
        )}
      </For>
    </div>
  );
}
