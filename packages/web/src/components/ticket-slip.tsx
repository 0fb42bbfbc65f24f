import { Show, type JSX } from "solid-js";
import { me } from "../lib/session.ts";
import { formatDateTime } from "../lib/time.ts";
import { PrintSlip, printNow } from "./print.tsx";
import "./slip.css";

/** A queue ticket on screen and on paper; provisional numbers (given offline) say so. */
export function TicketSlip(props: {
  label: string;
  at: string;
  provisional?: boolean;
  testid: string;
  children?: JSX.Element;
}) {
  return (
    <div class="issued">
      {/* The number is read out by the page's own live region (queue.tsx), which is there before it. */}
      <div>
        <PrintSlip testid={props.testid}>
          <p class="slip-title">Puskesos · {me()?.scopeName}</p>
          <p class="slip-label">{props.provisional ? "Nomor antrian sementara" : "Nomor antrian"}</p>
          <p class="slip-number" data-testid={props.provisional ? "provisional-number" : "ticket-number"}>
            {props.label}
          </p>
          <p class="slip-small">{formatDateTime(props.at)}</p>
          <p class="slip-small">Mohon menunggu panggilan petugas.</p>
        </PrintSlip>
      </div>
      <button type="button" class="secondary" onClick={printNow}>
        Cetak tiket
      </button>
      <Show when={props.children}>{props.children}</Show>
    </div>
  );
}
