import { createSignal, Show } from "solid-js";
import { StatusQuerySchema, type PublicStatus } from "@puskesos/core/tracking/schema";
import { Alert, createForm, Field } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { formatDate, formatDateTime } from "@puskesos/core/time/calendar";
import { formatDay } from "../lib/time.ts";

/** For residents, without signing in: the state of a complaint from the receipt's code. */
export default function Status() {
  const [found, setFound] = createSignal<PublicStatus>();
  const { errors, message, busy, submit } = createForm({
    schema: StatusQuerySchema,
    read: (form) => ({ code: form.get("code"), nikLast4: form.get("nikLast4") }),
    send: async (query) => {
      setFound(await call(api.status.$post({ json: query })));
    },
  });
  return (
    <section class="card narrow">
      <h1>Cek status pengaduan</h1>
      <p class="muted">Masukkan kode pelacakan dari tanda terima dan 4 angka terakhir NIK pelapor.</p>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <form
        onSubmit={(event) => {
          // A new lookup starts clean: an old result never stays on screen under a new error.
          setFound(undefined);
          void submit(event);
        }}
        novalidate
      >
        <Field label="Kode pelacakan" name="code" error={errors().code}>
          <input
            id="code"
            name="code"
            autocapitalize="characters"
            autocomplete="off"
            placeholder="K7MP-2QXD"
          />
        </Field>
        <Field label="4 angka terakhir NIK" name="nikLast4" error={errors().nikLast4}>
          <input id="nikLast4" name="nikLast4" inputmode="numeric" maxlength="4" autocomplete="off" />
        </Field>
        <button type="submit" disabled={busy()}>
          {busy() ? "Mencari…" : "Cek status"}
        </button>
      </form>
      <Show when={found()}>
        {(s) => (
          <div role="status">
            <dl class="facts result" data-testid="public-status">
              <dt>Status</dt>
              <dd data-testid="public-state">{s().stateLabel}</dd>
              <dt>Kategori</dt>
              <dd>{s().category}</dd>
              <dt>Wilayah</dt>
              <dd>{s().desa}</dd>
              <dt>Didaftarkan</dt>
              <dd>{formatDay(s().registeredOn, "medium")}</dd>
              <dt>Terakhir berubah</dt>
              <dd>{formatDateTime(s().timeZone, s().updatedAt)}</dd>
              <Show when={s().referral}>
                {(r) => (
                  <>
                    <dt>Rujukan</dt>
                    <dd data-testid="public-referral">
                      {r().stateLabel}
                      <Show when={r().opd}>{(opd) => <> ({opd()})</>}</Show>
                    </dd>
                  </>
                )}
              </Show>
              <Show when={s().proposal}>
                {(p) => (
                  <>
                    <dt>Usulan masuk DPM</dt>
                    <dd data-testid="public-proposal">
                      {p().stateLabel}
                      <Show when={p().inDpmOn}>
                        {(on) => <>; masuk DPM sejak {formatDate(s().timeZone, on(), "medium")}</>}
                      </Show>
                    </dd>
                  </>
                )}
              </Show>
            </dl>
          </div>
        )}
      </Show>
    </section>
  );
}
