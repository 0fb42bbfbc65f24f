import { createResource, createSignal, Show } from "solid-js";
import { ListComplaintsSchema } from "@puskesos/core/complaint/schema";
import type * as v from "valibot";
import { api, call } from "../lib/api.ts";
import { ComplaintTable } from "./complaint-table.tsx";
import { Alert, check, Labelled, sentenceFromApi } from "./form.tsx";

type Search = v.InferOutput<typeof ListComplaintsSchema>;

/**
 * A desa's daily search: a resident's complaints by queue day, name or NIK (the NIK goes in the
 * request body, never in a URL), 25 a page.
 */
export function ComplaintSearch(props: { desa?: string; desaName?: string }) {
  const [search, setSearch] = createSignal<Search>();
  const [invalid, setInvalid] = createSignal("");
  const [page] = createResource(search, (s) => call(api.complaints.search.$post({ json: s })));
  /** The page found, or nothing while the refusal shows (a failed resource throws when read). */
  const found = () => (page.error ? undefined : page.latest);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    // A wider scope (the SLRT front office) searches the desa picked above.
    const input: Record<string, string> = props.desa ? { desa: props.desa } : {};
    for (const name of ["day", "name", "nik"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value) input[name] = value;
    }
    const result = check(ListComplaintsSchema, input);
    setInvalid(result.ok ? "" : (Object.values(result.errors)[0] ?? ""));
    if (result.ok) setSearch(result.value);
  };

  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Cari warga{props.desaName ? ` di ${props.desaName}` : ""}</h2>
      <form class="filters" onSubmit={submit}>
        <Labelled label="Hari antrian" for="search-day">
          <input id="search-day" type="date" name="day" />
        </Labelled>
        <Labelled label="Nama" for="search-name">
          <input id="search-name" name="name" autocomplete="off" />
        </Labelled>
        <Labelled label="NIK" for="search-nik">
          <input id="search-nik" name="nik" inputmode="numeric" autocomplete="off" />
        </Labelled>
        <button type="submit">Cari</button>
      </form>
      <Show when={invalid() || (page.error && sentenceFromApi(page.error))}>
        {(text) => <Alert>{text()}</Alert>}
      </Show>
      <Show when={search()}>
        <ComplaintTable
          items={found()?.items}
          empty={
            page.loading
              ? "Memuat…"
              : search()?.day || search()?.name || search()?.nik
                ? "Tidak ada pengaduan yang cocok."
                : "Belum ada pengaduan yang tercatat."
          }
          testid="complaint-search-table"
        />
        <Show when={found()?.cursor}>
          {(cursor) => (
            <button
              type="button"
              class="secondary"
              onClick={() => setSearch({ ...search(), cursor: cursor() })}
            >
              Halaman berikutnya
            </button>
          )}
        </Show>
      </Show>
    </section>
  );
}
