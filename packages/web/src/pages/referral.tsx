import { A, useLocation, useParams } from "@solidjs/router";
import { noticeFor } from "../lib/notice.ts";
import { createEffect, createResource, createSignal, For, on, Show, type JSX } from "solid-js";
import { desaKindOf } from "@puskesos/core/region/words";
import { DEFAULT_CATALOG } from "@puskesos/core/catalog/schema";
import {
  AcceptSchema,
  ApproveSchema,
  CompleteSchema,
  DeclineSchema,
  ForwardSchema,
  REFERRAL_STATE_LABELS,
  REFERRAL_WORKFLOW,
  RejectSchema,
  ResubmitSchema,
  ReturnToDesaSchema,
  ReturnToSupervisorSchema,
  STEP_OF,
  URGENCIES,
  type ReferralAction,
  type ReferralView,
} from "@puskesos/core/referral/schema";
import { CaseLink } from "../components/case-link.tsx";
import { Alert, errorsFromApi, sentenceFromApi } from "../components/form.tsx";
import { Unreloaded } from "../components/unreloaded.tsx";
import { createRecord } from "../lib/record.ts";
import { focusRefused, markRefused } from "../components/refused.ts";
import { Timeline } from "../components/timeline.tsx";
import { api, ApiError, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { desaPlace, regionTree } from "../lib/regions.ts";
import { useCatalog } from "../lib/catalog.ts";
import { can, me } from "../lib/session.ts";
import { formatDate, formatDay, defaultDay, today } from "../lib/time.ts";
import "../components/records.css";

/**
 * A choice of OPD or programme with the desa's proposals first, under their own heading. One proposal is
 * chosen already; of several the manager picks one, rather than the form picking whichever came last.
 */
function ProposedSelect(props: {
  name: string;
  placeholder: string;
  proposed: string[];
  /** Whose proposals head the list: "Usulan desa", "Usulan kelurahan". */
  heading: string;
  options: { code: string; name: string }[];
  testid?: string;
}) {
  const proposed = () =>
    props.proposed.flatMap((code) => props.options.filter((o) => o.code === code).slice(0, 1));
  const others = () => props.options.filter((o) => !props.proposed.includes(o.code));
  const only = () => (proposed().length === 1 ? proposed()[0]?.code : undefined);
  const option = (o: { code: string; name: string }) => (
    <option value={o.code} selected={o.code === only()}>
      {o.name}
    </option>
  );
  return (
    <select name={props.name} data-testid={props.testid}>
      <option value="">{props.placeholder}</option>
      <Show when={proposed().length} fallback={<For each={others()}>{option}</For>}>
        <optgroup label={props.heading}>
          <For each={proposed()}>{option}</For>
        </optgroup>
        <optgroup label="Lainnya">
          <For each={others()}>{option}</For>
        </optgroup>
      </Show>
    </select>
  );
}

/** Each action through its own typed route, its body checked with the action's declared schema first. */
const SEND: Record<ReferralAction, (id: string, body: unknown) => Promise<ReferralView>> = {
  forward: (id, body) =>
    call(api.referrals[":id"].forward.$post({ param: { id }, json: checked(ForwardSchema, body) })),
  "return-to-desa": (id, body) =>
    call(
      api.referrals[":id"]["return-to-desa"].$post({
        param: { id },
        json: checked(ReturnToDesaSchema, body),
      }),
    ),
  resubmit: (id, body) =>
    call(api.referrals[":id"].resubmit.$post({ param: { id }, json: checked(ResubmitSchema, body) })),
  approve: (id, body) =>
    call(api.referrals[":id"].approve.$post({ param: { id }, json: checked(ApproveSchema, body) })),
  reject: (id, body) =>
    call(api.referrals[":id"].reject.$post({ param: { id }, json: checked(RejectSchema, body) })),
  "return-to-supervisor": (id, body) =>
    call(
      api.referrals[":id"]["return-to-supervisor"].$post({
        param: { id },
        json: checked(ReturnToSupervisorSchema, body),
      }),
    ),
  accept: (id, body) =>
    call(api.referrals[":id"].accept.$post({ param: { id }, json: checked(AcceptSchema, body) })),
  decline: (id, body) =>
    call(api.referrals[":id"].decline.$post({ param: { id }, json: checked(DeclineSchema, body) })),
  complete: (id, body) =>
    call(api.referrals[":id"].complete.$post({ param: { id }, json: checked(CompleteSchema, body) })),
};

const NoteField = (props: { name: string; label: string; value?: string }) => (
  <label class="field">
    <span class="label">{props.label}</span>
    <textarea name={props.name} rows="2" value={props.value ?? ""} />
  </label>
);

/** The fields each action asks for; which actions appear comes from the referral's `actions`. */
function fieldsOf(
  action: ReferralAction,
  referral: ReferralView,
  catalog: typeof DEFAULT_CATALOG,
): JSX.Element {
  switch (action) {
    case "forward":
      return <NoteField name="recommendation" label="Rekomendasi (bila ada)" />;
    case "return-to-desa":
      return (
        <NoteField
          name="note"
          label={`Catatan pengembalian (yang perlu diperbaiki ${desaKindOf(referral.desaCode)})`}
        />
      );
    case "resubmit":
      // What the supervisor asked for may be in the reason or the needs themselves: both open to correct.
      return (
        <>
          <NoteField name="note" label="Catatan perbaikan (yang sudah diperbaiki)" />
          <NoteField name="reason" label="Alasan rujukan" value={referral.reason} />
          <NoteField name="needs" label="Kebutuhan warga" value={referral.needs} />
        </>
      );
    case "approve":
      return (
        <>
          <label class="field">
            <span class="label">OPD tujuan</span>
            <ProposedSelect
              name="opd"
              placeholder="— pilih OPD —"
              // An OPD that declined is not offered again as the desa's choice (nor picked already).
              proposed={referral.suggestedOpds.filter(
                (code) =>
                  !referral.declinedOpds?.includes(code) &&
                  (referral.state !== "ditolak-opd" || code !== referral.opd),
              )}
              heading={`Usulan ${desaKindOf(referral.desaCode)}`}
              options={catalog.opds}
              testid="approve-opd"
            />
          </label>
          <label class="field">
            <span class="label">Program</span>
            <ProposedSelect
              name="program"
              placeholder="— pilih program —"
              proposed={referral.programs}
              heading={`Usulan ${desaKindOf(referral.desaCode)}`}
              options={catalog.programs}
            />
          </label>
          <label class="field">
            <span class="label">Batas waktu OPD (kosong: sesuai pengaturan)</span>
            <input type="date" name="dueDate" min={today()} />
          </label>
        </>
      );
    case "reject":
      return <NoteField name="reason" label="Alasan penolakan" />;
    case "return-to-supervisor":
      return <NoteField name="note" label="Catatan pengembalian" />;
    case "accept":
      return undefined;
    case "decline":
      return <NoteField name="reason" label="Alasan penolakan" />;
    case "complete":
      return (
        <>
          <NoteField name="service" label="Layanan yang diberikan" />
          <label class="field">
            <span class="label">Tanggal layanan</span>
            <input type="date" name="servedOn" value={defaultDay()} max={today()} />
          </label>
          <label class="field">
            <span class="label">Nomor referensi (register, kartu, atau surat layanan)</span>
            <input name="reference" />
          </label>
        </>
      );
  }
}

/** The decision last sent on a referral's page: a refusal said under another one no longer answers anything. */
const [lastSent, setLastSent] = createSignal<ReferralAction>();

/** A decision: its fields and a button, sent with the version the officer is looking at. */
function Decision(props: {
  action: ReferralAction;
  referral: ReferralView;
  /** Resolves once the page shows the new state, so the button is not enabled again in the meantime. */
  onDone: (label: string, updated: ReferralView) => Promise<void>;
  /** After a 409 (the referral moved on): true when the page has taken it over, false to say it here. */
  onConflict: (label: string, to: string | undefined, message: string) => Promise<boolean>;
  children?: JSX.Element;
}) {
  const spec = () => REFERRAL_WORKFLOW.actions[props.action];
  const alertId = `refused-${props.action}`;
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  let formElement!: HTMLFormElement;
  // Turned to another decision (approve after a refused rejection): this one's refusal goes with its marks.
  createEffect(
    on(
      lastSent,
      (sent) => {
        if (sent === props.action) return;
        setMessage("");
        markRefused(formElement, {}, alertId);
      },
      { defer: true },
    ),
  );
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setLastSent(props.action);
    const form = new FormData(formElement);
    const body: Record<string, unknown> = { version: props.referral.version };
    for (const [name, value] of form.entries()) if (String(value).trim()) body[name] = String(value).trim();
    setBusy(true);
    setMessage("");
    try {
      const updated = await SEND[props.action](props.referral.id, body);
      // What was done, as the workflow declares it ("Disetujui dan ditugaskan ke OPD"), not the button's name.
      await props.onDone(spec().done, updated);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        if (await props.onConflict(spec().done, spec().to, sentenceFromApi(error))) return;
      }
      // Each field's reason once ("… (dan 1 isian lain)" only repeats the first).
      setMessage(sentenceFromApi(error));
      focusRefused(markRefused(formElement, errorsFromApi(error).fields, alertId), alertId);
    } finally {
      setBusy(false);
    }
  };
  return (
    // The server names each wrong field in Indonesian; the browser's own check would stop the form in
    // its language and date format, without the other fields' reasons.
    <form
      ref={formElement}
      class="decision"
      onSubmit={submit}
      novalidate
      data-testid={`decision-${props.action}`}
    >
      <h3>{spec().label}</h3>
      <Show when={message()}>
        <Alert id={alertId}>{message()}</Alert>
      </Show>
      {props.children}
      <button type="submit" disabled={busy()} classList={{ danger: "danger" in spec() }}>
        {busy() ? "Mengirim…" : spec().label}
      </button>
    </form>
  );
}

export default function Referral() {
  const params = useParams<{ id: string }>();
  // The referral and its complaint's timeline in one read: one entry in the resident's access log.
  const read = (id: string) => call(api.referrals[":id"]["with-timeline"].$get({ param: { id } }));
  const { record: page, mutate, reload, unreloaded } = createRecord(() => params.id, read);
  const referral = () => page()?.referral;
  const timeline = () => page()?.timeline;
  // Where the resident lives, for an OPD officer as for the manajer: the letter names it too.
  const [regions] = createResource(regionTree);
  const place = (code: string) => desaPlace(regions.error ? undefined : regions(), code);
  // Said where the focus lands (the heading) once the decision's form has gone with the new state.
  // Arriving from the referral's creation (back-office.tsx), the page says so first.
  const [saved, setSaved] = createSignal(noticeFor(useLocation().pathname) ?? "");
  const done = async (label: string, updated: ReferralView) => {
    // The decision is taken: a reload that fails keeps the page with the state its answer gave.
    if (!(await reload())) mutate((before) => before && { ...before, referral: updated });
    setNotice("");
    setSaved(label);
  };
  // Refused because the referral moved on: the page shows where it is now. When the move is this
  // officer's own, to the state the decision leads to, an earlier try went through and only its answer
  // was lost: that reads as saved, not as someone else's change.
  const [notice, setNotice] = createSignal("");
  const conflicted = async (label: string, to: string | undefined, message: string) => {
    const fresh = await read(params.id).catch((error: unknown) => {
      console.warn("memuat ulang rujukan", error);
      return undefined;
    });
    if (!fresh) return false;
    mutate(() => fresh);
    const mine = fresh.referral.updatedBy === me()?.username && fresh.referral.state === to;
    setSaved(mine ? label : "");
    setNotice(mine ? "" : message);
    return true;
  };
  const [catalog] = useCatalog();
  const all = () => catalog() ?? DEFAULT_CATALOG;
  const opdName = (code: string) => all().opds.find((o) => o.code === code)?.name ?? code;
  const programName = (code: string) => all().programs.find((p) => p.code === code)?.name ?? code;

  return (
    <section class="card">
      <p>
        <A href="/perlu-tindakan">← Perlu tindakan</A>
      </p>
      <Show when={referral()} fallback={<Show when={page.loading}>{<p class="muted">Memuat…</p>}</Show>}>
        {(r) => (
          <>
            <h1>Rujukan: {r().reporter.name}</h1>
            <Show when={saved()}>
              <Alert kind="success">
                Tersimpan: {saved()}. Status sekarang: {REFERRAL_STATE_LABELS[r().state]}.
              </Alert>
            </Show>
            <Show when={notice()}>
              <Alert kind="info">{notice()}</Alert>
            </Show>
            <Unreloaded reason={unreloaded()} onRetry={() => void reload()} />
            <dl class="facts">
              <dt>Status</dt>
              <dd data-testid="referral-state">
                {REFERRAL_STATE_LABELS[r().state]}
                <Show when={r().overdue}>
                  {" "}
                  <span class="badge">terlambat</span>
                </Show>
              </dd>
              {/* Each step has its own (DESIGN §4): the date moves on with the referral. Back at the
                  desa or closed, no step's clock runs, and the last step's date would mislead. */}
              <Show when={STEP_OF[r().state]}>
                <dt>Batas waktu tahap ini</dt>
                <dd data-testid="referral-due">{formatDate(r().dueAt)}</dd>
              </Show>
              <Show when={can("complaint.read")}>
                <dt>Pengaduan</dt>
                <dd>
                  <A href={`/pengaduan/${r().complaintId}`} data-testid="complaint-link">
                    Lihat pengaduan
                  </A>
                </dd>
              </Show>
              <dt>NIK</dt>
              <dd>
                <code>{r().reporter.nikMasked}</code>
              </dd>
              <dt>Wilayah</dt>
              <dd data-testid="referral-place">{place(r().desaCode)}</dd>
              <dt>Kepentingan</dt>
              <dd>{URGENCIES[r().urgency]}</dd>
              <dt>Alasan</dt>
              <dd class="pre" data-testid="referral-reason">
                {r().reason}
              </dd>
              <dt>Kebutuhan</dt>
              <dd class="pre" data-testid="referral-needs">
                {r().needs}
              </dd>
              <Show when={r().notes}>
                <dt>Catatan {desaKindOf(r().desaCode)}</dt>
                <dd class="pre">{r().notes}</dd>
              </Show>
              <Show when={!r().opd && r().suggestedOpds.length}>
                <dt>OPD usulan {desaKindOf(r().desaCode)}</dt>
                <dd data-testid="proposed-opds">{r().suggestedOpds.map(opdName).join(", ")}</dd>
              </Show>
              <Show when={!r().opd && r().programs.length}>
                <dt>Program usulan {desaKindOf(r().desaCode)}</dt>
                <dd data-testid="proposed-programs">{r().programs.map(programName).join(", ")}</dd>
              </Show>
              <Show when={r().recommendation}>
                <dt>Rekomendasi supervisor</dt>
                <dd class="pre">{r().recommendation}</dd>
              </Show>
              <Show when={r().lastNote && r().lastNote !== r().recommendation}>
                <dt>Catatan terakhir</dt>
                <dd class="pre" data-testid="referral-last-note">
                  {r().lastNote}
                </dd>
              </Show>
              <Show when={r().opd}>
                {(opd) => (
                  <>
                    <dt>OPD tujuan</dt>
                    <dd>
                      {opdName(opd())} · {programName(r().program ?? "")}
                    </dd>
                    <dt>Surat rujukan</dt>
                    <dd>
                      {r().letterNumber} ({r().approvedByName}) ·{" "}
                      <A href={`/rujukan/${r().id}/surat`} data-testid="letter-link">
                        Cetak surat rujukan
                      </A>
                    </dd>
                  </>
                )}
              </Show>
              {/* Shown to the kabupaten and the desa only (the server leaves it out for an OPD). */}
              <Show when={r().declinedOpds?.length}>
                <dt>Pernah ditolak OPD</dt>
                <dd data-testid="referral-declined-opds">{r().declinedOpds!.map(opdName).join(", ")}</dd>
              </Show>
              {/* A case is opened from an approved referral; once open, its row names who handles it. */}
              <Show when={can("case.open") && (r().opd || page()?.openCase)}>
                <dt>Kasus</dt>
                <dd>
                  <CaseLink
                    openCase={page()?.openCase}
                    href={`/kasus/baru?rujukan=${r().id}`}
                    label="Buka kasus"
                  />
                </dd>
              </Show>
              <Show when={r().outcome}>
                {(outcome) => (
                  <>
                    <dt>Hasil layanan</dt>
                    <dd>
                      {outcome().service} ({formatDay(outcome().servedOn)}, ref. {outcome().reference})
                    </dd>
                  </>
                )}
              </Show>
            </dl>
            <Show when={r().actions.length}>
              <h2>Tindakan</h2>
              <div class="decisions">
                <For each={r().actions}>
                  {(action) => (
                    <Decision action={action} referral={r()} onDone={done} onConflict={conflicted}>
                      {fieldsOf(action, r(), all())}
                    </Decision>
                  )}
                </For>
              </div>
            </Show>
            <Timeline events={timeline()} />
          </>
        )}
      </Show>
    </section>
  );
}
