import { createResource, createSignal, For, Show } from "solid-js";
import { RETENTION_RULES } from "@puskesos/core/retention/labels";
import { MAX_MONTHS, MIN_MONTHS, RETENTION_KINDS } from "@puskesos/core/retention/schema";
import { DUE_STEPS, UpdateSettingsSchema } from "@puskesos/core/settings/schema";
import { Alert, createForm, ErrorList, Field } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";

/**
 * Manager/admin: due days per referral step, the letterhead of the surat rujukan, and how many months
 * residents' personal data is kept after a record is finished (each with its default and why).
 */
export default function SettingsPage() {
  const [settings, { refetch }] = createResource(() => call(api.settings.$get()));
  const [saved, setSaved] = createSignal(false);
  const { errors, message, busy, submit } = createForm({
    schema: UpdateSettingsSchema,
    read: (form) => ({
      dueDays: Object.fromEntries(DUE_STEPS.map(({ step }) => [step, Number(form.get(step))])),
      letterhead: String(form.get("letterhead") ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      retention: Object.fromEntries(
        RETENTION_KINDS.map((kind) => [kind, Number(form.get(`retention-${kind}`))]),
      ),
    }),
    send: async (next) => {
      setSaved(false);
      await call(api.settings.$put({ json: next }));
      setSaved(true);
      await refetch();
    },
  });
  return (
    <section class="card narrow">
      <h1>Pengaturan kabupaten</h1>
      <Show when={saved()}>
        <Alert kind="success">
          Pengaturan disimpan; berlaku untuk langkah rujukan berikutnya dan penghapusan data malam berikutnya.
        </Alert>
      </Show>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <ErrorList errors={errors()} />
      <Show when={settings()}>
        {(s) => (
          <form onSubmit={submit} novalidate>
            <fieldset>
              <legend>Batas waktu tiap langkah (hari)</legend>
              <For each={DUE_STEPS}>
                {({ step, label }) => (
                  <Field label={label} name={step} error={errors()[`dueDays.${step}`]}>
                    <input id={step} name={step} type="number" min="1" max="90" value={s().dueDays[step]} />
                  </Field>
                )}
              </For>
            </fieldset>
            <Field
              label="Kop surat rujukan (satu baris per baris)"
              name="letterhead"
              error={errors().letterhead}
            >
              <textarea id="letterhead" name="letterhead" rows="4" value={s().letterhead.join("\n")} />
            </Field>
            <fieldset>
              <legend>Masa simpan data pribadi (bulan)</legend>
              <p class="hint">
                Setelah catatan selesai dan tidak berubah selama masa ini, data pribadinya dihapus otomatis
                setiap pukul 02.00. Angka laporan tidak berubah.
              </p>
              <For each={RETENTION_KINDS}>
                {(kind) => {
                  const rule = RETENTION_RULES[kind];
                  return (
                    <Field
                      label={`${rule.label} (bulan)`}
                      name={`retention-${kind}`}
                      error={errors()[`retention.${kind}`]}
                      hint={`Bawaan ${rule.months} bulan. ${rule.reason} Yang dihapus: ${rule.erases}.`}
                    >
                      <input
                        id={`retention-${kind}`}
                        name={`retention-${kind}`}
                        type="number"
                        inputmode="numeric"
                        min={MIN_MONTHS}
                        max={MAX_MONTHS}
                        value={s().retention[kind]}
                      />
                    </Field>
                  );
                }}
              </For>
            </fieldset>
            <button type="submit" disabled={busy()}>
              Simpan pengaturan
            </button>
          </form>
        )}
      </Show>
    </section>
  );
}
