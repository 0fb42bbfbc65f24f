import { useNavigate } from "@solidjs/router";
import { newId } from "../lib/id.ts";
import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import { desaKindOf } from "@puskesos/core/region/words";
import { CATALOGS, DEFAULT_CATALOG, SERVICE_FIELDS } from "@puskesos/core/catalog/schema";
import { suggestFrom } from "@puskesos/core/catalog/suggest";
import { Tabs } from "../components/tabs.tsx";
import { useCatalog } from "../lib/catalog.ts";
import {
  COMPLAINT_WORKFLOW,
  HandlingSchema,
  type ComplaintAction,
  type ComplaintView,
} from "@puskesos/core/complaint/schema";
import { CreateReferralSchema, URGENCIES } from "@puskesos/core/referral/schema";
import {
  Alert,
  createForm,
  errorsFromApi,
  ErrorList,
  Field,
  focusFirstInvalid,
  saidByFields,
  type Errors,
} from "../components/form.tsx";
import { api, ApiError, call } from "../lib/api.ts";
import { leaveNotice } from "../lib/notice.ts";
import { ownLatest } from "../lib/record.ts";
import { me } from "../lib/session.ts";
import { checked } from "../lib/checked.ts";

/** The desa back office on a complaint: record the answer and handling, resolve it, or refer it. */
const PSKS = CATALOGS.psks;

export default function BackOffice(props: {
  complaint: ComplaintView;
  /** Reloads the complaint; the buttons wait for it, so the page shows the change before another tap. */
  onDone: () => Promise<{ timeline: readonly { action: string; by: string }[] } | undefined>;
}) {
  const navigate = useNavigate();
  const may = (action: ComplaintAction) => props.complaint.actions.includes(action);
  const place = desaKindOf(props.complaint.desaCode);
  const [mode, setMode] = createSignal<"handle" | "refer">(
    may("handle") || may("resolve") ? "handle" : "refer",
  );
  const [message, setMessage] = createSignal("");
  const [handleErrors, setHandleErrors] = createSignal<Errors>({});
  // Which of the two is on its way: both buttons wait (a second tap would meet the first's change).
  const [sending, setSending] = createSignal<"handle" | "resolve">();
  const [saved, setSaved] = createSignal("");
  const [catalog] = useCatalog();
  // The registry's active entries this desa can call on (its own, its kecamatan's, the kabupaten's).
  const [registry] = createResource(async () =>
    (await call(api.psks.$get({ query: {} }))).filter((e) => e.active),
  );
  const all = () => catalog() ?? DEFAULT_CATALOG;
  // Drawn once the kabupaten's catalog is in: drawn from the defaults first, the lists were drawn again
  // when it arrived, and the ticks the officer had made were lost.
  const suggestions = createMemo(() => suggestFrom(all(), props.complaint.ppks, props.complaint.category));

  const handle = async (action: "handle" | "resolve", form: HTMLFormElement) => {
    const data = new FormData(form);
    const input = {
      version: props.complaint.version,
      answer: String(data.get("answer") ?? ""),
      ...(String(data.get("handling") ?? "").trim() ? { handling: String(data.get("handling")) } : {}),
      ...(String(data.get("villageProgram") ?? "").trim()
        ? { villageProgram: String(data.get("villageProgram")) }
        : {}),
      ...(data.get("serviceField") ? { serviceField: String(data.get("serviceField")) } : {}),
      psks: data.getAll("psks").map(String),
      ...(data.getAll("psksIds").length ? { psksIds: data.getAll("psksIds").map(String) } : {}),
    };
    setMessage("");
    setSaved("");
    setHandleErrors({});
    setSending(action);
    try {
      const param = { id: props.complaint.id };
      const json = checked(HandlingSchema, input);
      await call(
        action === "handle"
          ? api.complaints[":id"].handle.$post({ param, json })
          : api.complaints[":id"].resolve.$post({ param, json }),
      );
      await props.onDone();
      setSaved(COMPLAINT_WORKFLOW.actions[action].done);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const fresh = await props.onDone();
        if (ownLatest(fresh?.timeline, `complaint.${action}`, me()?.username)) {
          setSaved(COMPLAINT_WORKFLOW.actions[action].done);
          return;
        }
      }
      // Each reason once: under the field it names, or at the top when it names none.
      const e = errorsFromApi(error);
      setHandleErrors(e.fields);
      setMessage(saidByFields(form, e.fields) ? "" : e.message);
      focusFirstInvalid(form);
    } finally {
      setSending(undefined);
    }
  };

  // One id for this referral however often it is sent: a resend after a lost answer gets the referral
  // the first send made (the server answers an id it has with that referral), not a refusal.
  const referralId = newId();
  const refer = createForm({
    schema: CreateReferralSchema,
    read: (form) => ({
      id: referralId,
      complaintId: props.complaint.id,
      reason: form.get("reason"),
      urgency: form.get("urgency"),
      needs: form.get("needs"),
      ...(String(form.get("notes") ?? "").trim() ? { notes: form.get("notes") } : {}),
      opds: form.getAll("opds"),
      programs: form.getAll("programs"),
    }),
    send: async (referral) => {
      const created = await call(api.referrals.$post({ json: referral }));
      const page = `/rujukan/${created.id}`;
      // Said on the referral's page, and still said when that page fails to load.
      leaveNotice(page, COMPLAINT_WORKFLOW.actions.refer.done);
      navigate(page);
    },
  });

  return (
    <section class="card inner" data-testid="back-office">
      {/* The same toggle as a list's views (tabs.css), whichever page loaded first. */}
      <Tabs
        label="Tindakan back office"
        options={[
          ...(may("handle") || may("resolve") ? [["handle", `Tangani di ${place}`] as const] : []),
          ...(may("refer") ? [["refer", COMPLAINT_WORKFLOW.actions.refer.label] as const] : []),
        ]}
        value={mode()}
        onChange={setMode}
      />
      <Show when={mode() === "handle"}>
        <form onSubmit={(e) => e.preventDefault()}>
          <Show when={message()}>
            <Alert>{message()}</Alert>
          </Show>
          <Show when={saved()}>
            <Alert kind="success">Tersimpan: {saved()}.</Alert>
          </Show>
          <Field label="Jawaban / informasi yang diberikan" name="answer" error={handleErrors().answer}>
            <textarea id="answer" name="answer" rows="3" />
          </Field>
          <Field label={`Penanganan di ${place} (bila ada)`} name="handling" error={handleErrors().handling}>
            <textarea id="handling" name="handling" rows="2" />
          </Field>
          <Field
            label={`Program ${place} (bila ada)`}
            name="villageProgram"
            error={handleErrors().villageProgram}
          >
            <input id="villageProgram" name="villageProgram" />
          </Field>
          <Field label="Bidang layanan (bila ada)" name="serviceField" error={handleErrors().serviceField}>
            <select id="serviceField" name="serviceField">
              <option value="">— pilih —</option>
              <For each={SERVICE_FIELDS}>{(f) => <option value={f.code}>{f.name}</option>}</For>
            </select>
          </Field>
          <Show when={registry()?.length}>
            <details>
              <summary>PSKS dari daftar PSKS yang dilibatkan</summary>
              <For each={registry()}>
                {(e) => (
                  <label class="check">
                    <input type="checkbox" name="psksIds" value={e.id} /> {e.name} ({e.contactName})
                  </label>
                )}
              </For>
            </details>
          </Show>
          <details>
            <summary>PSKS yang terlibat</summary>
            <For each={PSKS}>
              {(p) => (
                <label class="check">
                  <input type="checkbox" name="psks" value={p.code} /> {p.name}
                </label>
              )}
            </For>
          </details>
          <div class="buttons">
            <Show when={may("handle")}>
              <button
                type="button"
                class="secondary"
                disabled={Boolean(sending())}
                onClick={(e) => handle("handle", e.currentTarget.form!)}
              >
                {sending() === "handle" ? "Mengirim…" : COMPLAINT_WORKFLOW.actions.handle.label}
              </button>
            </Show>
            <Show when={may("resolve")}>
              <button
                type="button"
                disabled={Boolean(sending())}
                onClick={(e) => handle("resolve", e.currentTarget.form!)}
                data-testid="resolve"
              >
                {sending() === "resolve" ? "Mengirim…" : COMPLAINT_WORKFLOW.actions.resolve.label}
              </button>
            </Show>
          </div>
        </form>
      </Show>
      <Show when={mode() === "refer"}>
        <form onSubmit={refer.submit} novalidate data-testid="refer-form">
          <Show when={refer.message()}>
            <Alert>{refer.message()}</Alert>
          </Show>
          <ErrorList errors={refer.errors()} />
          <Field label="Alasan rujukan" name="reason" error={refer.errors().reason}>
            <textarea id="reason" name="reason" rows="2" />
          </Field>
          <Field
            label="Tingkat kepentingan"
            name="urgency"
            error={refer.errors().urgency}
            hint="Tertulis pada rujukan dan suratnya; batas waktu tiap tahap tetap sesuai pengaturan kabupaten/kota."
          >
            <select id="urgency" name="urgency">
              <For each={Object.entries(URGENCIES)}>
                {([code, label]) => <option value={code}>{label}</option>}
              </For>
            </select>
          </Field>
          <Field label="Kebutuhan warga" name="needs" error={refer.errors().needs}>
            <textarea id="needs" name="needs" rows="2" />
          </Field>
          <Field label="Catatan (bila ada)" name="notes" error={refer.errors().notes}>
            <textarea id="notes" name="notes" rows="2" />
          </Field>
          <Show when={catalog()} fallback={<p class="muted">Memuat daftar OPD dan program…</p>}>
            <fieldset>
              <legend>OPD yang disarankan</legend>
              <For
                each={suggestions().opds}
                fallback={<p class="muted">Tidak ada saran dari kategori atau jenis PPKS; pilih di bawah.</p>}
              >
                {(o) => (
                  <label class="check">
                    <input type="checkbox" name="opds" value={o.code} checked={o.ticked} />
                    {/* One run of text beside the box: as flex items of their own, "(kategori)" broke mid-word. */}
                    <span>
                      {o.name} <span class="muted">({o.because})</span>
                    </span>
                  </label>
                )}
              </For>
            </fieldset>
            <details>
              <summary>OPD lain</summary>
              <For each={all().opds.filter((o) => !suggestions().opds.some((s) => s.code === o.code))}>
                {(o) => (
                  <label class="check">
                    <input type="checkbox" name="opds" value={o.code} /> {o.name}
                  </label>
                )}
              </For>
            </details>
            <fieldset>
              <legend>Program yang disarankan</legend>
              <For each={suggestions().programs}>
                {(p) => (
                  <label class="check">
                    <input type="checkbox" name="programs" value={p.code} /> {p.name}
                  </label>
                )}
              </For>
            </fieldset>
            <details>
              <summary>Program lain</summary>
              <For
                each={all().programs.filter((p) => !suggestions().programs.some((s) => s.code === p.code))}
              >
                {(p) => (
                  <label class="check">
                    <input type="checkbox" name="programs" value={p.code} /> {p.name}
                  </label>
                )}
              </For>
            </details>
          </Show>
          <button type="submit" disabled={refer.busy()}>
            {refer.busy() ? "Mengirim…" : "Kirim rujukan ke supervisor"}
          </button>
        </form>
      </Show>
    </section>
  );
}
