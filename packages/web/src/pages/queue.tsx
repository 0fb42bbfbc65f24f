import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import {
  TICKET_STATE_LABELS,
  TICKET_WORKFLOW,
  ticketLabel,
  type Ticket,
  type TicketAction,
} from "@puskesos/core/queue/schema";
import { Alert, errorsFromApi } from "../components/form.tsx";
import { TicketSlip } from "../components/ticket-slip.tsx";
import { api, ApiError, call } from "../lib/api.ts";
import { provisionalToday, takeProvisional } from "../lib/provisional.ts";
import { formatTime } from "../lib/time.ts";
import { ListTable } from "../components/list-table.tsx";
import "../later.css";

/** Each move through its own typed route. */
const MOVE: Record<Exclude<TicketAction, "register">, (number: string) => Promise<Ticket>> = {
  call: (number) => call(api.queue[":number"].call.$post({ param: { number } })),
  finish: (number) => call(api.queue[":number"].finish.$post({ param: { number } })),
  absent: (number) => call(api.queue[":number"].absent.$post({ param: { number } })),
  requeue: (number) => call(api.queue[":number"].requeue.$post({ param: { number } })),
};

export default function Queue() {
  const [queue, { refetch }] = createResource(() => call(api.queue.$get()));
  const [issued, setIssued] = createSignal<Ticket>();
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [provisional, setProvisional] = createSignal<string>();

  const take = async () => {
    setBusy(true);
    setMessage("");
    setProvisional(undefined);
    try {
      setIssued(await call(api.queue.$post()));
      await refetch();
    } catch (error) {
      // No connection: a provisional number from this device, so the resident still gets a ticket.
      if (error instanceof ApiError && error.status === 0) {
        setIssued(undefined);
        setProvisional(takeProvisional());
      } else setMessage(errorsFromApi(error).message);
    } finally {
      setBusy(false);
    }
  };
  const move = async (ticket: Ticket, action: Exclude<TicketAction, "register">) => {
    setMessage("");
    try {
      await MOVE[action](String(ticket.number));
    } catch (error) {
      setMessage(errorsFromApi(error).message);
    }
    await refetch();
  };

  return (
    <section class="card">
      <div class="row">
        <h1>Antrian hari ini</h1>
        <button type="button" class="big" onClick={take} disabled={busy()} data-testid="take-ticket">
          Ambil nomor antrian
        </button>
      </div>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      {/* Always on the page, so a screen reader says each number given (a live region drawn together
          with its first text is not read). */}
      <p class="visually-hidden" role="status" data-testid="ticket-spoken">
        {issued()
          ? `Nomor antrian ${ticketLabel(issued()!.number)}`
          : provisional()
            ? `Nomor antrian sementara ${provisional()}`
            : ""}
      </p>
      <Show when={issued()}>
        {(t) => <TicketSlip label={ticketLabel(t().number)} at={t().issuedAt} testid="ticket" />}
      </Show>
      <Show when={provisional()}>
        {(label) => (
          <TicketSlip label={label()} at={new Date().toISOString()} provisional testid="provisional-ticket">
            <A class="button small" href={`/pengaduan/baru?sementara=${label()}`}>
              Daftarkan pengaduan
            </A>
          </TicketSlip>
        )}
      </Show>
      <Show when={queue.error}>
        {/* Only a lost connection is "not connected"; any other refusal says what the server said. */}
        <Show
          when={queue.error instanceof ApiError && queue.error.status === 0}
          fallback={<Alert>{errorsFromApi(queue.error).message}</Alert>}
        >
          <Alert kind="info">
            Tidak tersambung ke server: antrian hari ini tidak dapat dimuat. Nomor yang diambil sekarang
            bersifat sementara ({provisionalToday().length} hari ini di perangkat ini).
          </Alert>
        </Show>
      </Show>
      <Show when={!queue.error && queue()}>
        {(q) => (
          <>
            <p class="counts" data-testid="queue-counts">
              Menunggu <strong>{q().counts.menunggu}</strong> · Dilayani{" "}
              <strong>{q().counts.dilayani}</strong> · Selesai <strong>{q().counts.selesai}</strong> · Tidak
              hadir <strong>{q().counts.batal}</strong>
            </p>
            <ListTable
              headers={["No.", "Status", "Diambil", "Tindakan"]}
              items={q().tickets}
              empty="Belum ada antrian hari ini."
            >
              {(t) => (
                <tr data-testid={`ticket-row-${t.number}`}>
                  <td class="num">{ticketLabel(t.number)}</td>
                  <td>{TICKET_STATE_LABELS[t.state]}</td>
                  <td>{formatTime(t.issuedAt)}</td>
                  <td class="buttons">
                    <For each={t.actions}>
                      {(action) =>
                        action === "register" ? (
                          <A class="button small" href={`/pengaduan/baru?antrian=${t.number}`}>
                            {TICKET_WORKFLOW.actions.register.label}
                          </A>
                        ) : (
                          <button
                            type="button"
                            classList={{
                              secondary: true,
                              danger: "danger" in TICKET_WORKFLOW.actions[action],
                            }}
                            onClick={() => move(t, action)}
                          >
                            {TICKET_WORKFLOW.actions[action].label}
                          </button>
                        )
                      }
                    </For>
                  </td>
                </tr>
              )}
            </ListTable>
          </>
        )}
      </Show>
    </section>
  );
}
