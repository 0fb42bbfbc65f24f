import { createSignal, Show } from "solid-js";
import {
  COMPLAINT_WORKFLOW,
  CorrectReporterSchema,
  type ComplaintView,
} from "@puskesos/core/complaint/schema";
import { Alert, createForm, ErrorList, Field } from "../components/form.tsx";
import { IdInput } from "../components/nik-input.tsx";
import { api, ApiError, call } from "../lib/api.ts";
import { ownLatest } from "../lib/record.ts";
import { me } from "../lib/session.ts";

const spec = COMPLAINT_WORKFLOW.actions.correct;

/**
 * The front office corrects the reporter's details at the resident's request (UU PDP). Only the
 * fields typed in change; the earlier values stay in the complaint's history with the reason.
 */
export function CorrectReporter(props: {
  complaint: ComplaintView;
  /** Reloads the complaint, answering its history (the check for an own change whose answer was lost). */
  onDone: () => Promise<{ timeline: readonly { action: string; by: string }[] } | undefined>;
}) {
  const [done, setDone] = createSignal("");
  const [confirming, setConfirming] = createSignal(false);
  const r = () => props.complaint.reporter;
  // Each field says what is there now, so only what is wrong is typed (empty fields change nothing).
  const now = (label: string, value: string | undefined) => `${label} (sekarang: ${value || "kosong"})`;
  const filled = (data: FormData, name: string) => {
    const value = String(data.get(name) ?? "").trim();
    return value ? { [name]: value } : {};
  };
  const { errors, message, busy, submit } = createForm({
    schema: CorrectReporterSchema,
    read: (data) => ({
      version: props.complaint.version,
      reason: String(data.get("reason") ?? ""),
      ...(confirming() ? { idConfirmed: true } : {}),
      reporter: {
        ...filled(data, "name"),
        ...filled(data, "nik"),
        ...filled(data, "kk"),
        ...filled(data, "phone"),
        ...filled(data, "rt"),
        ...filled(data, "rw"),
        ...filled(data, "dusun"),
      },
    }),
    send: async (json, form) => {
      try {
        await call(api.complaints[":id"].correct.$post({ param: { id: props.complaint.id }, json }));
      } catch (error) {
        // Refused as "sudah berubah" by the officer's own earlier try, whose answer was lost: it is saved.
        const own =
          error instanceof ApiError &&
          error.status === 409 &&
          ownLatest((await props.onDone())?.timeline, "complaint.correct", me()?.username);
        if (own) {
          form.reset();
          setDone("Data pelapor dikoreksi; nilai lama tersimpan di riwayat.");
          return;
        }
        // An unusual NIK is asked about once, as at registration; the officer confirms having seen the card.
        if (
          (error as { fields?: { needsConfirmation?: boolean }[] }).fields?.some((f) => f.needsConfirmation)
        )
          setConfirming(true);
        throw error;
      }
      form.reset();
      setConfirming(false);
      setDone("Data pelapor dikoreksi; nilai lama tersimpan di riwayat.");
      await props.onDone();
    },
  });
  return (
    <details class="card inner" data-testid="correct">
      <summary>{spec.label}</summary>
      <p class="muted">
        Isi hanya data yang dikoreksi. Nilai lama tetap tersimpan di riwayat pengaduan beserta alasannya.
      </p>
      <form onSubmit={submit} novalidate>
        <Show when={message()}>
          <Alert>{message()}</Alert>
        </Show>
        <Show when={done()}>
          <Alert kind="success">{done()}</Alert>
        </Show>
        <ErrorList errors={errors()} />
        <Field label={now("Nama", r().name)} name="correct-name" error={errors()["reporter.name"]}>
          <input id="correct-name" name="name" autocomplete="off" />
        </Field>
        <Field label={now("NIK", r().nikMasked)} name="correct-nik" error={errors()["reporter.nik"]}>
          <IdInput id="correct-nik" name="nik" kind="nik" serverError={errors()["reporter.nik"]} />
        </Field>
        <Field label={now("No. KK", r().kkMasked)} name="correct-kk" error={errors()["reporter.kk"]}>
          <IdInput id="correct-kk" name="kk" kind="kk" serverError={errors()["reporter.kk"]} />
        </Field>
        <Field label={now("Nomor HP", r().phone)} name="correct-phone" error={errors()["reporter.phone"]}>
          <input id="correct-phone" name="phone" inputmode="tel" autocomplete="off" />
        </Field>
        <div class="inline-fields">
          <Field label={now("RT", r().rt)} name="correct-rt" error={errors()["reporter.rt"]}>
            <input id="correct-rt" name="rt" inputmode="numeric" maxlength="3" autocomplete="off" />
          </Field>
          <Field label={now("RW", r().rw)} name="correct-rw" error={errors()["reporter.rw"]}>
            <input id="correct-rw" name="rw" inputmode="numeric" maxlength="3" autocomplete="off" />
          </Field>
        </div>
        <Field label={now("Dusun", r().dusun)} name="correct-dusun" error={errors()["reporter.dusun"]}>
          <input id="correct-dusun" name="dusun" autocomplete="off" />
        </Field>
        <Field label="Alasan koreksi" name="correct-reason" error={errors().reason ?? errors().reporter}>
          <textarea id="correct-reason" name="reason" rows="2" />
        </Field>
        <Show when={confirming()}>
          <p class="muted">Sudah melihat KTP/KK warga? Kirim sekali lagi untuk mengonfirmasi.</p>
        </Show>
        <button type="submit" disabled={busy()}>
          {busy() ? "Mengirim…" : spec.label}
        </button>
      </form>
    </details>
  );
}
