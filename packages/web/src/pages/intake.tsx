import { useSearchParams } from "@solidjs/router";
import { newId } from "../lib/id.ts";
import { createResource, createSignal, For, lazy, onCleanup, Show } from "solid-js";
import { COMPLAINT_CATEGORIES, PPKS_BY_RUMPUN } from "@puskesos/core/catalog/reference";
import type { ComplaintView } from "@puskesos/core/complaint/schema";
import { desaLabel } from "@puskesos/core/region/words";
import {
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  RegisterComplaintSchema,
} from "@puskesos/core/complaint/registration";
import { Alert, createForm, ErrorList, Field } from "../components/form.tsx";
import { IdInput } from "../components/nik-input.tsx";
import { api, call } from "../lib/api.ts";
import type { Draft } from "../lib/draft.ts";
import { maxLengthOf } from "../lib/limits.ts";
import { outbox } from "../lib/outbox-lazy.ts";
import { me } from "../lib/session.ts";
import { checkNik } from "@puskesos/core/resident/nik";
import { savedWhen, today } from "../lib/time.ts";

// Not part of the form's first paint: what follows a saved record, the records waiting on this device (an
// offline morning), the desa list of a kabupaten's front office, the folded search by name.
const SavedOnDevice = lazy(() => import("./intake-result.tsx").then((m) => ({ default: m.SavedOnDevice })));
const Saved = lazy(() => import("./intake-result.tsx").then((m) => ({ default: m.Saved })));
const OutboxList = lazy(() =>
  import("../components/outbox-list.tsx").then((m) => ({ default: m.OutboxList })),
);
const DpmNameSearch = lazy(() =>
  import("../components/dpm-name-search.tsx").then((m) => ({ default: m.DpmNameSearch })),
);
const DesaSelect = lazy(() =>
  import("../components/desa-select.tsx").then((m) => ({ default: m.DesaSelect })),
);

type DpmResult = Awaited<ReturnType<typeof lookup>>;
/** What the DPM check tells the officer (in a kota's kelurahan too, so not "DPM desa"). */
function dpmText(r: DpmResult | { error: string }) {
  if ("error" in r) return r.error;
  const entry = r.found[0];
  if (!r.imported) return "DPM belum diimpor.";
  return entry
    ? `Ada di DPM: ${entry.name}${entry.decile ? `, desil ${entry.decile}` : ""}`
    : "Tidak ada di DPM: setelah disimpan, catat profil rumah tangga untuk diusulkan.";
}
const lookup = (desa: string, nik: string) =>
  call(api.dpm[":desa"].nik.$post({ param: { desa }, json: { nik } }));

const DESCRIPTION_MAX = maxLengthOf(RegisterComplaintSchema.entries.description);
/** What a draft never keeps: the resident gives consent, and the officer picks the legal basis, for each record anew. */
const NEVER_DRAFTED = ["consent", "legalBasis", "idConfirmed"] as const;

export default function Intake() {
  const [params] = useSearchParams<{ antrian?: string; sementara?: string }>();
  const [tree] = createResource(() =>
    me()?.scope.level === "kabupaten" ? call(api.regions.$get()) : undefined,
  );
  const [desa, setDesa] = createSignal(me()?.scope.level === "desa" ? me()!.scope.code : "");
  // A kabupaten's office registers for every desa: its receipt names the resident's, not the kabupaten.
  // Not lib/regions.ts's desaNames: importing it puts that module on this route (over its 40 KB budget).
  const officeOf = (code: string) => {
    const place = tree()
      ?.kecamatan.flatMap((k) => k.desa)
      .find((d) => d.code === code);
    return place ? desaLabel(place) : (me()?.scopeName ?? "");
  };
  const [dpm, setDpm] = createSignal<DpmResult | { error: string }>();
  const [needsConfirm, setNeedsConfirm] = createSignal(false);
  const [saved, setSaved] = createSignal<ComplaintView>();
  /** Who was just registered, for the household form's first member (kept in memory only). */
  const [reporter, setReporter] = createSignal<{ nik: string; name: string; kk?: string | undefined }>();
  const [offline, setOffline] = createSignal<string>();
  const [draftNote, setDraftNote] = createSignal<{ name: string; savedAt: string; restored: boolean }>();
  const [descriptionLength, setDescriptionLength] = createSignal(0);
  let draft: Draft | undefined;
  const ticket = () =>
    params.antrian ? `antrian:${params.antrian}` : params.sementara ? `sementara:${params.sementara}` : "";
  let left = false;
  // The draft's code and its sealing load beside the form, not before its first paint (issue 15).
  const startDraft = async (form: HTMLFormElement) => {
    const { keepDraft } = await import("../lib/draft.ts");
    const kept = await keepDraft(form, {
      owner: me()!.username,
      key: "complaint",
      ticket: ticket(),
      never: NEVER_DRAFTED,
      nameField: "name",
    });
    // Left before the draft was read: it stays as it was, offered next time.
    if (left) return kept.close();
    draft = kept;
    if (!draft.summary) return;
    if (draft.interrupted) draft.restore();
    setDraftNote({ ...draft.summary, restored: draft.interrupted });
  };
  const continueDraft = () => {
    setDraftNote(undefined);
    draft?.restore();
  };
  const dropDraft = () => {
    setDraftNote(undefined);
    draft?.discard();
  };
  // The form comes back empty (it was not on the page); what belonged to the last record goes.
  const nextRegistration = () => {
    setOffline(undefined);
    setSaved(undefined);
    setDraftNote(undefined);
    setDescriptionLength(0);
    setDpm(undefined);
    setNeedsConfirm(false);
  };
  // Leaving the form inside the app: its draft is offered next time, never filled in by itself.
  onCleanup(() => {
    left = true;
    draft?.close();
  });
  let filled = "";
  const checkDpm = async () => {
    const nik = (document.getElementById("nik") as HTMLInputElement | null)?.value ?? "";
    setDpm(undefined);
    // A NIK its field already refuses is not sent: the field says why, here only what to do.
    if (!checkNik(nik, { today: today() }).ok) return setDpm({ error: "Perbaiki NIK di atas dulu." });
    try {
      const found = await lookup(desa(), nik);
      setDpm(found);
      // The name as the DPM spells it, when none was typed or the last check filled it (a NIK checked
      // again may be another person's); the draft takes it with the next keystroke.
      const name = document.getElementById("name") as HTMLInputElement;
      if (!name.value.trim() || name.value === filled) name.value = filled = found.found[0]?.name ?? "";
    } catch (error) {
      setDpm({ error: (error as Error).message });
    }
  };

  const { errors, message, busy, submit } = createForm({
    schema: RegisterComplaintSchema,
    read: (form) => {
      // Sent trimmed: the schema trims each of these fields too.
      const optional = (name: string) => String(form.get(name) ?? "").trim() || undefined;
      const queue = Number(params.antrian);
      return {
        id: newId(),
        ...(queue > 0
          ? { queueNumber: queue }
          : params.sementara
            ? { provisionalTicket: params.sementara }
            : {}),
        ...(me()?.scope.level === "kabupaten" ? { desaCode: desa() } : {}),
        reporter: {
          nik: form.get("nik"),
          kk: optional("kk"),
          name: form.get("name"),
          rt: form.get("rt"),
          rw: form.get("rw"),
          dusun: optional("dusun"),
          phone: optional("phone"),
        },
        category: form.get("category"),
        description: form.get("description"),
        ppks: form.getAll("ppks"),
        legalBasis: form.get("legalBasis"),
        consent: form.get("consent") === "on",
        ...(form.get("idConfirmed") === "on" ? { idConfirmed: true } : {}),
      };
    },
    send: async (complaint) => {
      setReporter(complaint.reporter);
      const Outbox = await outbox();
      const item = await Outbox.add("complaint", complaint, complaint.reporter.name);
      draft?.clear();
      const outcome = await Outbox.send(item.id);
      if (outcome?.state === "received" && outcome.kind === "complaint" && outcome.result) {
        setSaved(outcome.result);
        return;
      }
      if (outcome?.state === "refused") {
        // Refused at once: the officer fixes the form rather than the outbox.
        await Outbox.remove(item.id);
        const error = Outbox.refusal(outcome);
        // A NIK with an unknown region code: the officer checks it against the card and confirms.
        if (error.fields.length && error.fields.every((f) => f.needsConfirmation)) setNeedsConfirm(true);
        throw error;
      }
      setOffline(item.id);
    },
  });

  return (
    <Show
      when={!offline()}
      fallback={
        <SavedOnDevice
          id={offline()!}
          reporter={reporter()}
          fromQueue={ticket() !== ""}
          onNext={nextRegistration}
        />
      }
    >
      <Show
        when={!saved()}
        fallback={
          <Saved
            complaint={saved()!}
            reporter={reporter()}
            fromQueue={ticket() !== ""}
            onNext={nextRegistration}
            onChange={setSaved}
            office={officeOf(saved()!.desaCode)}
          />
        }
      >
        <section class="card narrow">
          <h1>Daftarkan pengaduan</h1>
          <Show when={params.antrian}>
            <p class="muted">Nomor antrian {String(params.antrian).padStart(3, "0")}</p>
          </Show>
          <Show when={params.sementara}>
            <p class="muted">Nomor antrian sementara {params.sementara} (diberikan tanpa koneksi)</p>
          </Show>
          <Show when={message()}>
            <Alert>{message()}</Alert>
          </Show>
          <ErrorList errors={errors()} />
          <OutboxList />
          <Show when={draftNote()}>
            {(note) => (
              <Alert kind="info">
                <span data-testid="draft-note">
                  {note().restored ? "Draf dipulihkan" : "Draf belum tersimpan"}:{" "}
                  {note().name || "(tanpa nama)"}, {savedWhen(note().savedAt)}
                </span>{" "}
                <Show
                  when={!note().restored}
                  fallback={
                    <button type="button" class="secondary" onClick={dropDraft}>
                      Mulai formulir kosong
                    </button>
                  }
                >
                  <button type="button" class="secondary" onClick={continueDraft}>
                    Lanjutkan draf
                  </button>{" "}
                  <button type="button" class="secondary" onClick={dropDraft}>
                    Hapus draf
                  </button>
                  <br />
                  <small>Bila formulir ini diisi untuk warga lain, draf tersebut diganti.</small>
                </Show>
              </Alert>
            )}
          </Show>
          <form
            onSubmit={submit}
            novalidate
            onInput={() => {
              if (draftNote() && !draftNote()!.restored) setDraftNote(undefined);
            }}
            ref={(form) => queueMicrotask(() => void startDraft(form))}
          >
            <Show when={me()?.scope.level === "kabupaten"}>
              <Field label="Desa pelapor" name="desaCode" error={errors().desaCode}>
                <DesaSelect id="desaCode" tree={tree()} value={desa()} onChange={setDesa} />
              </Field>
            </Show>
            <fieldset>
              <legend>Pelapor</legend>
              <Field label="NIK" name="nik" error={errors()["reporter.nik"]}>
                <IdInput id="nik" name="nik" kind="nik" serverError={errors()["reporter.nik"]} />
              </Field>
              <Show when={needsConfirm()}>
                <label class="check">
                  <input type="checkbox" name="idConfirmed" data-testid="id-confirm" /> Saya sudah mencocokkan
                  NIK/KK dengan KTP atau KK aslinya.
                </label>
              </Show>
              <div class="dpm-check">
                <button
                  type="button"
                  class="secondary"
                  onClick={checkDpm}
                  disabled={!desa()}
                  data-testid="check-dpm"
                >
                  Periksa DPM
                </button>
                <Show when={dpm()}>{(r) => <span data-testid="dpm-result">{dpmText(r())}</span>}</Show>
              </div>
              <DpmNameSearch desa={desa()} />
              <Field label="No. KK (bila ada)" name="kk" error={errors()["reporter.kk"]}>
                <IdInput id="kk" name="kk" kind="kk" serverError={errors()["reporter.kk"]} />
              </Field>
              <Field label="Nama pelapor" name="name" error={errors()["reporter.name"]}>
                <input id="name" name="name" autocomplete="off" />
              </Field>
              <div class="inline-fields">
                <Field label="RT" name="rt" error={errors()["reporter.rt"]}>
                  <input id="rt" name="rt" inputmode="numeric" maxlength="3" />
                </Field>
                <Field label="RW" name="rw" error={errors()["reporter.rw"]}>
                  <input id="rw" name="rw" inputmode="numeric" maxlength="3" />
                </Field>
              </div>
              <Field label="Dusun (bila ada)" name="dusun" error={errors()["reporter.dusun"]}>
                <input id="dusun" name="dusun" />
              </Field>
              <Field label="Nomor HP (bila ada)" name="phone" error={errors()["reporter.phone"]}>
                <input id="phone" name="phone" inputmode="tel" autocomplete="off" />
              </Field>
            </fieldset>
            <fieldset>
              <legend>Pengaduan</legend>
              <Field label="Kategori" name="category" error={errors().category}>
                <select id="category" name="category">
                  <option value="">— pilih kategori —</option>
                  <For each={COMPLAINT_CATEGORIES}>{(c) => <option value={c.code}>{c.name}</option>}</For>
                </select>
              </Field>
              <Field label="Uraian pengaduan" name="description" error={errors().description}>
                <textarea
                  id="description"
                  name="description"
                  rows="4"
                  maxlength={DESCRIPTION_MAX}
                  aria-describedby="description-count"
                  onInput={(e) => setDescriptionLength(e.currentTarget.value.length)}
                />
                <small class="hint" id="description-count">
                  {descriptionLength()}/{DESCRIPTION_MAX}
                </small>
              </Field>
              <div class="field" classList={{ invalid: Boolean(errors().ppks) }}>
                <span class="label">Jenis PPKS (bila ada)</span>
                <For each={PPKS_BY_RUMPUN}>
                  {(r) => (
                    <details class="ppks">
                      <summary>{r.name}</summary>
                      <For each={r.types}>
                        {(p) => (
                          <label class="check">
                            <input type="checkbox" name="ppks" value={p.code} /> {p.name}
                          </label>
                        )}
                      </For>
                    </details>
                  )}
                </For>
                <Show when={errors().ppks}>
                  <small class="error" role="alert">
                    {errors().ppks}
                  </small>
                </Show>
              </div>
            </fieldset>
            <fieldset>
              <legend>Dasar pemrosesan data (UU PDP)</legend>
              <For each={LEGAL_BASES}>
                {(basis, i) => (
                  <label class="check">
                    <input type="radio" name="legalBasis" value={basis} checked={i() === 0} />{" "}
                    {LEGAL_BASIS_LABELS[basis]}
                  </label>
                )}
              </For>
              <label class="check" classList={{ invalid: Boolean(errors().consent) }}>
                <input type="checkbox" name="consent" aria-invalid={errors().consent ? "true" : undefined} />{" "}
                Warga telah diberi tahu dan menyetujui datanya diproses untuk layanan ini.
              </label>
              <Show when={errors().consent}>
                <small class="error" role="alert">
                  {errors().consent}
                </small>
              </Show>
            </fieldset>
            <button type="submit" disabled={busy()}>
              {busy() ? "Menyimpan…" : "Simpan pengaduan"}
            </button>
          </form>
        </section>
      </Show>
    </Show>
  );
}
