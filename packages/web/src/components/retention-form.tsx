import { createResource, For, Show } from "solid-js";
import { RETENTION_RULES } from "@puskesos/core/retention/labels";
import { MAX_MONTHS, MIN_MONTHS, RETENTION_KINDS } from "@puskesos/core/retention/schema";
import { UpdateRetentionOnlySchema } from "@puskesos/core/settings/schema";
import { api, call } from "../lib/api.ts";
import { Alert, createForm, ErrorList, Field } from "./form.tsx";

/**
 * How many months residents' personal data is kept after a record is finished, each kind with its
 * default and why: set by the data protection officer, the manager or the admin.
 */
export function RetentionForm(props: { narrow?: boolean }) {
  const [settings, { refetch }] = createResource(() => call(api.settings.$get()));
  const { errors, message, busy, sent, submit } = createForm({
    schema: UpdateRetentionOnlySchema,
    read: (form) => ({
      retention: Object.fromEntries(
        RETENTION_KINDS.map((kind) => {
          const typed = String(form.get(`retention-${kind}`) ?? "").trim();
          return [kind, typed ? Number(typed) : undefined];
        }),
      ),
    }),
    send: async (json) => {
      await call(api.settings.retention.$put({ json }));
      await refetch();
    },
  });
  return (
    <section class="card" classList={{ narrow: Boolean(props.narrow) }} data-testid="retention">
      <h2>Masa simpan data pribadi (bulan)</h2>
      <p class="hint">
        Setelah catatan selesai dan tidak berubah selama masa ini, data pribadinya dihapus otomatis setiap
        pukul 02.00. Angka laporan tidak berubah.
      </p>
      <Show when={sent()}>
        <Alert kind="success">Masa simpan disimpan; berlaku mulai penghapusan malam berikutnya.</Alert>
      </Show>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <ErrorList errors={errors()} />
      <Show when={settings()}>
        {(s) => (
          <form onSubmit={submit} novalidate>
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
            <button type="submit" disabled={busy()}>
              Simpan masa simpan
            </button>
          </form>
        )}
      </Show>
    </section>
  );
}
