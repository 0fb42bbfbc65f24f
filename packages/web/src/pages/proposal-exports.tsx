import { createResource, createSignal, Show } from "solid-js";
import { newId } from "../lib/id.ts";
import { desaWord, kabupatenWord } from "@puskesos/core/region/words";
import {
  CreateExportSchema,
  type ExportFormat,
  type ProposalExportView,
} from "@puskesos/core/proposal-export/schema";
import { DesaSelect } from "../components/desa-select.tsx";
import { Alert, errorsFromApi, Labelled } from "../components/form.tsx";
import { ListTable } from "../components/list-table.tsx";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { formatDateTime } from "../lib/time.ts";
import { villagesTitle } from "@puskesos/core/region/words";
import "../later.css";

const listBatches = (cursor?: string) =>
  call(api["proposal-exports"].$get({ query: cursor ? { cursor } : {} }));

const fileUrl = (id: string, format: ExportFormat) => `/api/proposal-exports/${id}/file?format=${format}`;

/** What a batch holds, in words. */
function contents(b: ProposalExportView): string {
  const parts = [`${b.households} rumah tangga, ${b.members} anggota`];
  if (b.skipped) parts.push(`${b.skipped} dilewati karena berubah`);
  if (b.remaining) parts.push(`${b.remaining} menunggu batch berikutnya`);
  return parts.join("; ");
}

/**
 * Manajer: the households the musdes confirmed, exported as a numbered batch for upload to
 * DTSEN/SIKS-NG, for one desa or the whole kabupaten; each batch downloads as XLSX or CSV (the files
 * hold the full NIKs; each download is in the audit log).
 */
export default function ProposalExports() {
  const [tree] = createResource(() => call(api.regions.$get()));
  const [area, setArea] = createSignal<"desa" | "kabupaten">("desa");
  const [desa, setDesa] = createSignal("");
  const [cursor, setCursor] = createSignal<string>();
  const [batches, { refetch }] = createResource(
    () => ({ cursor: cursor() }),
    (c) => listBatches(c.cursor),
  );
  const chosenDesa = () => (area() === "desa" ? desa() : undefined);
  const [waiting, { refetch: refetchWaiting }] = createResource(
    () => (area() === "desa" && !desa() ? false : { desa: chosenDesa() ?? "" }),
    ({ desa: code }) =>
      call(api.proposals.$get({ query: { state: "ditetapkan-musdes", ...(code ? { desa: code } : {}) } })),
  );
  const [message, setMessage] = createSignal<{ kind: "error" | "success" | "info"; text: string }>();
  const [busy, setBusy] = createSignal(false);
  /** The batch being made: its id stays until the server finished it, so a resend never makes a second. */
  let pendingId: string | undefined;

  const create = async () => {
    setMessage(undefined);
    if (area() === "desa" && !desa())
      return setMessage({
        kind: "error",
        text: `Pilih ${villagesTitle(tree()).toLowerCase()} terlebih dahulu.`,
      });
    setBusy(true);
    try {
      pendingId ??= newId();
      const code = chosenDesa();
      const json = checked(CreateExportSchema, { id: pendingId, ...(code ? { desaCode: code } : {}) });
      const batch = await call(api["proposal-exports"].$post({ json }));
      if (batch.complete) pendingId = undefined;
      setMessage(
        batch.complete
          ? { kind: "success", text: `Batch ${batch.number} (${batch.area}) dibuat: ${contents(batch)}.` }
          : {
              kind: "info",
              text: `Batch ${batch.number} belum selesai (${contents(batch)}). Tekan Buat batch ekspor lagi untuk menyelesaikannya.`,
            },
      );
      setCursor(undefined);
      await Promise.all([refetch(), refetchWaiting()]);
    } catch (error) {
      setMessage({ kind: "error", text: errorsFromApi(error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <h1>Ekspor usulan</h1>
      <p class="muted">
        Rumah tangga yang ditetapkan musdes, sebagai batch bernomor untuk diunggah ke DTSEN/SIKS-NG. Berkas
        berisi NIK lengkap; setiap unduhan dicatat di log audit.
      </p>
      <fieldset>
        <legend>Wilayah ekspor</legend>
        <label class="check">
          <input
            type="radio"
            name="area"
            value="desa"
            checked={area() === "desa"}
            onChange={() => setArea("desa")}
          />{" "}
          Satu {desaWord(tree()?.kecamatan.flatMap((k) => k.desa) ?? [])}
        </label>
        <label class="check">
          <input
            type="radio"
            name="area"
            value="kabupaten"
            checked={area() === "kabupaten"}
            onChange={() => setArea("kabupaten")}
          />{" "}
          Seluruh {tree() ? kabupatenWord(tree()!).toLowerCase() : "kabupaten"}
        </label>
        <Show when={area() === "desa"}>
          <Labelled label={villagesTitle(tree())} for="export-desa">
            <DesaSelect id="export-desa" tree={tree()} value={desa()} onChange={setDesa} />
          </Labelled>
        </Show>
        <Show when={waiting()}>
          {(w) => (
            <p data-testid="export-waiting">
              {w().items.length}
              {w().cursor ? "+" : ""} usulan ditetapkan musdes menunggu ekspor.
            </p>
          )}
        </Show>
        <button type="button" onClick={create} disabled={busy()}>
          {busy() ? "Membuat…" : "Buat batch ekspor"}
        </button>
      </fieldset>
      <Show when={message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <h2>Batch ekspor</h2>
      <ListTable
        headers={["Nomor", "Wilayah", "Dibuat", "Isi", "Berkas"]}
        items={batches.latest?.items}
        source={batches}
        empty="Belum ada batch ekspor."
        testid="export-table"
        label="Batch ekspor"
      >
        {(b) => (
          <tr data-testid={`export-${b.id}`}>
            <td>{b.number}</td>
            <td>{b.area}</td>
            <td>
              {formatDateTime(b.at)} oleh {b.byName}
            </td>
            <td>
              {contents(b)}
              {b.complete ? "" : " (belum selesai)"}
            </td>
            <td class="buttons">
              <a class="button small" href={fileUrl(b.id, "xlsx")} download="">
                Unduh XLSX
              </a>
              <a class="button small" href={fileUrl(b.id, "csv")} download="">
                Unduh CSV
              </a>
            </td>
          </tr>
        )}
      </ListTable>
      <Show when={batches.latest?.cursor}>
        {(next) => (
          <button type="button" class="secondary" onClick={() => setCursor(next())}>
            Halaman berikutnya
          </button>
        )}
      </Show>
    </section>
  );
}
