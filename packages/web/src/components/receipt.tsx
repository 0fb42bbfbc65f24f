import { Show } from "solid-js";
import { COMPLAINT_PUBLIC_LABELS, type ComplaintView } from "@puskesos/core/complaint/schema";
import { PROPOSAL_STATE_LABELS } from "@puskesos/core/proposal/schema";
import { categoryName } from "@puskesos/core/catalog/schema";
import { formatDateTime } from "../lib/time.ts";
import { PrintSlip, printNow } from "./print.tsx";
import "./slip.css";

/** The resident's receipt (tanda terima): the tracking code and where to check the status. */
export function Receipt(props: { complaint: ComplaintView; office: string }) {
  const statusUrl = () => `${location.origin}/status`;
  return (
    <div class="issued">
      <PrintSlip testid="receipt">
        <p class="slip-title">Tanda terima pengaduan</p>
        <p class="slip-small">Puskesos · {props.office}</p>
        <p class="slip-label">Kode pelacakan</p>
        <p class="slip-code" data-testid="tracking-code">
          {props.complaint.trackingCode}
        </p>
        <p class="slip-small">{formatDateTime(props.complaint.createdAt)}</p>
        <p class="slip-small">Kategori: {categoryName(props.complaint.category)}</p>
        <p class="slip-small">Status: {COMPLAINT_PUBLIC_LABELS[props.complaint.state]}</p>
        <Show when={props.complaint.proposalState}>
          {(state) => <p class="slip-small">Usulan DPM: {PROPOSAL_STATE_LABELS[state()]}</p>}
        </Show>
        <p class="slip-small">Cek status di {statusUrl()} dengan kode ini dan 4 angka terakhir NIK Anda.</p>
      </PrintSlip>
      <button type="button" class="secondary" onClick={printNow}>
        Cetak tanda terima
      </button>
    </div>
  );
}
