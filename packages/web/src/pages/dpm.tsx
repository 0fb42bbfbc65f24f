import { createResource, createSignal, For, Show } from "solid-js";
import { DesaSelect } from "../components/desa-select.tsx";
import { Alert } from "../components/form.tsx";
import { api, ApiError, call } from "../lib/api.ts";

interface ImportResult {
  imported: number;
  rejected: number;
  errors: { line: number; field: string; message: string }[];
}

/** Admin: import a desa's DPM extract (CSV) and see which rows were refused and why. */
export default function Dpm() {
  const [tree] = createResource(() => call(api.regions.$get()));
  const [desa, setDesa] = createSignal("");
  const [current, { refetch }] = createResource(desa, (code) =>
    code ? call(api.dpm[":desa"].$get({ param: { desa: code } })) : null,
  );
  const [result, setResult] = createSignal<ImportResult>();
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  const upload = async (event: SubmitEvent) => {
    event.preventDefault();
    const file = (new FormData(event.currentTarget as HTMLFormElement).get("file") as File | null) ?? null;
    setMessage("");
    setResult(undefined);
    if (!desa()) return setMessage("Pilih desa terlebih dahulu.");
    if (!file || !file.size) return setMessage("Pilih berkas CSV DPM.");
    setBusy(true);
    try {
      // The typed client sends JSON; the extract goes as the CSV it is.
      const res = await fetch(`/api/dpm/${encodeURIComponent(desa())}`, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "content-type": "text/csv" },
        body: await file.text(),
      });
      const body = await res.json();
      if (!res.ok)
        throw new ApiError(
          res.status,
          body.error?.message ?? `Server menjawab ${res.status}.`,
          body.error?.fields ?? [],
        );
      setResult(body);
      await refetch();
    } catch (error) {
      setMessage(
        error instanceof ApiError
          ? [error.message, ...error.fields.slice(0, 20).map((f) => `${f.field}: ${f.message}`)].join("\n")
          : "Gagal mengunggah berkas.",
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <h1>Impor DPM</h1>
      <p class="muted">
        Berkas CSV per desa dengan kolom NIK dan NAMA (ALAMAT dan DESIL bila ada). Impor menggantikan daftar
        lama desa itu sekaligus.
      </p>
      <label class="inline">
        Desa
        <DesaSelect tree={tree()} value={desa()} onChange={setDesa} testid="dpm-desa" />
      </label>
      <Show when={current()}>
        {(c) => (
          <p data-testid="dpm-current">
            DPM saat ini: {c().count} baris, diimpor {new Date(c().importedAt).toLocaleString("id-ID")} oleh{" "}
            {c().importedBy}.
          </p>
        )}
      </Show>
      <Show when={desa() && current() === null}>
        <p class="muted">DPM desa ini belum pernah diimpor.</p>
      </Show>
      <form onSubmit={upload}>
        <input type="file" name="file" accept=".csv,text/csv" data-testid="dpm-file" />{" "}
        <button type="submit" disabled={busy()}>
          {busy() ? "Mengimpor…" : "Impor"}
        </button>
      </form>
      <Show when={message()}>
        <Alert>
          <span class="pre">{message()}</span>
        </Alert>
      </Show>
      <Show when={result()}>
        {(r) => (
          <>
            <Alert kind={r().rejected ? "info" : "success"}>
              <span data-testid="dpm-result">
                {r().imported} baris diimpor, {r().rejected} baris ditolak.
              </span>
            </Alert>
            <Show when={r().errors.length}>
              <table>
                <thead>
                  <tr>
                    <th>Baris</th>
                    <th>Kolom</th>
                    <th>Masalah</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().errors}>
                    {(e) => (
                      <tr>
                        <td>{e.line}</td>
                        <td>{e.field}</td>
                        <td>{e.message}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
