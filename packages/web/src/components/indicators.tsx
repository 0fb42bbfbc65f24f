import { useLocation } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Show } from "solid-js";
import { AddIndicatorSchema, INDICATOR_KINDS, type IndicatorKind } from "@puskesos/core/indicator/schema";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { formatDate } from "../lib/time.ts";
import { Alert, Labelled } from "./form.tsx";
import { createEdits, EditAnswer } from "./edits.tsx";
import { ListTable } from "./list-table.tsx";
import { ask } from "../lib/ask.ts";
import "../later.css";

/**
 * The kabupaten's own indicators the survey team records at each verval, beside the national F1
 * variables: added and retired here, in force at once (no redeploy). A retired one stays on the results
 * that recorded it.
 */
export function IndicatorsSection() {
  const [list, { refetch }] = createResource(() => call(api.indicators.$get()));
  const [kind, setKind] = createSignal<IndicatorKind>("ya-tidak");
  const { message, run } = createEdits(() => refetch());
  // The add form answers under itself: on a phone the list's top is screens away.
  const adding = createEdits(() => refetch());
  // Opened from the home page's task (/katalog#indikator): the section comes into view once listed.
  const location = useLocation();
  createEffect(() => {
    if (list() && location.hash === "#indikator")
      queueMicrotask(() => document.getElementById("indikator")?.scrollIntoView());
  });

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const options = String(data.get("options") ?? "")
      .split("\n")
      .map((o) => o.trim())
      .filter(Boolean);
    void adding.run(async () => {
      const json = checked(AddIndicatorSchema, {
        label: String(data.get("label") ?? ""),
        kind: kind(),
        ...(kind() === "pilihan" ? { options } : {}),
      });
      const added = await call(api.indicators.$post({ json }));
      form.reset();
      setKind("ya-tidak");
      return `Indikator ${added.label} ditambahkan; tim survei mencatatnya mulai sekarang.`;
    }, form);
  };
  const retire = async (code: string, label: string) => {
    const question = `Hentikan indikator "${label}"? Hasil verval yang sudah mencatatnya tetap menyimpannya.`;
    if (!(await ask(question, "Hentikan indikator"))) return;
    void run(async () => {
      await call(api.indicators[":code"].retire.$post({ param: { code } }));
      return `Indikator ${label} dihentikan.`;
    });
  };

  return (
    <section id="indikator" data-testid="indicators">
      <h2>Indikator kabupaten/kota</h2>
      <p class="muted">
        Dicatat tim survei saat verval, di samping variabel F1. Indikator yang dihentikan tidak ditanyakan
        lagi; hasil lama tetap menyimpannya.
      </p>
      <Show when={message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <ListTable
        headers={["Indikator", "Jenis isian", "Status", "Tindakan"]}
        items={list.latest}
        source={list}
        empty="Belum ada indikator kabupaten/kota."
        testid="indicator-table"
        label="Indikator kabupaten/kota"
      >
        {(i) => (
          <tr classList={{ inactive: !i.active }}>
            <td>{i.label}</td>
            <td>
              {INDICATOR_KINDS[i.kind]}
              {i.options?.length ? `: ${i.options.join(", ")}` : ""}
            </td>
            <td>{i.active ? "Aktif" : `Dihentikan ${formatDate(i.retiredAt ?? i.createdAt, "medium")}`}</td>
            <td class="buttons">
              <Show when={i.active}>
                <button type="button" class="secondary danger" onClick={() => retire(i.code, i.label)}>
                  Hentikan
                </button>
              </Show>
            </td>
          </tr>
        )}
      </ListTable>
      <form class="filters" onSubmit={add}>
        <Labelled label="Indikator baru" for="new-indicator">
          <input id="new-indicator" name="label" />
        </Labelled>
        <Labelled label="Jenis isian" for="new-indicator-kind">
          <select
            id="new-indicator-kind"
            name="kind"
            value={kind()}
            onChange={(e) => setKind(e.currentTarget.value as IndicatorKind)}
          >
            <For each={Object.entries(INDICATOR_KINDS)}>
              {([code, label]) => <option value={code}>{label}</option>}
            </For>
          </select>
        </Labelled>
        <Show when={kind() === "pilihan"}>
          <Labelled label="Pilihan (satu per baris)" for="new-indicator-options">
            <textarea id="new-indicator-options" name="options" rows="3" />
          </Labelled>
        </Show>
        <button type="submit">Tambah indikator</button>
      </form>
      <EditAnswer edits={adding} />
    </section>
  );
}
