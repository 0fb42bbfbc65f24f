import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { CATALOGS } from "@puskesos/core/catalog/schema";
import {
  COMPLAINT_STATE_LABELS,
  COMPLAINT_STATES,
  ListComplaintsSchema,
} from "@puskesos/core/complaint/schema";
import { ComplaintTable } from "../components/complaint-table.tsx";
import { Alert, check } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";

type Filter = Record<string, string>;

/** The desa's complaints: by queue day, state, category, name or NIK (sent in the body, never the URL). */
export default function Complaints() {
  const [filter, setFilter] = createSignal<Filter>({});
  const [invalid, setInvalid] = createSignal("");
  const [page] = createResource(filter, (f) => call(api.complaints.search.$post({ json: f as never })));

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const f: Filter = {};
    for (const name of ["day", "state", "category", "name", "nik"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value) f[name] = value;
    }
    const result = check(ListComplaintsSchema, f);
    setInvalid(result.ok ? "" : (Object.values(result.errors)[0] ?? ""));
    if (result.ok) setFilter(f);
  };

  return (
    <section class="card">
      <div class="row">
        <h1>Pengaduan</h1>
        <A class="button" href="/pengaduan/baru">
          Daftarkan pengaduan
        </A>
      </div>
      <form class="filters" onSubmit={apply}>
        <label>
          Hari antrian <input type="date" name="day" />
        </label>
        <label>
          Status
          <select name="state">
            <option value="">Semua</option>
            <For each={COMPLAINT_STATES}>{(s) => <option value={s}>{COMPLAINT_STATE_LABELS[s]}</option>}</For>
          </select>
        </label>
        <label>
          Kategori
          <select name="category">
            <option value="">Semua</option>
            <For each={CATALOGS.complaintCategories}>{(c) => <option value={c.code}>{c.name}</option>}</For>
          </select>
        </label>
        <label>
          Nama <input name="name" autocomplete="off" />
        </label>
        <label>
          NIK <input name="nik" inputmode="numeric" autocomplete="off" />
        </label>
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
        empty={page.loading ? "Memuat…" : "Tidak ada pengaduan."}
        testid="complaint-table"
      />
      <Show when={page()?.cursor}>
        <button
          type="button"
          class="secondary"
          onClick={() => setFilter({ ...filter(), cursor: page()!.cursor! })}
        >
          Halaman berikutnya
        </button>
      </Show>
    </section>
  );
}
