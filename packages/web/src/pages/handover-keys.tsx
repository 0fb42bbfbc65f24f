import { A } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { AddTrustedSenderSchema } from "@puskesos/core/casework/schema";
import { createEdits, EditAnswer } from "../components/edits.tsx";
import { KabupatenField } from "../components/kabupaten-field.tsx";
import { ListTable } from "../components/list-table.tsx";
import { api, call } from "../lib/api.ts";
import { can } from "../lib/session.ts";
import { checked } from "../lib/checked.ts";
import { formatDateTime } from "../lib/time.ts";

/**
 * The keys of handovers between kabupaten: this stack's public key to give to the others, and the other
 * kabupaten whose signed files this stack accepts (docs/deploy.md says how they are exchanged).
 */
export default function HandoverKeys() {
  const [keys, { refetch }] = createResource(() => call(api.cases["handover-keys"].$get()));
  const edits = createEdits(() => refetch());
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void edits.run(async () => {
      const json = checked(AddTrustedSenderSchema, {
        kabupatenCode: String(data.get("kabupatenCode") ?? "").trim(),
        publicKey: String(data.get("publicKey") ?? ""),
      });
      const added = await call(api.cases["handover-keys"].$post({ json }));
      form.reset();
      return `${added.kabupatenName} (kunci ${added.keyId}) kini dipercaya.`;
    }, form);
  };
  return (
    <section class="card">
      <Show when={can("case.read") || can("case.open")}>
        <p>
          <A href="/kasus">← Kasus</A>
        </p>
      </Show>
      <h1>Kunci serah terima</h1>
      <Show when={keys()}>
        {(k) => (
          <>
            <h2>Kunci publik {k().own.kabupatenName}</h2>
            <p class="muted">
              Berikan teks ini kepada admin kabupaten lain agar mereka dapat menerima serah terima dari sini.
            </p>
            <p>
              Sidik kunci: <code data-testid="own-key-id">{k().own.keyId}</code>
            </p>
            <pre class="key" data-testid="own-key">
              {k().own.publicKey}
            </pre>
            <h2>Kabupaten pengirim tepercaya</h2>
            <ListTable
              headers={["Kabupaten", "Sidik kunci", "Didaftarkan"]}
              items={k().senders}
              empty="Belum ada kabupaten pengirim terdaftar."
              label="Kabupaten pengirim tepercaya"
            >
              {(s) => (
                <tr>
                  <td>
                    {s.kabupatenName} ({s.kabupatenCode})
                  </td>
                  <td>
                    <code>{s.keyId}</code>
                  </td>
                  <td>
                    {formatDateTime(s.addedAt)} oleh {s.addedBy}
                  </td>
                </tr>
              )}
            </ListTable>
          </>
        )}
      </Show>
      <h2>Daftarkan kunci kabupaten pengirim</h2>
      <form onSubmit={add} data-testid="trust-sender">
        <KabupatenField name="kabupatenCode" label="Kabupaten/kota pengirim (nama atau kode Kemendagri)" />
        <label class="field">
          <span class="label">Kunci publik (tempel seluruh teks, termasuk baris BEGIN dan END)</span>
          <textarea name="publicKey" rows="4" />
        </label>
        <p class="muted">
          Periksa sidik kunci melalui telepon dengan admin kabupaten pengirim sebelum mendaftarkannya.
        </p>
        <button type="submit">Daftarkan</button>
      </form>
      {/* Under the form it answers: on a phone the page's top is screens away. */}
      <EditAnswer edits={edits} />
    </section>
  );
}
