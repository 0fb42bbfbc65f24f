import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Show, type JSX } from "solid-js";
import { DEFAULT_CATALOG } from "@puskesos/core/catalog/schema";
import { useCatalog } from "../lib/catalog.ts";
import {
  REFERRAL_STATE_LABELS,
  URGENCIES,
  type ReferralView,
  type TransitionAction,
} from "@puskesos/core/referral/schema";
import { Alert, errorsFromApi } from "../components/form.tsx";
import { Timeline } from "../components/timeline.tsx";
import { api, call } from "../lib/api.ts";
import { me } from "../lib/session.ts";

/** A decision: a few fields and a button, sent with the version the officer is looking at. */
function Decision(props: {
  title: string;
  action: TransitionAction;
  referral: ReferralView;
  onDone: () => void;
  children?: JSX.Element;
  danger?: boolean;
}) {
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body: Record<string, unknown> = { version: props.referral.version };
    for (const [name, value] of form.entries()) if (String(value).trim()) body[name] = String(value).trim();
    setBusy(true);
    setMessage("");
    try {
      await call(
        api.referrals[":id"][":action"].$post({
          param: { id: props.referral.id, action: props.action },
          json: body as never,
        }),
      );
      props.onDone();
    } catch (error) {
      const e = errorsFromApi(error);
      setMessage(
        [e.message, ...Object.values(e.fields)].filter((m, i, all) => all.indexOf(m) === i).join(" "),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="decision" onSubmit={submit} data-testid={`decision-${props.action}`}>
      <h3>{props.title}</h3>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      {props.children}
      <button type="submit" disabled={busy()} classList={{ danger: Boolean(props.danger) }}>
        {props.title}
      </button>
    </form>
  );
}

const NoteField = (props: { name: string; label: string }) => (
  <label class="field">
    <span class="label">{props.label}</span>
    <textarea name={props.name} rows="2" />
  </label>
);

export default function Referral() {
  const params = useParams<{ id: string }>();
  const [referral, { refetch }] = createResource(
    () => params.id,
    (id) => call(api.referrals[":id"].$get({ param: { id } })),
  );
  const [timeline, { refetch: refetchTimeline }] = createResource(
    () => params.id,
    (id) => call(api.referrals[":id"].timeline.$get({ param: { id } })),
  );
  const done = () => {
    void refetch();
    void refetchTimeline();
  };
  const role = () => me()?.role;
  const [catalog] = useCatalog();
  const all = () => catalog() ?? DEFAULT_CATALOG;
  const opdName = (code: string) => all().opds.find((o) => o.code === code)?.name ?? code;
  const programName = (code: string) => all().programs.find((p) => p.code === code)?.name ?? code;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <section class="card">
      <p>
        <A href="/perlu-tindakan">← Perlu tindakan</A>
      </p>
      <Show when={referral()}>
        {(r) => (
          <>
            <h1>Rujukan: {r().reporter.name}</h1>
            <dl class="facts">
              <dt>Status</dt>
              <dd data-testid="referral-state">
                {REFERRAL_STATE_LABELS[r().state]}
                <Show when={r().overdue}>
                  {" "}
                  <span class="badge">terlambat</span>
                </Show>
              </dd>
              <dt>Batas waktu</dt>
              <dd>{new Date(r().dueAt).toLocaleDateString("id-ID", { dateStyle: "long" })}</dd>
              <dt>NIK</dt>
              <dd>
                <code>{r().reporter.nikMasked}</code>
              </dd>
              <dt>Kepentingan</dt>
              <dd>{URGENCIES[r().urgency]}</dd>
              <dt>Alasan</dt>
              <dd class="pre">{r().reason}</dd>
              <dt>Kebutuhan</dt>
              <dd class="pre">{r().needs}</dd>
              <Show when={r().notes}>
                <dt>Catatan desa</dt>
                <dd class="pre">{r().notes}</dd>
              </Show>
              <Show when={r().recommendation}>
                <dt>Rekomendasi supervisor</dt>
                <dd class="pre">{r().recommendation}</dd>
              </Show>
              <Show when={r().lastNote}>
                <dt>Catatan terakhir</dt>
                <dd class="pre" data-testid="referral-last-note">
                  {r().lastNote}
                </dd>
              </Show>
              <Show when={r().opd}>
                <dt>OPD tujuan</dt>
                <dd>
                  {opdName(r().opd!)} · {programName(r().program ?? "")}
                </dd>
                <dt>Surat rujukan</dt>
                <dd>
                  {r().letterNumber} ({r().approvedByName}) ·{" "}
                  <A href={`/rujukan/${r().id}/surat`} data-testid="letter-link">
                    Cetak surat rujukan
                  </A>
                </dd>
              </Show>
              <Show when={r().outcome}>
                <dt>Hasil layanan</dt>
                <dd>
                  {r().outcome!.service} ({r().outcome!.servedOn}, ref. {r().outcome!.reference})
                </dd>
              </Show>
            </dl>

            <Show when={role() === "supervisor" && r().state === "diajukan"}>
              <div class="decisions">
                <Decision title="Teruskan ke manajer" action="forward" referral={r()} onDone={done}>
                  <NoteField name="recommendation" label="Rekomendasi (bila ada)" />
                </Decision>
                <Decision
                  title="Kembalikan ke desa"
                  action="return-to-desa"
                  referral={r()}
                  onDone={done}
                  danger
                >
                  <NoteField name="note" label="Yang perlu diperbaiki desa" />
                </Decision>
              </div>
            </Show>
            <Show
              when={["back-office", "koordinator"].includes(role() ?? "") && r().state === "dikembalikan"}
            >
              <Decision title="Ajukan kembali" action="resubmit" referral={r()} onDone={done}>
                <NoteField name="note" label="Yang sudah diperbaiki" />
              </Decision>
            </Show>
            <Show
              when={
                role() === "manajer" &&
                (["diteruskan", "ditolak-opd"].includes(r().state) ||
                  (r().state === "diajukan" && r().overdue))
              }
            >
              <div class="decisions">
                <Decision title="Setujui dan tugaskan OPD" action="approve" referral={r()} onDone={done}>
                  <label class="field">
                    <span class="label">OPD tujuan</span>
                    <select name="opd" data-testid="approve-opd">
                      <For each={all().opds}>
                        {(o) => (
                          <option value={o.code} selected={r().suggestedOpds.includes(o.code)}>
                            {o.name}
                          </option>
                        )}
                      </For>
                    </select>
                  </label>
                  <label class="field">
                    <span class="label">Program</span>
                    <select name="program">
                      <For each={all().programs}>
                        {(p) => (
                          <option value={p.code} selected={r().programs.includes(p.code)}>
                            {p.name}
                          </option>
                        )}
                      </For>
                    </select>
                  </label>
                  <label class="field">
                    <span class="label">Batas waktu OPD (kosong: sesuai pengaturan)</span>
                    <input type="date" name="dueDate" min={today} />
                  </label>
                </Decision>
                <Decision title="Tolak" action="reject" referral={r()} onDone={done} danger>
                  <NoteField name="reason" label="Alasan penolakan" />
                </Decision>
                <Show when={r().state === "diteruskan"}>
                  <Decision
                    title="Kembalikan ke supervisor"
                    action="return-to-supervisor"
                    referral={r()}
                    onDone={done}
                  >
                    <NoteField name="note" label="Catatan" />
                  </Decision>
                </Show>
              </div>
            </Show>
            <Show when={role() === "opd" && r().state === "disetujui"}>
              <div class="decisions">
                <Decision title="Terima rujukan" action="accept" referral={r()} onDone={done} />
                <Decision title="Tolak rujukan" action="decline" referral={r()} onDone={done} danger>
                  <NoteField name="reason" label="Alasan" />
                </Decision>
              </div>
            </Show>
            <Show when={role() === "opd" && r().state === "diterima-opd"}>
              <Decision title="Catat hasil layanan" action="complete" referral={r()} onDone={done}>
                <NoteField name="service" label="Layanan yang diberikan" />
                <label class="field">
                  <span class="label">Tanggal layanan</span>
                  <input type="date" name="servedOn" value={today} />
                </label>
                <label class="field">
                  <span class="label">Nomor referensi</span>
                  <input name="reference" />
                </label>
              </Decision>
            </Show>
            <Timeline events={timeline()} />
          </>
        )}
      </Show>
    </section>
  );
}
