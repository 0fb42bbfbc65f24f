import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { CATALOGS } from "@puskesos/core/catalog/schema";
import {
  COMPLAINT_STATE_LABELS,
  COMPLAINT_STATES,
  ListComplaintsSchema,
} from "@puskesos/core/complaint/schema";
import type * as v from "valibot";
import { ComplaintTable } from "../components/complaint-table.tsx";
import { DesaSelect } from "../components/desa-select.tsx";
import { Alert, check, Labelled } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { can, me } from "../lib/session.ts";

type Filter = v.InferOutput<typeof ListComplaintsSchema>;

/**
 * The complaints of a desa: by queue day, state, category, name or NIK (sent in the body, never the
 * URL). A desa officer sees its own desa; a wider scope picks the desa first.
 */
export default function Complaints() {
  const wide = () => me()?.scope.level !== "desa";
  const [tree] = createResource(wide, (yes) => (yes ? call(api.regions.$get()) : undefined));
  const [desa, setDesa] = createSignal("");
  const [filter, setFilter] = createSignal<Filter>({});
  const [invalid, setInvalid] = createSignal("");
  const [page] = createResource(
    () => (wide() && !filter().desa ? false : filter()),
    (f) => call(api.complaints.search.$post({ json: f })),
  );

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const f: Record<string, string> = wide() && desa() ? { desa: desa() } : {};
    for (const name of ["day", "state", "category", "name", "nik"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value) f[name] = value;
    }
    const result = check(ListComplaintsSchema, f);
    setInvalid(result.ok ? "" : (Object.values(result.errors)[0] ?? ""));
    if (result.ok) setFilter(result.value);
  };

  return (
    <section class="card">
      <div class="row">
        <h1>Pengaduan</h1>
        <Show when={can("complaint.register")}>
          <A class="button" href="/pengaduan/baru">
            Daftarkan pengaduan
          </A>
        </Show>
      </div>
      <form class="filters" onSubmit={apply}>
        <Show when={wide()}>
          <Labelled label="Desa" for="filter-desa">
            <DesaSelect
              id="filter-desa"
              tree={tree()}
              value={desa()}
              onChange={setDesa}
              testid="complaint-desa"
            />
          </Labelled>
        </Show>
        <Labelled label="Hari antrian" for="filter-day">
          <input id="filter-day" type="date" name="day" />
        </Labelled>
        <Labelled label="Status" for="filter-state">
          <select id="filter-state" name="state">
            <option value="">Semua</option>
            <For each={COMPLAINT_STATES}>{(s) => <option value={s}>{COMPLAINT_STATE_LABELS[s]}</option>}</For>
          </select>
        </Labelled>
        <Labelled label="Kategori" for="filter-category">
          <select id="filter-category" name="category">
            <option value="">Semua</option>
            <For each={CATALOGS.complaintCategories}>{(c) => <option value={c.code}>{c.name}</option>}</For>
          </select>
        </Labelled>
        <Labelled label="Nama" for="filter-name">
          <input id="filter-name" name="name" autocomplete="off" />
        </Labelled>
        <Labelled label="NIK" for="filter-nik">
          <input id="filter-nik" name="nik" inputmode="numeric" autocomplete="off" />
        </Labelled>
        <button type="submit">Cari</button>
      </form>
      <Show when={invalid()}>
        <Alert>{invalid()}</Alert>
      </Show>
      <Show when={page.error}>
        <Alert>{(page.error as Error).message}</Alert>
      </Show>
      <ComplaintTable
        items={page()?.items}
        empty={
          page.loading
            ? "Memuat…"
            : wide() && !filter().desa
              ? "Pilih desa lalu Cari."
              : "Tidak ada pengaduan."
        }
        testid="complaint-table"
      />
      <Show when={page()?.cursor}>
        <button
          type="button"
          class="secondary"
          onClick={() => setFilter({ ...filter(), cursor: page()?.cursor })}
        >
          Halaman berikutnya
        </button>
      </Show>
    </section>
  );
}
