import { A } from "@solidjs/router";
import { createMemo, lazy, Match, Show, Switch } from "solid-js";
import type { ComplaintView } from "@puskesos/core/complaint/schema";
import { Alert } from "../components/form.tsx";
import { OutboxList } from "../components/outbox-list.tsx";
import { Receipt } from "../components/receipt.tsx";
import { canSeal } from "../lib/id.ts";
import { OUTBOX_STATE_LABELS, outboxItems, type OutboxItem } from "../lib/outbox.ts";

// What the intake screen shows once a registration is saved, apart from the form so that the form's
// first paint on a weak connection carries none of it (issue 15).

// Needed only once a reporter turns out not to be in the DPM; the service worker keeps it for offline use.
const ProposalForm = lazy(() => import("./proposal-form.tsx"));

/** The result replaces the form on the same address: the focus moves to it, as to a new page's heading. */
const focusNow = (heading: HTMLElement) => queueMicrotask(() => heading.focus());

/** Who was just registered, for the household form's first member (kept in memory only). */
type Reporter = { nik: string; name: string; kk?: string | undefined } | undefined;

/** A registration kept on this device without a connection, as the outbox moves it along. */
export function SavedOnDevice(props: {
  id: string;
  reporter: Reporter;
  fromQueue: boolean;
  onNext: () => void;
}) {
  /** Kept on screen if the officer removes it from the list. */
  const pending = createMemo<OutboxItem | undefined>(
    (last) => outboxItems().find((i) => i.id === props.id) ?? (last?.id === props.id ? last : undefined),
  );
  return (
    <section class="card narrow">
      <h1 tabindex="-1" ref={focusNow}>
        {OUTBOX_STATE_LABELS[pending()?.state ?? "saved"]}
      </h1>
      <Switch>
        <Match when={pending()?.state === "sent"}>
          <Alert kind="info">Pengaduan sedang dikirim ke server. Jawabannya muncul di sini.</Alert>
        </Match>
        <Match when={pending()?.state === "received" && pending()}>
          {(item) => (
            <Alert kind="success">
              Pengaduan diterima server
              {item().kind === "complaint" && item().result
                ? `, kode pelacakan ${(item().result as ComplaintView).trackingCode}`
                : ""}
              . Tanda terimanya ada di kotak keluar di bawah.
            </Alert>
          )}
        </Match>
        <Match when={pending()?.state === "refused" && pending()}>
          {(item) => (
            <Alert>
              Pengaduan ditolak server: {item().error?.message} Perbaiki lewat kotak keluar di bawah, atau
              daftarkan ulang.
            </Alert>
          )}
        </Match>
        <Match when={true}>
          <Alert kind="info">
            <span data-testid="saved-offline">
              Belum tersambung ke server. Pengaduan akan dikirim otomatis saat koneksi kembali; kode pelacakan
              muncul di kotak keluar setelah diterima. Bila pelapor tidak ada di DPM, profil rumah tangganya
              dapat dicatat sekarang.
              {canSeal() ? "" : " Jangan tutup halaman ini sebelum pengaduan terkirim."}
            </span>
          </Alert>
        </Match>
      </Switch>
      <OutboxList receiptFor={pending()?.state === "received" ? pending()!.id : undefined} />
      <ProposalForm complaintId={props.id} reporter={props.reporter} />
      <NextSteps fromQueue={props.fromQueue} onNext={props.onNext} />
    </section>
  );
}

/**
 * Where the officer goes next: back to the queue to call the next number when this record came from it,
 * otherwise a fresh form (or home); and, once the server holds it, the complaint itself.
 */
function NextSteps(props: { fromQueue: boolean; onNext: () => void; complaintId?: string }) {
  return (
    <p class="row">
      <Show when={props.complaintId}>{(id) => <A href={`/pengaduan/${id()}`}>Buka pengaduan ini</A>}</Show>
      <Show
        when={props.fromQueue}
        fallback={
          <>
            <A href="/pengaduan/baru" onClick={() => props.onNext()}>
              Daftarkan pengaduan berikutnya
            </A>
            <A href="/">← Beranda</A>
          </>
        }
      >
        <A href="/antrian">← Kembali ke antrian</A>
      </Show>
    </p>
  );
}

/** A registration the server received: the receipt, and the household form for a reporter not in the DPM. */
export function Saved(props: {
  complaint: ComplaintView;
  reporter: Reporter;
  fromQueue: boolean;
  onNext: () => void;
  onChange: (complaint: ComplaintView) => void;
  /** Where the complaint was registered, for the receipt: the resident's desa at a kabupaten's office. */
  office: string;
}) {
  return (
    <section class="card narrow">
      <h1 tabindex="-1" ref={focusNow}>
        Pengaduan tercatat
      </h1>
      <Show
        when={props.complaint.dpm.found}
        fallback={
          <Alert kind="info">
            <Show
              when={props.complaint.dpm.checked}
              fallback={`DPM ${props.office} belum diimpor, jadi pelapor belum dapat dicocokkan. Pengaduan tetap diteruskan ke back office; usulkan rumah tangganya bila Anda tahu belum terdaftar.`}
            >
              Pelapor belum ada di DPM {props.office}. Pengaduan tetap diteruskan ke back office; catat profil
              rumah tangganya untuk diusulkan masuk DPM.
            </Show>
          </Alert>
        }
      >
        <Alert kind="success">
          Pelapor ada di DPM{props.complaint.dpm.decile ? ` (desil ${props.complaint.dpm.decile})` : ""}.
          Pengaduan diteruskan ke back office.
        </Alert>
      </Show>
      <Receipt complaint={props.complaint} office={props.office} />
      <Show when={!props.complaint.dpm.found}>
        <ProposalForm
          complaintId={props.complaint.id}
          reporter={props.reporter}
          onReceived={(proposal) =>
            // The receipt follows the complaint to its new state, as the workflow declares it.
            props.onChange({ ...props.complaint, proposalId: proposal.id, proposalState: proposal.state })
          }
        />
      </Show>
      <NextSteps fromQueue={props.fromQueue} onNext={props.onNext} complaintId={props.complaint.id} />
    </section>
  );
}
