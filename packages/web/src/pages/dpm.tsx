import { createResource, createSignal, For, Show } from "solid-js";
import { DesaSelect } from "../components/desa-select.tsx";
import { Alert, Labelled } from "../components/form.tsx";
import { markRefused } from "../components/refused.ts";
import type { ImportResult } from "@puskesos/core/dpm/schema";
import { api, ApiError, call } from "../lib/api.ts";
import { formatDateTime } from "../lib/time.ts";
import { villagesTitle } from "@puskesos/core/region/words";
import { desaNames } from "../lib/regions.ts";
import "../later.css";

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
  const [fileName, setFileName] = createSignal("");

  const upload = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = (new FormData(form).get("file") as File | null) ?? null;
    // The file picker is marked wrong, tied to the answer, and takes the focus; a good upload clears it.
    const blameFile = (wrong: boolean) => markRefused(form, wrong ? { file: "" } : {}, "dpm-answer")?.focus();
    setMessage("");
    setResult(undefined);
    blameFile(false);
    if (!desa()) {
      document.getElementById("dpm-desa")?.focus();
      return setMessage(`Pilih ${villagesTitle(tree()).toLowerCase()} terlebih dahulu.`);
    }
    if (!file || !file.name) {
      blameFile(true);
      return setMessage("Pilih berkas CSV DPM.");
    }
    if (!file.size) {
      blameFile(true);
      return setMessage(`Berkas ${file.name} kosong: tidak ada satu baris pun.`);
    }
    setBusy(true);
    try {
      // The extract goes as the CSV it is, not JSON: the typed client's request, with the file as its body.
      const body = await file.text();
      setResult(
        await call(
          api.dpm[":desa"].$put(
            { param: { desa: desa() } },
            { headers: { "content-type": "text/csv" }, init: { body } },
          ),
        ),
      );
      await refetch();
    } catch (error) {
      blameFile(true);
      setMessage(
        error instanceof ApiError
          ? [
              error.message,
              // A whole-file reason is the message itself; only the rows' own lines add to it.
              ...error.fields
                .filter((f) => f.message !== error.message)
                .slice(0, 20)
                .map((f) => `${f.field}: ${f.message}`),
            ].join("\n")
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
        Berkas CSV per {villagesTitle(tree()).toLowerCase()} dengan kolom NIK dan NAMA (ALAMAT dan DESIL bila
        ada). Impor menggantikan daftar lama {villagesTitle(tree()).toLowerCase()} itu sekaligus.
      </p>
      <Labelled label={villagesTitle(tree())} for="dpm-desa">
        <DesaSelect id="dpm-desa" tree={tree()} value={desa()} onChange={setDesa} testid="dpm-desa" />
      </Labelled>
      <Show when={current()}>
        {(c) => (
          <p data-testid="dpm-current">
            DPM saat ini: {c().count} baris, diimpor {formatDateTime(c().importedAt)} oleh {c().importedBy}.
          </p>
        )}
      </Show>
      <Show when={desa() && current() === null}>
        <p class="muted">DPM {desaNames(tree(), desa()).desa} belum pernah diimpor.</p>
      </Show>
      <form class="filters" onSubmit={upload}>
        {/* The browser's own file button speaks the browser's language; this one speaks Indonesian. */}
        <div class="file-pick">
          <input
            id="dpm-file"
            class="visually-hidden"
            type="file"
            name="file"
            accept=".csv,text/csv"
            data-testid="dpm-file"
            onChange={(e) => setFileName(e.currentTarget.files?.[0]?.name ?? "")}
          />
          <label for="dpm-file" class="button secondary">
            Pilih berkas CSV
          </label>
          <span class="muted" aria-live="polite">
            {fileName() || "Belum ada berkas dipilih."}
          </span>
        </div>
        <button type="submit" disabled={busy()}>
          {busy() ? "Mengimpor…" : "Impor"}
        </button>
      </form>
      <Show when={message()}>
        <Alert id="dpm-answer">
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
