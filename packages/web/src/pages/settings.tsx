import { createResource, For, Show } from "solid-js";
import { DUE_STEPS, UpdateSettingsSchema } from "@puskesos/core/settings/schema";
import { Alert, createForm, ErrorList, Field } from "../components/form.tsx";
import { RetentionForm } from "../components/retention-form.tsx";
import { api, call } from "../lib/api.ts";

/**
 * Manager/admin: due days per referral step and the letterhead of the surat rujukan; below, how many
 * months residents' personal data is kept after a record is finished (each with its default and why).
 */
export default function SettingsPage() {
  const [settings, { refetch }] = createResource(() => call(api.settings.$get()));
  const { errors, message, busy, sent, submit } = createForm({
    schema: UpdateSettingsSchema,
    read: (form) => ({
      dueDays: Object.fromEntries(DUE_STEPS.map(({ step }) => [step, Number(form.get(step))])),
      letterhead: String(form.get("letterhead") ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    }),
    send: async (next) => {
      await call(api.settings.$put({ json: next }));
      await refetch();
    },
  });
  return (
    <>
      <section class="card narrow">
        <h1>Pengaturan kabupaten/kota</h1>
        <Show when={sent()}>
          <Alert kind="success">Pengaturan disimpan; berlaku untuk langkah rujukan berikutnya.</Alert>
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
              <button type="submit" disabled={busy()}>
                Simpan pengaturan
              </button>
            </form>
          )}
        </Show>
      </section>
      <RetentionForm narrow />
    </>
  );
}
