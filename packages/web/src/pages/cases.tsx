import { A, useNavigate } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { CATALOGS } from "@puskesos/core/catalog/schema";
import {
  CASE_STATE_LABELS,
  ImportHandoverSchema,
  type CasePage,
  type CaseState,
} from "@puskesos/core/casework/schema";
import { Alert, errorsFromApi, sentenceFromApi } from "../components/form.tsx";
import { markRefused } from "../components/refused.ts";
import { ListTable } from "../components/list-table.tsx";
import { Tabs } from "../components/tabs.tsx";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { can } from "../lib/session.ts";
import { dayOf, formatDay } from "../lib/time.ts";
import "../later.css";

const STATUSES = [
  ["perlu-tindakan", "Perlu tindakan"],
  ["terbuka", "Terbuka"],
  ["ditutup", "Ditutup"],
] as const;
type Status = (typeof STATUSES)[number][0];

const ppksName = (code: string) => CATALOGS.ppks.find((p) => p.code === code)?.name ?? code;

/** A signed handover file from another kabupaten, opened as a case here. */
function ImportHandover() {
  const navigate = useNavigate();
  const [message, setMessage] = createSignal("");
  const [name, setName] = createSignal("");
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setMessage("");
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem("file") as HTMLInputElement;
    const chosen = input.files?.[0];
    try {
      const json = checked(ImportHandoverSchema, { file: chosen ? await chosen.text() : "" });
      const opened = await call(api.cases.import.$post({ json }));
      navigate(`/kasus/${opened.id}`);
    } catch (error) {
      setMessage(sentenceFromApi(error));
      // The file picker the refusal names is marked wrong, tied to the answer, and takes the focus.
      markRefused(form, errorsFromApi(error).fields, "handover-import-answer")?.focus();
    }
  };
  return (
    <form class="filters" onSubmit={submit} data-testid="handover-import">
      <h2>Terima serah terima dari kabupaten/kota lain</h2>
      <Show when={message()}>
        <Alert id="handover-import-answer">{message()}</Alert>
      </Show>
      <div class="file-pick">
        <input
          id="handover-file"
          class="visually-hidden"
          type="file"
          name="file"
          accept=".json,application/json"
          onChange={(e) => setName(e.currentTarget.files?.[0]?.name ?? "")}
        />
        <label for="handover-file" class="button secondary">
          Pilih berkas serah terima
        </label>
        <span class="muted" aria-live="polite">
          {name() || "Belum ada berkas dipilih."}
        </span>
      </div>
      <button type="submit">Impor dan buka kasus</button>
    </form>
  );
}

/** The caller's cases: a worker's own, a supervisor's kecamatan's, the manajer's all. */
export default function Cases() {
  const [status, setStatus] = createSignal<Status>("perlu-tindakan");
  // Each page of the list is kept; "Muat lagi" adds the next one (50 cases a page).
  const [pages, setPages] = createSignal<CasePage[]>([]);
  const [page] = createResource(
    () => (can("case.read") ? status() : undefined),
    async (s) => {
      const first = await call(api.cases.$get({ query: { status: s } }));
      setPages([first]);
      return first;
    },
  );
  const more = async () => {
    const cursor = pages().at(-1)?.cursor;
    if (!cursor) return;
    const next = await call(api.cases.$get({ query: { status: status(), cursor } }));
    setPages([...pages(), next]);
  };
  const items = () => pages().flatMap((p) => p.items);
  return (
    <section class="card">
      <h1>Kasus</h1>
      <p class="buttons">
        <Show when={can("case.open")}>
          <A class="button" href="/kasus/baru">
            Buka kasus baru
          </A>
        </Show>
        <Show when={can("facility.read") || can("facility.manage")}>
          <A href="/fasilitas">Fasilitas dan tempat kosong</A>
        </Show>
        <Show when={can("handover.keys")}>
          <A href="/kunci-serah-terima">Kunci serah terima</A>
        </Show>
      </p>
      <Show when={can("case.read")}>
        <Tabs label="Status kasus" options={STATUSES} value={status()} onChange={setStatus} />
        <ListTable
          headers={["Klien", "PPKS", "Status", "Pekerja sosial", "Dibuka"]}
          items={page.latest ? items() : undefined}
          source={page}
          empty={
            status() === "perlu-tindakan"
              ? "Tidak ada kasus yang menunggu Anda. Kasus yang sedang berjalan ada di Terbuka."
              : status() === "terbuka"
                ? "Tidak ada kasus yang sedang berjalan."
                : "Belum ada kasus yang ditutup."
          }
          testid="case-list"
          label="Daftar kasus"
        >
          {(c) => (
            <tr>
              <td>
                <A href={`/kasus/${c.id}`}>{c.client.name}</A>
              </td>
              <td>{ppksName(c.client.ppks)}</td>
              <td>
                {CASE_STATE_LABELS[c.state as CaseState]}
                <Show when={c.overdueSteps}>
                  {" "}
                  <span class="badge">{c.overdueSteps} lewat target</span>
                </Show>
                <Show when={c.returned}>
                  {" "}
                  <span class="badge">dikembalikan</span>
                </Show>
              </td>
              <td>{c.workerName}</td>
              <td>{formatDay(dayOf(c.openedAt))}</td>
            </tr>
          )}
        </ListTable>
        <Show when={pages().at(-1)?.cursor}>
          <button type="button" class="secondary" onClick={() => void more()}>
            Muat lagi
          </button>
        </Show>
      </Show>
      <Show when={!can("case.read")}>
        <p class="muted">
          Kasus yang Anda buka ditangani pekerja sosial yang Anda pilih; isi kasus hanya dapat dibaca pekerja
          sosial itu, supervisornya, dan manajer.
        </p>
      </Show>
      <Show when={can("handover.import")}>
        <ImportHandover />
      </Show>
    </section>
  );
}
