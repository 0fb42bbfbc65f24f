import { A, useParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { CATALOGS } from "@puskesos/core/catalog/schema";
import {
  CASE_SOURCE_LABELS,
  CASE_STATE_LABELS,
  PROGRESS,
  SEX_LABELS,
  type CaseAction,
  type CaseSource,
  type CaseState,
} from "@puskesos/core/casework/schema";
import { Decision } from "../components/case-decision.tsx";
import { EntryData } from "../components/case-entry.tsx";
import { Alert } from "../components/form.tsx";
import { HandoverSummary } from "../components/handover-summary.tsx";
import { PrintedOn, printNow, useA4Print } from "../components/print.tsx";
import { api, call } from "../lib/api.ts";
import { createRecord, ownLatest } from "../lib/record.ts";
import { me } from "../lib/session.ts";
import { Unreloaded } from "../components/unreloaded.tsx";
import { formatDateTime, formatDay } from "../lib/time.ts";
import "../components/casework.css";
import "../components/records.css";
import "../later.css";

const ppksName = (code: string) => CATALOGS.ppks.find((p) => p.code === code)?.name ?? code;

export default function Case() {
  const params = useParams<{ id: string }>();
  const [done, setDone] = createSignal("");
  const {
    record: file,
    reload,
    unreloaded,
  } = createRecord(
    () => params.id,
    (id) => call(api.cases[":id"].$get({ param: { id } })),
  );
  // The case file prints on A4 (its facts, plan and entries; buttons and the menu left out), whether
  // from "Cetak berkas" or the browser's own menu: not the blank sheet of a receipt slip's styles.
  useA4Print();
  return (
    <section class="card">
      <p class="no-print">
        <A href="/kasus">← Kasus</A> ·{" "}
        <button type="button" class="secondary" onClick={printNow}>
          Cetak berkas
        </button>
      </p>
      <Show when={file.error as Error | undefined}>{(e) => <Alert>{e().message}</Alert>}</Show>
      <Show when={file()} fallback={<Show when={file.loading}>{<p class="muted">Memuat…</p>}</Show>}>
        {(f) => {
          const c = () => f().case;
          return (
            <>
              <h1>Kasus: {c().client.name}</h1>
              <PrintedOn />
              <Show when={done()}>
                <Alert kind="success">{done()}</Alert>
              </Show>
              <div class="no-print">
                <Unreloaded reason={unreloaded()} onRetry={() => void reload()} />
              </div>
              <dl class="facts">
                <dt>Status</dt>
                <dd data-testid="case-state">
                  {CASE_STATE_LABELS[c().state as CaseState]}
                  <Show when={c().overdueSteps}>
                    {" "}
                    <span class="badge">{c().overdueSteps} langkah lewat target</span>
                  </Show>
                </dd>
                <dt>Klien</dt>
                <dd>
                  {c().client.name} · {SEX_LABELS[c().client.sex as "L" | "P"]}
                  {c().client.estimatedAge !== undefined ? ` · ±${c().client.estimatedAge} tahun` : ""}
                  {c().client.birthDate ? ` · lahir ${formatDay(c().client.birthDate!)}` : ""}
                </dd>
                <dt>NIK</dt>
                <dd>
                  {c().client.nikMasked ? <code>{c().client.nikMasked}</code> : "Tidak diketahui"}
                  {/* Said for what it is: a NIK taken from the complaint, or one a worker checked against a
                      card; not a DPM finding, which the complaint's page gives. */}
                  {c().source.complaintId
                    ? " (NIK dari pengaduan)"
                    : c().client.identityVerified
                      ? " (diperiksa dengan KTP atau KK)"
                      : " (identitas belum terverifikasi)"}
                </dd>
                <dt>PPKS</dt>
                <dd>{ppksName(c().client.ppks)}</dd>
                <Show when={c().client.origin}>
                  <dt>Asal</dt>
                  <dd>{c().client.origin}</dd>
                </Show>
                <Show when={c().client.known}>
                  <dt>Yang diketahui</dt>
                  <dd class="pre">{c().client.known}</dd>
                </Show>
                <dt>Asal kasus</dt>
                <dd>
                  {CASE_SOURCE_LABELS[c().source.kind as CaseSource]}
                  <Show when={c().source.complaintId}>
                    {/* A link is for the screen: the printed file names where the case came from. */}
                    <span class="no-print">
                      {" · "}
                      <A href={`/pengaduan/${c().source.complaintId}`}>lihat pengaduan</A>
                    </span>
                  </Show>
                  {c().source.fromKabupaten ? ` · dari ${c().source.fromKabupaten}` : ""}
                </dd>
                <dt>Pekerja sosial</dt>
                <dd>{c().workerName}</dd>
                <dt>Dibuka</dt>
                <dd>{formatDateTime(c().openedAt)}</dd>
                <Show when={c().returnNote}>
                  <dt>Catatan supervisor</dt>
                  <dd class="pre" data-testid="case-return-note">
                    {c().returnNote}
                  </dd>
                </Show>
                <Show when={c().handover}>
                  {(h) => (
                    <>
                      <dt>Serah terima</dt>
                      <dd>
                        {h().toName} ·{" "}
                        <A href={`/kasus/${c().id}/serah-terima`} data-testid="handover-letter-link">
                          Surat serah terima dan berkas
                        </A>
                      </dd>
                    </>
                  )}
                </Show>
              </dl>

              {/* An imported case starts from what the other kabupaten signed: shown before the plan. */}
              <Show when={f().entries.find((e) => e.action === "open" && e.data.source === "serah-terima")}>
                {(e) => (
                  <>
                    <h2>Dari kabupaten/kota asal</h2>
                    <HandoverSummary data={e().data} />
                  </>
                )}
              </Show>

              <Show when={c().plan}>
                {(plan) => (
                  <>
                    <h2>Rencana intervensi {plan().approvedAt ? "(disetujui)" : "(belum disetujui)"}</h2>
                    <For each={plan().goals}>
                      {(g) => (
                        <div class="goal" data-testid="plan-goal">
                          <h3>
                            {g.goal}
                            {g.progress ? ` · ${PROGRESS.find(([p]) => p === g.progress)?.[1] ?? ""}` : ""}
                          </h3>
                          <p class="muted pre">{g.strategy}</p>
                          <ul>
                            <For each={g.steps}>
                              {(s) => (
                                <li>
                                  {s.step}: target {formatDay(s.targetDate)}
                                  {s.doneOn ? ` · selesai ${formatDay(s.doneOn)}` : ""}
                                  <Show when={s.overdue}>
                                    {" "}
                                    <span class="badge">lewat target</span>
                                  </Show>
                                </li>
                              )}
                            </For>
                          </ul>
                        </div>
                      )}
                    </For>
                  </>
                )}
              </Show>

              <Show when={c().stays.length}>
                <h2>Penempatan</h2>
                <ul>
                  <For each={c().stays}>
                    {(s) => (
                      <li>
                        {s.facilityName}: masuk {formatDay(s.admittedOn)}
                        {s.dischargedOn ? `, keluar ${formatDay(s.dischargedOn)}` : ", masih tinggal"}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>

              {/* The actions are for the screen: a printed case file leaves them out, heading and all. */}
              <Show when={c().actions.length}>
                <h2 class="no-print">Tindakan</h2>
                <div class="decisions buttons no-print">
                  <For each={c().actions as CaseAction[]}>
                    {(action) => (
                      <Decision
                        action={action}
                        view={c()}
                        previous={[...f().entries].reverse().find((e) => e.action === action)?.data}
                        onOpen={() => setDone("")}
                        ownChange={async (a) => ownLatest((await reload())?.entries, a, me()?.username)}
                        onDone={(label) => {
                          setDone(`${label}.`);
                          void reload();
                          // The answer is at the top, under the title: on a phone the form just
                          // closed was screens below it. The title takes the focus and the view.
                          const title = document.querySelector<HTMLElement>("main h1");
                          if (title) {
                            title.tabIndex = -1;
                            // Scrolled explicitly: focus() does not scroll to a title that has it already.
                            title.focus({ preventScroll: true });
                            title.scrollIntoView({ block: "start" });
                          }
                        }}
                      />
                    )}
                  </For>
                </div>
              </Show>

              <h2 class="spaced">Catatan kasus</h2>
              <ol class="timeline" data-testid="case-entries">
                <For each={[...f().entries].reverse()}>
                  {(e) => (
                    <li>
                      <strong>{e.label}</strong>
                      <div class="muted">
                        {formatDateTime(e.at)} · {e.byName} ({e.by})
                      </div>
                      <EntryData entry={e} goals={c().plan?.goals ?? []} />
                    </li>
                  )}
                </For>
              </ol>
            </>
          );
        }}
      </Show>
    </section>
  );
}
