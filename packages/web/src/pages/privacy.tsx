import { A, useLocation, useNavigate } from "@solidjs/router";
import { createResource, createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { AccessReportQuerySchema, type AccessReport } from "@puskesos/core/privacy/schema";
import { Alert, createForm, Field } from "../components/form.tsx";
import { ListTable } from "../components/list-table.tsx";
import { IdInput } from "../components/nik-input.tsx";
import { printNow, useA4Print } from "../components/print.tsx";
import { RetentionForm } from "../components/retention-form.tsx";
import { api, call } from "../lib/api.ts";
import { me } from "../lib/session.ts";
import { formatDate, formatDateTime } from "../lib/time.ts";

/**
 * The data protection officer answers a resident who asks who used their data: the NIK typed here
 * (sent in the request body, kept nowhere on the device) gives every access recorded against the
 * person, and a letter to hand to the resident.
 */
export default function Privacy() {
  const [report, setReport] = createSignal<AccessReport>();
  const [letter, setLetter] = createSignal(false);
  // The letter is a step of this page, not a page of its own (the NIK never goes in an address): the
  // phone's Back leads from it to the report kept in memory, not away from both.
  const openLetter = () => {
    history.pushState({ ...history.state, accessLetter: true }, "");
    setLetter(true);
  };
  const closeLetter = () => (letter() ? history.back() : undefined);
  const popped = () => setLetter(Boolean(history.state?.accessLetter) && Boolean(report()));
  window.addEventListener("popstate", popped);
  onCleanup(() => window.removeEventListener("popstate", popped));
  // Opened from an access request: its report is made at once, from the NIK on the request.
  const location = useLocation<{ requestId?: string }>();
  const navigate = useNavigate();
  const [fromRequest, setFromRequest] = createSignal("");
  onMount(async () => {
    const requestId = location.state?.requestId;
    if (!requestId) return;
    // Made once: a return to this page (Back, a reload) does not make and log another report.
    navigate(location.pathname, { replace: true, state: {} });
    try {
      setReport(await call(api.privacy["access-report"].$post({ json: { requestId } })));
    } catch (error) {
      setFromRequest((error as Error).message);
    }
  });
  const { errors, message, busy, submit } = createForm({
    schema: AccessReportQuerySchema,
    read: (data) => ({ nik: String(data.get("nik") ?? "") }),
    send: async (json, form) => {
      setReport(await call(api.privacy["access-report"].$post({ json })));
      form.reset();
    },
  });
  return (
    <Show when={!letter()} fallback={<Letter report={report()!} onBack={closeLetter} />}>
      <section class="card">
        <h1>Laporan akses data warga</h1>
        <p class="muted">
          Siapa membuka, mengubah, mencetak, atau mengunduh data seorang warga, kapan, dan dari kantor mana.
          Isi pengaduan dan kasus tidak ditampilkan. Pembuatan laporan ini juga dicatat.
        </p>
        <p>
          <A href="/permintaan-warga">Permintaan warga atas datanya</A>
        </p>
        <form onSubmit={submit} novalidate data-testid="access-report-form">
          <Show when={message() || fromRequest()}>
            <Alert>{message() || fromRequest()}</Alert>
          </Show>
          <Field label="NIK warga" name="report-nik" error={errors().nik}>
            <IdInput id="report-nik" name="nik" kind="nik" serverError={errors().nik} />
          </Field>
          <button type="submit" disabled={busy()}>
            Buat laporan
          </button>
        </form>
      </section>
      <Show when={report()}>
        {(r) => (
          <section class="card" data-testid="access-report">
            <h2>NIK {r().nikMasked}</h2>
            <p data-testid="access-count">
              {sayCounts(r())} sampai {formatDateTime(r().madeAt)}.{" "}
              <button type="button" class="secondary" onClick={openLetter}>
                Surat untuk warga
              </button>
            </p>
            <FormerNiks report={r()} />
            <ListTable
              headers={["Waktu", "Siapa", "Peran dan kantor", "Apa", "Data"]}
              items={r().entries}
              empty="Belum ada akses tercatat."
              label="Akses data warga"
              testid="access-entries"
            >
              {(e) => (
                <tr>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.byName ?? e.by}</td>
                  <td>
                    {e.roleLabel}
                    {e.office ? `, ${e.office}` : ""}
                  </td>
                  <td>{e.what}</td>
                  <td>{e.record}</td>
                </tr>
              )}
            </ListTable>
            <Show when={r().requests.length}>
              <h3>Permintaan warga ini</h3>
              <ul>
                <For each={r().requests}>
                  {(q) => (
                    <li>
                      {formatDate(q.receivedOn)}: {q.kindLabel} — {q.stateLabel}
                      {q.answer ? `: ${q.answer}` : ""}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </Show>
      <RetentionForm />
    </Show>
  );
}

/** The officer's own reports read no record: counted apart, on the page as in the letter. */
const ownReport = (e: AccessReport["entries"][number]) => e.kind === "laporan";

function sayCounts(report: AccessReport) {
  const reports = report.entries.filter(ownReport).length;
  const others = report.entries.length - reports;
  return `${others ? `${others} akses tercatat` : "Tidak ada akses tercatat"}, dan ${reports} laporan akses (termasuk yang ini)`;
}

/** A NIK corrected on the records: the accesses under the earlier NIKs to them are listed too. */
function FormerNiks(props: { report: AccessReport }) {
  return (
    <Show when={props.report.formerNiks.length}>
      <p data-testid="former-niks">
        Termasuk akses sebelum NIK pada datanya dikoreksi, dari{" "}
        {props.report.formerNiks
          .map(
            (f) =>
              `NIK ${f.nikMasked}${f.nikMasked === props.report.nikMasked ? ", beda pada angka tengahnya" : ""} (dikoreksi ${formatDate(f.correctedAt)})`,
          )
          .join(", ")}
        .
      </p>
    </Show>
  );
}

/**
 * The report as an A4 letter on the kabupaten's letterhead, addressed to the resident (by the name of
 * their latest request, if any), signed by the officer. The number and the NIP are left to be written by
 * hand: the office's agenda book gives the number, and accounts hold no NIP. The officer's own reports
 * on this resident are counted, not listed: they read no record.
 */
function Letter(props: { report: AccessReport; onBack: () => void }) {
  const [settings] = createResource(() => call(api.settings.$get()));
  const entries = () => props.report.entries.filter((e) => !ownReport(e));
  const reports = () => props.report.entries.filter(ownReport).length;
  const addressee = () => props.report.requests[0]?.name;
  useA4Print();
  return (
    <>
      <p class="no-print">
        <button type="button" class="link" onClick={props.onBack}>
          ← Laporan
        </button>{" "}
        ·{" "}
        <button type="button" class="secondary" onClick={printNow}>
          Cetak
        </button>
      </p>
      {/* Drawn once the letterhead is loaded, so a letter is never printed without it. */}
      <Show when={settings()}>
        <article class="letter-page" data-testid="access-letter">
          <header class="letterhead">
            <For each={settings()?.letterhead ?? []}>{(line) => <div>{line}</div>}</For>
          </header>
          <table class="letter-meta">
            <tbody>
              <tr>
                <td>Nomor</td>
                <td>: ........................................</td>
              </tr>
              <tr>
                <td>Perihal</td>
                <td>: Laporan akses data pribadi</td>
              </tr>
            </tbody>
          </table>
          <p>
            Kepada Yth.
            <br />
            {addressee()
              ? `Sdr./Sdri. ${addressee()} (NIK ${props.report.nikMasked})`
              : `Warga pemilik NIK ${props.report.nikMasked}`}
            <br />
            di tempat
          </p>
          <h2 class="center">LAPORAN AKSES DATA PRIBADI</h2>
          <p>
            Sesuai hak subjek data pribadi menurut Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data
            Pribadi, berikut setiap akses yang tercatat atas data warga dengan NIK {props.report.nikMasked}{" "}
            dalam layanan Puskesos dan SLRT, sampai {formatDateTime(props.report.madeAt)}:
          </p>
          <FormerNiks report={props.report} />
          <ol class="access-list">
            <For each={entries()}>
              {(e) => (
                <li>
                  {formatDateTime(e.at)} — {e.byName ?? e.by} ({e.roleLabel}
                  {e.office ? `, ${e.office}` : ""}): {e.what} ({e.record})
                </li>
              )}
            </For>
          </ol>
          <Show when={!entries().length}>
            <p>Tidak ada akses yang tercatat.</p>
          </Show>
          <Show when={reports()}>
            <p>
              Laporan akses untuk NIK ini dibuat {reports()} kali oleh Pejabat Pelindungan Data Pribadi,
              termasuk laporan ini; pembuatannya tidak membuka isi data.
            </p>
          </Show>
          <div class="signature">
            <div>{formatDate(props.report.madeAt)}</div>
            <div>Pejabat Pelindungan Data Pribadi</div>
            <div class="sign-space" />
            <div>{me()?.name}</div>
            <div>NIP. ........................................</div>
          </div>
        </article>
      </Show>
    </>
  );
}
