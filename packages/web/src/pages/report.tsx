import { useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import * as v from "valibot";
import {
  MonthSchema,
  REPORT_STATE_LABELS,
  REPORT_WORKFLOW,
  SubmitReportSchema,
  type Figures,
  type MonthlyReport,
} from "@puskesos/core/report/schema";
import { DesaSelect } from "../components/desa-select.tsx";
import { FigureSections, periodName, sameFigures } from "../components/figures.tsx";
import { Alert, createForm, Field, Labelled } from "../components/form.tsx";
import { ListTable } from "../components/list-table.tsx";
import { MonthInput } from "../components/month-input.tsx";
import { printNow, useA4Print } from "../components/print.tsx";
import { api, call } from "../lib/api.ts";
import { me } from "../lib/session.ts";
import { defaultDay, formatDateTime, today } from "../lib/time.ts";
import { ask } from "../lib/ask.ts";
import { desaLabel, villagesTitle } from "@puskesos/core/region/words";
import "../later.css";

const fileUrl = (report: MonthlyReport, format: "xlsx" | "csv", version?: number) =>
  `/api/reports/monthly/file?${new URLSearchParams({
    month: report.month,
    desa: report.desaCode,
    ...(version ? { version: String(version) } : {}),
    format,
  })}`;

/**
 * Sends the figures as they are now: the first time "Kirim ke SLRT", later "Kirim koreksi" with what
 * was corrected. Offered only when the report's view carries the action.
 */
function SendForm(props: {
  report: MonthlyReport;
  action: "submit" | "correct";
  onSent: (report: MonthlyReport) => void;
}) {
  const wide = () => me()?.scope.level !== "desa";
  /** While the question is open nothing is being sent: the button keeps its name. */
  const [asking, setAsking] = createSignal(false);
  const { errors, message, busy, submit } = createForm({
    schema: SubmitReportSchema,
    read: (form) => {
      const note = String(form.get("note") ?? "").trim();
      return {
        month: props.report.month,
        ...(wide() ? { desa: props.report.desaCode } : {}),
        version: props.report.submissions[0]?.version ?? 0,
        ...(note ? { note } : {}),
      };
    },
    precheck: (form) =>
      props.action === "correct" && !String(form.get("note") ?? "").trim()
        ? { note: "Tulis apa yang dikoreksi." }
        : undefined,
    send: async (json, form) => {
      // Allowed, since a desa may close its books on the last working day, but never by a stray tap.
      if (!props.report.monthEnded) {
        setAsking(true);
        const go = await ask(
          `Bulan ${periodName(props.report.month)} belum berakhir; angkanya masih dapat bertambah. Tetap kirim?`,
          "Tetap kirim",
        ).finally(() => setAsking(false));
        if (!go) return;
      }
      const sent = await call(api.reports.monthly.submit.$post({ json }));
      form.reset();
      props.onSent(sent);
    },
  });
  const label = () => REPORT_WORKFLOW.actions[props.action].label;
  return (
    <form onSubmit={submit} novalidate class="send-report no-print" data-testid={`report-${props.action}`}>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <Show when={props.action === "correct"}>
        <Field
          label="Catatan koreksi"
          name="note"
          error={errors().note}
          hint="Apa yang berubah sejak versi terakhir dan mengapa (wajib)."
        >
          <textarea id="note" name="note" rows="2" maxlength="1000" />
        </Field>
      </Show>
      <button type="submit" disabled={busy()}>
        {busy() && !asking() ? "Mengirim…" : label()}
      </button>
    </form>
  );
}

/**
 * The monthly Puskesos report of a desa: the month's figures from the counters, the versions the
 * koordinator sent to the SLRT, sending and correcting (from the view's actions), printing on A4 with
 * signatures, and the XLSX/CSV files. A desa's officers see their desa; wider scopes pick one.
 */
/** The first month a report can be asked for. */
const FIRST_MONTH = "2020-01";

export default function Report() {
  const [params, setParams] = useSearchParams<{ bulan?: string; desa?: string }>();
  const wide = () => me()?.scope.level !== "desa";
  const [tree] = createResource(wide, (yes) => (yes ? call(api.regions.$get()) : undefined));
  const thisMonth = () => today().slice(0, 7);
  // The month shown when none is asked: the one the page was opened in. A page left open across the
  // turn of the month keeps it (a correction being typed is not swept away at midnight).
  const openedIn = defaultDay().slice(0, 7);
  /** The month in the address, when it is one the report can show; otherwise the month opened in. */
  const month = () => {
    const asked = params.bulan ?? "";
    return v.is(MonthSchema, asked) && asked >= FIRST_MONTH && asked <= thisMonth() ? asked : openedIn;
  };
  /** A month in the address that cannot be shown, with the reason: said, not thrown. */
  const unshown = () => {
    const asked = params.bulan;
    if (!asked || asked === month()) return undefined;
    const why = !v.is(MonthSchema, asked)
      ? "itu bukan bulan; tulis seperti 2026-03"
      : asked > thisMonth()
        ? "bulan itu belum tiba"
        : `laporan baru ada sejak ${periodName(FIRST_MONTH)}`;
    return { asked, why };
  };
  const desa = () => (wide() ? (params.desa ?? "") : "");
  const [report, { mutate }] = createResource(
    () => (wide() && !desa() ? false : { month: month(), desa: desa() }),
    (q) => call(api.reports.monthly.$get({ query: { month: q.month, ...(q.desa ? { desa: q.desa } : {}) } })),
  );
  /** Which figures are shown (and printed, and downloaded): the figures now, or a version sent. */
  const [shown, setShown] = createSignal<number>(0);
  const [notice, setNotice] = createSignal("");
  // A refused read (a desa outside the caller's area) is shown by its alert; reading it would throw.
  const loaded = () => (report.error ? undefined : report.latest);
  const version = () => loaded()?.submissions.find((s) => s.version === shown());
  const figures = (): Figures | undefined => version()?.figures ?? loaded()?.figures;
  const latest = () => loaded()?.submissions[0];
  const changed = () => {
    const r = loaded();
    const last = latest();
    return r && last && !sameFigures(r.figures, last.figures) ? last : undefined;
  };
  const choose = (next: { bulan?: string; desa?: string }) => {
    setShown(0);
    setNotice("");
    setParams(next);
  };
  const onSent = (sent: MonthlyReport) => {
    mutate(sent);
    setShown(0);
    const made = sent.submissions[0]!;
    setNotice(`${made.version > 1 ? "Koreksi" : "Laporan"} versi ${made.version} dikirim ke SLRT.`);
  };

  // Printed on A4 with the letters' print styles, whether from "Cetak" or the browser's own menu.
  useA4Print();

  return (
    <section class="card report">
      <h1 class="no-print">Laporan bulanan</h1>
      <div class="filters no-print">
        <Show when={wide()}>
          <Labelled label={villagesTitle(tree())} for="report-desa">
            <DesaSelect
              id="report-desa"
              tree={tree()}
              value={desa()}
              onChange={(code) => choose({ desa: code })}
            />
          </Labelled>
        </Show>
        <Labelled label="Bulan" for="report-month">
          <MonthInput
            id="report-month"
            value={month()}
            max={thisMonth()}
            min={FIRST_MONTH}
            onChange={(bulan) => choose({ bulan })}
          />
        </Labelled>
      </div>
      <Show when={unshown()}>
        {(asked) => (
          <Alert kind="info">
            Bulan “{asked().asked}” di alamat tidak dapat dibuka: {asked().why}. Yang tampil:{" "}
            {periodName(month())}.
          </Alert>
        )}
      </Show>
      <Show when={report.error as Error | undefined}>{(error) => <Alert>{error().message}</Alert>}</Show>
      <Show when={wide() && !desa()}>
        <p class="muted">Pilih {villagesTitle(tree()).toLowerCase()} untuk melihat laporannya.</p>
      </Show>
      <Show when={report.loading && !loaded()}>
        <p class="muted">Memuat…</p>
      </Show>
      <Show when={loaded()}>
        {(r) => (
          <>
            <header class="print-only letterhead">
              <div>LAPORAN BULANAN PUSKESOS</div>
              <div>
                {desaLabel({ kind: r().desaKind, name: r().desaName }).toUpperCase()}, KECAMATAN{" "}
                {r().kecamatanName.toUpperCase()}
              </div>
              <div>{r().kabupatenName.toUpperCase()}</div>
            </header>
            <dl class="facts" data-testid="report-head">
              <dt>{r().desaKind === "kelurahan" ? "Kelurahan" : "Desa"}</dt>
              <dd>
                {r().desaName}, Kec. {r().kecamatanName}, {r().kabupatenName}
              </dd>
              <dt>Bulan</dt>
              <dd data-testid="report-month-name">{periodName(r().month)}</dd>
              <dt>Status</dt>
              <dd data-testid="report-state">
                {REPORT_STATE_LABELS[r().state]}
                {latest() ? ` (versi ${latest()!.version})` : ""}
              </dd>
              <dt>Angka</dt>
              <dd data-testid="report-version">
                {version()
                  ? `Versi ${version()!.version}, dikirim ${formatDateTime(version()!.submittedAt)} oleh ${version()!.submittedByName}`
                  : `Angka saat ini, ${formatDateTime(new Date().toISOString())}`}
              </dd>
            </dl>
            <Show when={notice()}>
              <Alert kind="success">
                <span data-testid="report-notice">{notice()}</span>
              </Alert>
            </Show>
            <Show when={!r().monthEnded}>
              <Alert kind="info">
                <span data-testid="report-running">
                  Bulan {periodName(r().month)} belum berakhir: angkanya masih dapat bertambah sampai akhir
                  bulan.
                </span>
              </Alert>
            </Show>
            <Show when={changed()}>
              {(last) => (
                <Alert kind="info">
                  <span data-testid="report-changed">
                    Angka saat ini berbeda dari versi {last().version} yang dikirim{" "}
                    {formatDateTime(last().submittedAt)}.
                    {r().actions.includes("correct") ? " Kirim koreksi bila perlu." : ""}
                  </span>
                </Alert>
              )}
            </Show>
            <For each={(["submit", "correct"] as const).filter((a) => r().actions.includes(a))}>
              {(action) => <SendForm report={r()} action={action} onSent={onSent} />}
            </For>
            <div class="buttons no-print report-tools">
              <Show when={r().submissions.length}>
                <Labelled label="Tampilkan" for="report-shown">
                  <select
                    id="report-shown"
                    value={String(shown())}
                    onChange={(e) => setShown(Number(e.currentTarget.value))}
                  >
                    <option value="0">Angka saat ini</option>
                    <For each={r().submissions}>
                      {(s) => <option value={String(s.version)}>Versi {s.version} yang dikirim</option>}
                    </For>
                  </select>
                </Labelled>
              </Show>
              <button type="button" class="secondary" onClick={printNow}>
                Cetak
              </button>
              <a class="button small" href={fileUrl(r(), "xlsx", version()?.version)} download="">
                Unduh XLSX
              </a>
              <a class="button small" href={fileUrl(r(), "csv", version()?.version)} download="">
                Unduh CSV
              </a>
            </div>
            <Show when={version()?.note}>
              <p class="print-only">Koreksi: {version()!.note}</p>
            </Show>
            <Show when={figures()}>{(f) => <FigureSections figures={f()} villages={r().desaKind} />}</Show>
            <div class="print-only signatures" data-testid="report-signatures">
              <div>
                <div>Koordinator Puskesos</div>
                <div class="sign-space" />
                <div class="sign-line" />
              </div>
              <div>
                <div>
                  {r().desaKind === "kelurahan" ? "Lurah" : "Kepala Desa"} {r().desaName}
                </div>
                <div class="sign-space" />
                <div class="sign-line" />
              </div>
            </div>
            <section class="no-print" aria-labelledby="report-versions-title">
              <h2 id="report-versions-title">Versi yang dikirim ke SLRT</h2>
              <ListTable
                headers={["Versi", "Dikirim", "Oleh", "Catatan koreksi", "Berkas"]}
                items={r().submissions}
                empty="Laporan bulan ini belum dikirim."
                testid="report-versions"
                label="Versi yang dikirim ke SLRT"
              >
                {(s) => (
                  <tr>
                    <td>{s.version}</td>
                    <td>{formatDateTime(s.submittedAt)}</td>
                    <td>{s.submittedByName}</td>
                    <td class="pre">{s.note ?? (s.version === 1 ? "Kiriman pertama" : "—")}</td>
                    <td class="buttons">
                      <a class="button small" href={fileUrl(r(), "xlsx", s.version)} download="">
                        XLSX v{s.version}
                      </a>
                      <a class="button small" href={fileUrl(r(), "csv", s.version)} download="">
                        CSV v{s.version}
                      </a>
                    </td>
                  </tr>
                )}
              </ListTable>
            </section>
          </>
        )}
      </Show>
    </section>
  );
}
