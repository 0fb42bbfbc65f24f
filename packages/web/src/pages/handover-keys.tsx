import { A } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import { AddTrustedSenderSchema } from "@puskesos/core/casework/schema";
import { createEdits, EditAnswer } from "../components/edits.tsx";
import { KabupatenField } from "../components/kabupaten-field.tsx";
import { ListTable } from "../components/list-table.tsx";
import { api, call } from "../lib/api.ts";
import { ask } from "../lib/ask.ts";
import { can } from "../lib/session.ts";
import { checked } from "../lib/checked.ts";
import { formatDateTime } from "../lib/time.ts";
import "./keys.css";

/**
 * The fingerprint of a pasted public key as the server computes it (casework/signature.ts `keyIdOf`: the
 * first 16 hex of the SHA-256 of the key's DER), to read out on the phone before registering it. Empty
 * for text that is no PEM key yet, or where the browser has no Web Crypto (a plain-http address).
 */
async function fingerprint(text: string): Promise<string> {
  const body = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(text)?.[1];
  if (!body || !globalThis.crypto?.subtle) return "";
  try {
    const der = Uint8Array.from(atob(body.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
    const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", der));
    return [...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
  } catch (error) {
    console.warn("sidik kunci", error);
    return "";
  }
}

/**
 * The keys of handovers between kabupaten: this stack's public key to give to the others, and the other
 * kabupaten whose signed files this stack accepts (docs/deploy.md says how they are exchanged).
 */
export default function HandoverKeys() {
  const [keys, { refetch }] = createResource(() => call(api.cases["handover-keys"].$get()));
  const edits = createEdits(() => refetch());
  const senders = createEdits(() => refetch());
  const [pasted, setPasted] = createSignal("");
  const [copied, setCopied] = createSignal("");
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const publicKey = String(data.get("publicKey") ?? "");
    // A private key pasted by mistake does not stay on the screen: refused below, and gone from the box.
    if (/PRIVATE KEY/.test(publicKey)) {
      (form.elements.namedItem("publicKey") as HTMLTextAreaElement).value = "";
      setPasted("");
    }
    senders.clear();
    setCopied("");
    void edits.run(async () => {
      const json = checked(AddTrustedSenderSchema, {
        kabupatenCode: String(data.get("kabupatenCode") ?? "").trim(),
        publicKey,
      });
      const before = keys()?.senders.find((s) => s.kabupatenCode === json.kabupatenCode);
      const sent = await fingerprint(json.publicKey);
      // The same key again is refused by the server without a question.
      if (before && sent !== before.keyId) {
        const question = `${before.kabupatenName} sudah dipercaya dengan kunci ${before.keyId}. Ganti dengan kunci yang ditempel${sent ? ` (${sent})` : ""}? Berkas yang ditandatangani kunci lama ditolak sesudahnya.`;
        if (!(await ask(question, "Ganti kunci"))) return "Kunci tidak diganti.";
      }
      const added = await call(api.cases["handover-keys"].$post({ json }));
      form.reset();
      setPasted("");
      return added.replacedKeyId
        ? `Kunci ${added.kabupatenName} diganti: ${added.replacedKeyId} → ${added.keyId}.`
        : `${added.kabupatenName} (kunci ${added.keyId}) kini dipercaya.`;
    }, form);
  };
  const untrust = (s: { kabupatenCode: string; kabupatenName: string; keyId: string }) => {
    // One answer on the page at a time: the last one.
    edits.clear();
    setCopied("");
    void senders.run(async () => {
      const question = `Berhenti memercayai kunci ${s.kabupatenName} (${s.keyId})? Berkas serah terima dari ${s.kabupatenName} ditolak sampai kuncinya didaftarkan lagi.`;
      if (!(await ask(question, "Hapus kunci"))) return "Kunci tidak dihapus.";
      await call(api.cases["handover-keys"][":code"].$delete({ param: { code: s.kabupatenCode } }));
      return `Kunci ${s.kabupatenName} dihapus.`;
    });
  };
  const copy = async (pem: string) => {
    edits.clear();
    senders.clear();
    try {
      await navigator.clipboard.writeText(pem);
      setCopied("Kunci publik disalin. Tempelkan ke surel atau surat untuk admin kabupaten/kota lain.");
    } catch (error) {
      // Not on a plain-http address (no clipboard there): the whole key is selected to copy by hand.
      console.warn("salin kunci", error);
      const block = document.querySelector("[data-testid=own-key]");
      if (block) getSelection()?.selectAllChildren(block);
      setCopied("Kunci publik sudah dipilih: salin dengan Ctrl+C (atau tekan lama lalu Salin).");
    }
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
              Berikan teks ini kepada admin kabupaten/kota lain agar mereka dapat menerima serah terima dari
              sini.
            </p>
            <p>
              Sidik kunci: <code data-testid="own-key-id">{k().own.keyId}</code>
            </p>
            <pre class="key" data-testid="own-key" tabindex="0" aria-label="Teks kunci publik">
              {k().own.publicKey}
            </pre>
            <p>
              <button type="button" class="secondary" onClick={() => void copy(k().own.publicKey)}>
                Salin kunci publik
              </button>{" "}
              <span class="muted" role="status">
                {copied()}
              </span>
            </p>
            <h2>Kabupaten/kota pengirim tepercaya</h2>
            <ListTable
              headers={["Kabupaten/kota", "Sidik kunci", "Didaftarkan", ""]}
              items={k().senders}
              empty="Belum ada kabupaten/kota pengirim terdaftar."
              label="Kabupaten/kota pengirim tepercaya"
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
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => untrust(s)}
                      aria-label={`Hapus kunci ${s.kabupatenName}`}
                    >
                      Hapus
                    </button>
                  </td>
                </tr>
              )}
            </ListTable>
            <EditAnswer edits={senders} />
          </>
        )}
      </Show>
      <h2>Daftarkan kunci kabupaten/kota pengirim</h2>
      <form onSubmit={add} data-testid="trust-sender">
        <KabupatenField name="kabupatenCode" label="Kabupaten/kota pengirim (nama atau kode Kemendagri)" />
        <label class="field">
          <span class="label">Kunci publik (tempel seluruh teks, termasuk baris BEGIN dan END)</span>
          <textarea
            name="publicKey"
            rows="4"
            aria-describedby="pasted-key-id"
            onInput={(e) => void fingerprint(e.currentTarget.value).then(setPasted)}
          />
        </label>
        <p class="muted" id="pasted-key-id" data-testid="pasted-key-id">
          {pasted()
            ? `Sidik kunci yang ditempel: ${pasted()}. Cocokkan melalui telepon dengan admin kabupaten/kota pengirim sebelum mendaftarkannya.`
            : "Periksa sidik kunci melalui telepon dengan admin kabupaten/kota pengirim sebelum mendaftarkannya."}
        </p>
        <button type="submit">Daftarkan</button>
      </form>
      {/* Under the form it answers: on a phone the page's top is screens away. */}
      <EditAnswer edits={edits} />
    </section>
  );
}
