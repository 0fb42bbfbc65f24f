import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { desaKindOf } from "@puskesos/core/region/words";
import { categoryName, ppksName, serviceFieldName } from "@puskesos/core/catalog/schema";
import {
  COMPLAINT_STATE_LABELS,
  COMPLAINT_WORKFLOW,
  CancelSchema,
  LEGAL_BASIS_LABELS,
  type ComplaintAction,
  type ComplaintView,
} from "@puskesos/core/complaint/schema";
import { ROLE_NOUNS } from "@puskesos/core/actor/schema";
import { PROPOSAL_STATE_LABELS } from "@puskesos/core/proposal/schema";
import { CaseLink } from "../components/case-link.tsx";
import { Alert, errorsFromApi, Field, sentenceFromApi } from "../components/form.tsx";
import { Unreloaded } from "../components/unreloaded.tsx";
import { createRecord, ownLatest } from "../lib/record.ts";
import { Receipt } from "../components/receipt.tsx";
import { Timeline } from "../components/timeline.tsx";
import BackOffice from "./back-office.tsx";
import { CorrectReporter } from "./complaint-correct.tsx";
import ProposalForm from "./proposal-form.tsx";
import { api, ApiError, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { desaNames, regionTree } from "../lib/regions.ts";
import { can, me } from "../lib/session.ts";
import { formatDate, formatDateTime } from "../lib/time.ts";
import { ask } from "../lib/ask.ts";
import { mayTake } from "../lib/workflow.ts";

/**
 * Whether the reporter is in the DPM, and when not, where the household's proposal stands: "Belum di
 * DPM" with the proposal's state, or "Masuk DPM" with the day an import of the desa first held it.
 */
function DpmLine(props: { complaint: ComplaintView }) {
  const c = () => props.complaint;
  const proposal = () =>
    c().proposalState ? (
      <>
        {" "}
        · usulan: {PROPOSAL_STATE_LABELS[c().proposalState!]}
        <Show when={c().proposalId && can("proposal.list")}>
          {" "}
          (<A href={`/usulan/${c().proposalId}`}>lihat usulan</A>)
        </Show>
      </>
    ) : (
      <>
        {" · belum diusulkan"}
        {/* Said to those who may not propose, so they know who can: the workflow's own roles. */}
        <Show when={!mayTake(COMPLAINT_WORKFLOW, "propose")}>
          {` (diusulkan oleh ${COMPLAINT_WORKFLOW.actions.propose.roles.map((r) => ROLE_NOUNS[r]).join(" atau ")} ${desaKindOf(c().desaCode)})`}
        </Show>
      </>
    );
  return (
    <Show when={!c().dpm.found} fallback={<>Ada{c().dpm.decile ? ` (desil ${c().dpm.decile})` : ""}</>}>
      <Show
        when={c().proposalInDpmOn}
        fallback={
          <>
            <span class="badge" data-testid="dpm-mark">
              {/* Where the desa's DPM was not imported yet at registration, "not in it" would say nothing. */}
              {c().dpm.checked ? "Belum di DPM" : "Tidak dicocokkan: DPM belum diimpor saat didaftarkan"}
            </span>
            {proposal()}
          </>
        }
      >
        {(on) => (
          <>
            <span class="badge ok" data-testid="dpm-mark">
              Masuk DPM {formatDate(on())}
            </span>
            {proposal()}
          </>
        )}
      </Show>
    </Show>
  );
}

/** The front office cancels the complaint with the reason, after a confirmation. */
function Cancel(props: {
  complaint: ComplaintView;
  onDone: () => Promise<{ timeline: readonly { action: string; by: string }[] } | undefined>;
}) {
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget as HTMLFormElement).get("reason") ?? "").trim();
    setMessage("");
    try {
      const json = checked(CancelSchema, { version: props.complaint.version, reason });
      const withdrawn = [
        ...(props.complaint.proposalId ? ["usulan rumah tangganya"] : []),
        ...(props.complaint.referralId ? ["rujukannya"] : []),
      ];
      const question = `Batalkan pengaduan ${props.complaint.reporter.name}?${withdrawn.length ? ` ${withdrawn.join(" dan ")} yang masih berjalan ikut ditarik.` : ""} Pembatalan tidak dapat diurungkan.`;
      if (!(await ask(question, "Batalkan pengaduan", "Jangan batalkan"))) return;
      setBusy(true);
      await call(api.complaints[":id"].cancel.$post({ param: { id: props.complaint.id }, json }));
      await props.onDone();
    } catch (error) {
      // Refused as "sudah berubah" by the officer's own earlier try, whose answer was lost: it is done.
      if (error instanceof ApiError && error.status === 409) {
        if (ownLatest((await props.onDone())?.timeline, "complaint.cancel", me()?.username)) return;
      }
      setMessage(sentenceFromApi(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="card inner" data-testid="cancel">
      <summary>{COMPLAINT_WORKFLOW.actions.cancel.label}</summary>
      <form onSubmit={submit} novalidate>
        <Show when={message()}>
          <Alert>{message()}</Alert>
        </Show>
        <Field label="Alasan pembatalan" name="cancel-reason">
          <textarea id="cancel-reason" name="reason" rows="2" />
        </Field>
        <button type="submit" class="danger" disabled={busy()}>
          {busy() ? "Mengirim…" : COMPLAINT_WORKFLOW.actions.cancel.label}
        </button>
      </form>
    </details>
  );
}

/** The back office's actions on a complaint, shown together in one panel. */
const BACK_OFFICE: ComplaintAction[] = ["handle", "resolve", "refer"];

export default function Complaint() {
  const params = useParams<{ id: string }>();
  // The complaint and its timeline in one read: one entry in the resident's access log, not two.
  const {
    record: page,
    reload,
    unreloaded,
  } = createRecord(
    () => params.id,
    (id) => call(api.complaints[":id"]["with-timeline"].$get({ param: { id } })),
  );
  const complaint = () => page()?.complaint;
  const timeline = () => page()?.timeline;
  /**
   * An officer's name as the timeline recorded it, or the viewer's own, else their username: the record
   * does not keep its registrar's name (it would cost every complaint's writes a few bytes more).
   */
  const nameOf = (username: string) =>
    timeline()?.find((e) => e.by === username)?.byName ??
    (username === me()?.username ? me()!.name : username);
  // A reprinted receipt names the complaint's desa office, whoever prints it.
  const [regions] = createResource(regionTree);
  const refetch = () => void reload();
  const [nik, setNik] = createSignal<{ nik: string; kk?: string }>();
  const [message, setMessage] = createSignal("");

  const reveal = async () => {
    if (!(await ask("Tampilkan NIK lengkap? Tindakan ini dicatat di log audit.", "Tampilkan NIK"))) return;
    try {
      setNik(await call(api.complaints[":id"]["reveal-nik"].$post({ param: { id: params.id } })));
    } catch (error) {
      setMessage(errorsFromApi(error).message);
    }
  };

  return (
    <section class="card">
      <p>
        <A href="/pengaduan">← Daftar pengaduan</A>
      </p>
      <Show when={page.error}>
        <Alert>{(page.error as Error).message}</Alert>
      </Show>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <Unreloaded reason={unreloaded()} onRetry={refetch} />
      <Show when={complaint()} fallback={<Show when={page.loading}>{<p class="muted">Memuat…</p>}</Show>}>
        {(c) => (
          <>
            <h1>{c().reporter.name}</h1>
            <dl class="facts">
              <dt>Status</dt>
              <dd data-testid="complaint-state">{COMPLAINT_STATE_LABELS[c().state]}</dd>
              <Show when={c().cancelled}>
                {(x) => (
                  <>
                    <dt>Dibatalkan</dt>
                    <dd>
                      {formatDateTime(x().at)} oleh {x().byName ?? nameOf(x().by)}:{" "}
                      <span class="pre">{x().reason}</span>
                    </dd>
                  </>
                )}
              </Show>
              <dt>NIK</dt>
              <dd>
                <code data-testid="complaint-nik">{nik()?.nik ?? c().reporter.nikMasked}</code>{" "}
                <Show when={!nik() && c().actions.includes("reveal-nik")}>
                  <button type="button" class="link" onClick={reveal}>
                    Tampilkan
                  </button>
                </Show>
              </dd>
              <Show when={c().reporter.kkMasked}>
                <dt>No. KK</dt>
                <dd>
                  <code>{nik()?.kk ?? c().reporter.kkMasked}</code>
                </dd>
              </Show>
              <dt>Alamat</dt>
              <dd>
                RT {c().reporter.rt} / RW {c().reporter.rw}
                {c().reporter.dusun ? `, Dusun ${c().reporter.dusun}` : ""}
              </dd>
              <Show when={c().reporter.phone}>
                <dt>HP</dt>
                <dd>{c().reporter.phone}</dd>
              </Show>
              <dt>DPM</dt>
              <dd data-testid="complaint-dpm">
                <DpmLine complaint={c()} />
              </dd>
              <dt>Kategori</dt>
              <dd>{categoryName(c().category)}</dd>
              <dt>PPKS</dt>
              <dd>
                {c().ppks.length
                  ? c()
                      .ppks.map((p) => ppksName(p))
                      .join(", ")
                  : "—"}
              </dd>
              <dt>Dasar pemrosesan</dt>
              <dd>
                {LEGAL_BASIS_LABELS[c().legalBasis as keyof typeof LEGAL_BASIS_LABELS]}
                {c().consent ? " · persetujuan dicatat" : ""}
              </dd>
              <dt>Didaftarkan</dt>
              <dd data-testid="complaint-registered">
                {formatDateTime(c().createdAt)} oleh {nameOf(c().createdBy)}
                {c().queueNumber ? ` · antrian ${String(c().queueNumber).padStart(3, "0")}` : ""}
                {c().provisionalTicket ? ` · antrian sementara ${c().provisionalTicket}` : ""}
              </dd>
            </dl>
            <h2>Uraian</h2>
            <p class="pre" data-testid="complaint-description">
              {c().description}
            </p>
            <Show when={c().handling}>
              {(h) => (
                <>
                  <h2>Penanganan {desaKindOf(c().desaCode)}</h2>
                  <p class="pre">{h().answer}</p>
                  <Show when={h().handling}>
                    <p class="pre">{h().handling}</p>
                  </Show>
                  <Show when={h().serviceField}>
                    {(field) => (
                      <p data-testid="complaint-service-field">Bidang layanan: {serviceFieldName(field())}</p>
                    )}
                  </Show>
                  <Show when={h().psksUsed?.length}>
                    <p data-testid="complaint-psks">
                      PSKS yang dilibatkan:{" "}
                      {h()
                        .psksUsed!.map((p) => p.name)
                        .join(", ")}
                    </p>
                  </Show>
                </>
              )}
            </Show>
            {/* Not for those who may not open a referral (the kepala desa): the link would lead to a refusal. */}
            <Show when={can("referral.read") && c().referralId}>
              <p>
                <A href={`/rujukan/${c().referralId}`} data-testid="referral-link">
                  Lihat rujukan
                </A>
              </p>
            </Show>
            <Show when={can("case.open")}>
              {/* Under a heading of its own: after the description it would read as part of it. */}
              <Show when={page()?.openCase}>
                <h2>Kasus</h2>
              </Show>
              <p>
                <CaseLink
                  openCase={page()?.openCase}
                  href={`/kasus/baru?pengaduan=${c().id}`}
                  label="Buka kasus untuk pekerja sosial"
                />
              </p>
            </Show>
            <Show when={BACK_OFFICE.some((a) => c().actions.includes(a))}>
              <BackOffice complaint={c()} onDone={reload} />
            </Show>
            <Show when={c().actions.includes("propose")}>
              <details class="card inner" data-testid="propose">
                <summary>{COMPLAINT_WORKFLOW.actions.propose.label}</summary>
                <ProposalForm
                  complaintId={c().id}
                  reporterOnFile={{ name: c().reporter.name, nikMasked: c().reporter.nikMasked }}
                  onReceived={refetch}
                />
              </details>
            </Show>
            <Show when={c().actions.includes("correct")}>
              <CorrectReporter complaint={c()} onDone={reload} />
            </Show>
            <Show when={c().actions.includes("cancel")}>
              <Cancel complaint={c()} onDone={reload} />
            </Show>
            <Receipt complaint={c()} office={desaNames(regions(), c().desaCode).desa} />
            <Timeline events={timeline()} />
          </>
        )}
      </Show>
    </section>
  );
}
