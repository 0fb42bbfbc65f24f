import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { CATALOGS } from "@puskesos/core/catalog/schema";
import {
  AdmitSchema,
  ApproveCaseSchema,
  AssessmentSchema,
  CASE_SOURCE_LABELS,
  CASE_STATE_LABELS,
  CASE_WORKFLOW,
  CONDITIONS,
  DischargeSchema,
  EvaluationSchema,
  HandOverSchema,
  INTERVENTION_KINDS,
  InterventionSchema,
  PlanSchema,
  PROGRESS,
  ReturnCaseSchema,
  SEX_LABELS,
  TERMINATION_REASONS,
  TerminationSchema,
  type CaseAction,
  type CaseEntry,
  type CaseSource,
  type CaseState,
  type CaseView,
} from "@puskesos/core/casework/schema";
import { bodyOf, CaseFields } from "../components/case-fields.tsx";
import { HandoverSummary } from "../components/handover-summary.tsx";
import { kabupatenNamed } from "../components/kabupaten-field.tsx";
import { Alert, errorsFromApi, sentenceFromApi } from "../components/form.tsx";
import { printNow, useA4Print } from "../components/print.tsx";
import { focusRefused, markRefused } from "../components/refused.ts";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { me } from "../lib/session.ts";
import { formatDateTime, formatDay } from "../lib/time.ts";

const cases = api.cases[":id"];
/** Each action through its own typed route, its body checked with the action's declared schema first. */
const SEND: Record<CaseAction, (id: string, body: unknown) => Promise<CaseView>> = {
  assess: (id, b) => call(cases.assess.$post({ param: { id }, json: checked(AssessmentSchema, b) })),
  "submit-plan": (id, b) => call(cases["submit-plan"].$post({ param: { id }, json: checked(PlanSchema, b) })),
  "approve-plan": (id, b) =>
    call(cases["approve-plan"].$post({ param: { id }, json: checked(ApproveCaseSchema, b) })),
  "return-plan": (id, b) =>
    call(cases["return-plan"].$post({ param: { id }, json: checked(ReturnCaseSchema, b) })),
  intervene: (id, b) => call(cases.intervene.$post({ param: { id }, json: checked(InterventionSchema, b) })),
  evaluate: (id, b) => call(cases.evaluate.$post({ param: { id }, json: checked(EvaluationSchema, b) })),
  "submit-termination": (id, b) =>
    call(cases["submit-termination"].$post({ param: { id }, json: checked(TerminationSchema, b) })),
  "approve-termination": (id, b) =>
    call(cases["approve-termination"].$post({ param: { id }, json: checked(ApproveCaseSchema, b) })),
  "return-termination": (id, b) =>
    call(cases["return-termination"].$post({ param: { id }, json: checked(ReturnCaseSchema, b) })),
  admit: (id, b) => call(cases.admit.$post({ param: { id }, json: checked(AdmitSchema, b) })),
  discharge: (id, b) => call(cases.discharge.$post({ param: { id }, json: checked(DischargeSchema, b) })),
  "hand-over": (id, b) => call(cases["hand-over"].$post({ param: { id }, json: checked(HandOverSchema, b) })),
};

/**
 * The question asked before an action core declares irreversible (`confirm`): who and where, from what the
 * form holds. None when the server will refuse it anyway (another kabupaten's code that is no kabupaten,
 * or this one): the refusal then comes without a question about a step that will not happen.
 */
const QUESTION: Partial<
  Record<CaseAction, (body: Record<string, unknown>, view: CaseView) => Promise<string | undefined>>
> = {
  "hand-over": async (body, view) => {
    const code = String(body.toKabupatenCode ?? "");
    if (code === me()?.scope.code.slice(0, 5)) return undefined;
    const name = await kabupatenNamed(code);
    // No list to name it from (a weak link): still asked, by its code.
    return name === undefined ? undefined : `Serahkan ${view.client.name} ke ${name ?? `kabupaten ${code}`}?`;
  },
};

const ppksName = (code: string) => CATALOGS.ppks.find((p) => p.code === code)?.name ?? code;

/** An action: its fields, and a button sent with the version the worker is looking at. */
function Decision(props: {
  action: CaseAction;
  view: CaseView;
  /** What this action recorded last time (a termination sent back is sent again from it). */
  previous?: Record<string, unknown> | undefined;
  onDone: (done: string) => void;
}) {
  const spec = () => CASE_WORKFLOW.actions[props.action];
  const [open, setOpen] = createSignal(false);
  // Focus follows the form: to its heading when it opens, back to its button when it closes.
  let opener: HTMLButtonElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  const show = (value: boolean) => {
    setOpen(value);
    queueMicrotask(() => (value ? heading : opener)?.focus());
  };
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    // One send at a time: a second Enter while the question is prepared would ask twice.
    if (sending) return;
    sending = true;
    setMessage("");
    // The last refusal's marks go with its message: a question asked now is about fields set right.
    markRefused(form, {}, alertId);
    try {
      const body = bodyOf(form, props.view);
      const declared = spec();
      if ("confirm" in declared) {
        // Asked only once the fields are right (a refusal after "yes" would have asked for nothing), and
        // before the button is disabled, so that "Batal" gives the focus back to it.
        checked(declared.input, body);
        const question = await (QUESTION[props.action] ?? (async () => ""))(body, props.view);
        const { ask } = await import("../lib/ask.ts");
        if (
          question !== undefined &&
          !(await ask(`${question}\n\n${declared.confirm}`.trim(), declared.label))
        )
          return;
      }
      setBusy(true);
      await SEND[props.action](props.view.id, body);
      setOpen(false);
      props.onDone(spec().done);
    } catch (error) {
      setMessage(sentenceFromApi(error));
      // The reason is said at the top of a long form: the first field it names (or the form's heading,
      // just above the reason) takes the focus, so a phone shows it and a screen reader reads it.
      const named = markRefused(form, errorsFromApi(error).fields, alertId);
      if (named) focusRefused(named, alertId);
      else heading?.focus();
    } finally {
      setBusy(false);
      sending = false;
    }
  };
  let sending = false;
  const alertId = `refused-${props.action}`;
  return (
    <Show
      when={open()}
      fallback={
        <button
          type="button"
          ref={opener}
          classList={{ danger: "danger" in spec() }}
          onClick={() => show(true)}
          data-testid={`open-${props.action}`}
        >
          {spec().label}
        </button>
      }
    >
      <form class="decision" onSubmit={submit} novalidate data-testid={`decision-${props.action}`}>
        <h3 tabindex="-1" ref={heading}>
          {spec().label}
        </h3>
        <Show when={message()}>
          <Alert id={alertId}>{message()}</Alert>
        </Show>
        <CaseFields action={props.action} view={props.view} previous={props.previous} />
        <div class="buttons">
          <button type="submit" disabled={busy()} classList={{ danger: "danger" in spec() }}>
            {spec().label}
          </button>
          <button type="button" class="secondary" onClick={() => show(false)}>
            Batal
          </button>
        </div>
      </form>
    </Show>
  );
}

type Goal = { id: string; goal: string; steps?: { id: string; step: string }[] };
const progressName = (code: unknown) => PROGRESS.find(([p]) => p === code)?.[1] ?? String(code);

/** A list an entry keeps (a plan's goals, progress per goal, conditions), in words. */
function listWords(k: string, v: unknown, goals: Goal[]): string | undefined {
  if (!Array.isArray(v)) return undefined;
  const goalName = (id: unknown) => goals.find((g) => g.id === id)?.goal ?? String(id);
  const items = v as Record<string, unknown>[];
  switch (k) {
    case "conditions":
      return (v as string[]).map((c) => CONDITIONS.find(([code]) => code === c)?.[1] ?? c).join(", ");
    case "psks":
      return items.map((p) => String(p.name ?? "")).join(", ");
    case "goals":
      return items
        .map((g) =>
          "progress" in g
            ? `${goalName(g.goalId)}: ${progressName(g.progress)}${g.note ? ` (${String(g.note)})` : ""}`
            : `${String(g.goal)}: ${((g.steps ?? []) as { step: string; targetDate: string }[])
                .map((s) => `${s.step} (target ${formatDay(s.targetDate)})`)
                .join(", ")}`,
        )
        .join("\n");
    case "targetChanges":
      return items
        .map((c) => {
          const step = goals.flatMap((g) => g.steps ?? []).find((st) => st.id === c.stepId)?.step;
          return `${step ?? String(c.stepId)} → ${formatDay(String(c.targetDate))}`;
        })
        .join(", ");
    default:
      return undefined;
  }
}

/** Fields whose value is a code of a list: shown by the list's label ("Tujuan tercapai", not the code). */
const CODED: Record<string, Map<string, string>> = {
  kind: new Map(INTERVENTION_KINDS),
  reason: new Map(TERMINATION_REASONS),
};

/** An entry's fields in words: the stage's own record, as the worker wrote it. */
function EntryData(props: { entry: CaseEntry; goals: Goal[] }) {
  const LABELS: Record<string, string> = {
    problems: "Masalah",
    needs: "Kebutuhan",
    strengths: "Kekuatan",
    family: "Keluarga dan sumber bantuan",
    notes: "Catatan",
    note: "Catatan",
    description: "Uraian",
    goal: "Tujuan",
    kind: "Jenis",
    date: "Tanggal",
    reason: "Alasan",
    destination: "Keberadaan klien",
    facility: "Fasilitas",
    admittedOn: "Masuk",
    dischargedOn: "Keluar",
    to: "Kabupaten tujuan",
    receiver: "Penerima",
    from: "Dari",
    worker: "Pekerja sosial",
    conditions: "Kondisi",
    psks: "PSKS yang terlibat",
    goals: "Tujuan",
    targetChanges: "Target diubah",
    completesStep: "Langkah yang diselesaikan",
  };
  // A step an intervention completed is kept by its id: said by the plan's own words for it.
  const stepName = (id: string) =>
    props.goals.flatMap((g) => g.steps ?? []).find((s) => s.id === id)?.step ?? id;
  const words = (k: string, v: unknown): string | undefined =>
    k === "completesStep" && typeof v === "string"
      ? stepName(v)
      : typeof v === "string" || typeof v === "number"
        ? (CODED[k]?.get(String(v)) ?? String(v))
        : listWords(k, v, props.goals);
  // In the order of LABELS (problems before needs), dates as the kabupaten writes them.
  const shown = () =>
    Object.keys(LABELS)
      .map((k) => [k, words(k, props.entry.data[k])] as const)
      .filter((pair): pair is readonly [string, string] => Boolean(pair[1]))
      .map(([k, v]) => [k, /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v) : v] as const);
  return (
    <dl class="facts small">
      <For each={shown()}>
        {([k, v]) => (
          <>
            <dt>{LABELS[k]}</dt>
            <dd class="pre">{v}</dd>
          </>
        )}
      </For>
    </dl>
  );
}

export default function Case() {
  const params = useParams<{ id: string }>();
  const [done, setDone] = createSignal("");
  const [file, { refetch }] = createResource(
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
      <Show when={file()}>
        {(f) => {
          const c = () => f().case;
          return (
            <>
              <h1>Kasus: {c().client.name}</h1>
              <Show when={done()}>
                <Alert kind="success">{done()}</Alert>
              </Show>
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
                  {c().client.identityVerified ? " (terverifikasi)" : " (identitas belum terverifikasi)"}
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
                    {" · "}
                    <A href={`/pengaduan/${c().source.complaintId}`}>lihat pengaduan</A>
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
                    <h2>Dari kabupaten asal</h2>
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
                        onDone={(label) => {
                          setDone(`${label}.`);
                          void refetch();
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
