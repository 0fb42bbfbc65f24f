import { A } from "@solidjs/router";
import { newId } from "../lib/id.ts";
import { createResource, createSignal, For, Show } from "solid-js";
import {
  AnswerRequestSchema,
  CreateRequestSchema,
  DeclineRequestSchema,
  REQUEST_KIND_LABELS,
  REQUEST_KINDS,
  REQUEST_WORKFLOW,
  type RequestAction,
  type RequestView,
} from "@puskesos/core/privacy/schema";
import { Alert, createForm, ErrorList, Field, sentenceFromApi } from "../components/form.tsx";
import { IdInput } from "../components/nik-input.tsx";
import { Tabs } from "../components/tabs.tsx";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { can } from "../lib/session.ts";
import { formatDateTime, formatDay, defaultDay, today } from "../lib/time.ts";
import "../components/card-list.css";

const STATUSES = [
  ["terbuka", "Menunggu jawaban"],
  ["semua", "Semua"],
] as const;

/**
 * Residents' requests about their data (access, correction, deletion, objection): recorded as they come
 * in, each with its due day, and answered or declined with the reason kept. A correction itself is
 * made by the desa's front office on the complaint; the answer says what was done.
 */
export default function PrivacyRequests() {
  const [status, setStatus] = createSignal<"terbuka" | "semua">("terbuka");
  const [page, { refetch }] = createResource(status, (s) =>
    call(api.privacy.requests.$get({ query: { status: s } })),
  );
  return (
    <>
      <section class="card">
        <p>
          <A href="/pelindungan-data">← Laporan akses data</A>
        </p>
        <h1>Permintaan warga atas datanya</h1>
        <Tabs label="Status permintaan" options={STATUSES} value={status()} onChange={setStatus} />
        <Show when={page.error as Error | undefined}>{(e) => <Alert>{e().message}</Alert>}</Show>
        <Show when={page.latest}>
          {(p) => (
            <Show
              when={p().items.length}
              fallback={
                <p class="muted">
                  {status() === "terbuka" ? "Tidak ada permintaan yang menunggu." : "Belum ada permintaan."}
                </p>
              }
            >
              <ul class="requests" data-testid="request-list">
                <For each={p().items}>{(r) => <Request request={r} onDone={() => void refetch()} />}</For>
              </ul>
            </Show>
          )}
        </Show>
      </section>
      <NewRequest onDone={() => void refetch()} />
    </>
  );
}

function Request(props: { request: RequestView; onDone: () => void }) {
  const r = () => props.request;
  return (
    <li class="card inner" data-testid="request">
      <strong>{r().name}</strong> <span class="muted">NIK {r().nikMasked}</span>
      <div>
        {r().kindLabel} · diterima {formatDay(r().receivedOn)} · jatuh tempo {formatDay(r().dueOn)}{" "}
        <Show when={r().overdue}>
          <span class="badge">lewat batas</span>
        </Show>
        <Show when={r().answeredLate}>
          <span class="badge">dijawab lewat batas</span>
        </Show>
      </div>
      <div class="note">{r().detail}</div>
      <Show when={r().contact}>
        <div class="muted">Kontak: {r().contact}</div>
      </Show>
      <div>
        Status: <strong>{r().stateLabel}</strong>
        <Show when={r().answeredAt}>
          {" "}
          ({formatDateTime(r().answeredAt!)} oleh {r().answeredByName ?? r().answeredBy})
        </Show>
      </div>
      <Show when={r().answer}>
        <div class="note">{r().answer}</div>
      </Show>
      {/* An access request is answered with the access report: made from the request's own NIK,
          which travels in the page's state, never in its address. */}
      <Show when={r().kind === "akses" && can("privacy.report")}>
        <p>
          <A href="/pelindungan-data" state={{ requestId: r().id }}>
            Buat laporan akses untuk permintaan ini
          </A>
        </p>
      </Show>
      <For each={r().actions as RequestAction[]}>
        {(action) => <Close request={r()} action={action} onDone={props.onDone} />}
      </For>
    </li>
  );
}

/** Answer or decline, as the request's view offers them. */
function Close(props: { request: RequestView; action: RequestAction; onDone: () => void }) {
  const spec: { label: string; danger?: boolean } = REQUEST_WORKFLOW.actions[props.action];
  const [message, setMessage] = createSignal("");
  const id = () => `${props.action}-${props.request.id}`;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget as HTMLFormElement).get("text") ?? "");
    setMessage("");
    try {
      const version = props.request.version;
      if (props.action === "answer") {
        const json = checked(AnswerRequestSchema, { version, answer: text });
        await call(api.privacy.requests[":id"].answer.$post({ param: { id: props.request.id }, json }));
      } else {
        const json = checked(DeclineRequestSchema, { version, reason: text });
        await call(api.privacy.requests[":id"].decline.$post({ param: { id: props.request.id }, json }));
      }
      props.onDone();
    } catch (error) {
      setMessage(sentenceFromApi(error));
    }
  };
  return (
    <details data-testid={`request-${props.action}`}>
      <summary>{spec.label}</summary>
      <form onSubmit={submit} novalidate>
        <Show when={message()}>
          <Alert>{message()}</Alert>
        </Show>
        <Field label={props.action === "answer" ? "Jawaban untuk warga" : "Alasan penolakan"} name={id()}>
          <textarea id={id()} name="text" rows="3" />
        </Field>
        <button type="submit" classList={{ danger: Boolean(spec.danger) }}>
          {spec.label}
        </button>
      </form>
    </details>
  );
}

function NewRequest(props: { onDone: () => void }) {
  const [done, setDone] = createSignal("");
  const { errors, message, busy, submit } = createForm({
    schema: CreateRequestSchema,
    read: (data) => {
      const contact = String(data.get("contact") ?? "").trim();
      return {
        id: newId(),
        kind: String(data.get("kind") ?? ""),
        nik: String(data.get("nik") ?? ""),
        name: String(data.get("name") ?? ""),
        ...(contact ? { contact } : {}),
        detail: String(data.get("detail") ?? ""),
        receivedOn: String(data.get("receivedOn") ?? ""),
      };
    },
    send: async (json, form) => {
      const made = await call(api.privacy.requests.$post({ json }));
      form.reset();
      // reset() gives back the attributes, and the day received was set as a property: today again.
      (form.elements.namedItem("receivedOn") as HTMLInputElement).value = today();
      setDone(`Permintaan ${made.name} dicatat; jatuh tempo ${formatDay(made.dueOn)}.`);
      props.onDone();
    },
  });
  return (
    <section class="card">
      <h2>Catat permintaan baru</h2>
      <form onSubmit={submit} novalidate data-testid="new-request">
        <Show when={message()}>
          <Alert>{message()}</Alert>
        </Show>
        <Show when={done()}>
          <Alert kind="success">{done()}</Alert>
        </Show>
        <ErrorList errors={errors()} />
        <Field label="Jenis permintaan" name="request-kind" error={errors().kind}>
          <select id="request-kind" name="kind">
            <option value="">Pilih…</option>
            <For each={REQUEST_KINDS}>{(k) => <option value={k}>{REQUEST_KIND_LABELS[k]}</option>}</For>
          </select>
        </Field>
        <Field label="NIK warga" name="request-nik" error={errors().nik}>
          <IdInput id="request-nik" name="nik" kind="nik" serverError={errors().nik} />
        </Field>
        <Field label="Nama warga" name="request-name" error={errors().name}>
          <input id="request-name" name="name" autocomplete="off" />
        </Field>
        <Field label="Kontak (HP atau alamat, bila ada)" name="request-contact" error={errors().contact}>
          <input id="request-contact" name="contact" autocomplete="off" />
        </Field>
        <Field label="Tanggal diterima" name="request-received" error={errors().receivedOn}>
          <input id="request-received" name="receivedOn" type="date" value={defaultDay()} max={today()} />
        </Field>
        <Field label="Isi permintaan" name="request-detail" error={errors().detail}>
          <textarea id="request-detail" name="detail" rows="3" />
        </Field>
        <button type="submit" disabled={busy()}>
          Catat permintaan
        </button>
      </form>
    </section>
  );
}
