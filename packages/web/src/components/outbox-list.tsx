import { createSignal, For, lazy, Show } from "solid-js";
import type { ComplaintView } from "@puskesos/core/complaint/schema";
import {
  isConfirmable,
  OUTBOX_KIND_LABELS,
  OUTBOX_STATE_LABELS,
  outboxItems,
  remove,
  resendConfirmed,
} from "../lib/outbox.ts";
import { me } from "../lib/session.ts";

// A receipt, and the workflows' state labels it names, load when one is opened, not with the intake form.
const Receipt = lazy(() => import("./receipt.tsx").then((m) => ({ default: m.Receipt })));

/**
 * What waits on this device for the signed-in user, and what the server has already received (with its
 * receipt to print). One receipt is open at a time, since a printed page holds one slip: the one the
 * officer opened, else `receiptFor` (the record the intake page just saw received).
 */
export function OutboxList(props: { receiptFor?: string | undefined }) {
  const [chosen, setChosen] = createSignal<string | null>(null);
  const open = () => chosen() ?? props.receiptFor;
  return (
    <Show when={outboxItems().length}>
      <section class="card outbox" data-testid="outbox">
        <h2>Kotak keluar perangkat ini</h2>
        <ul>
          <For each={outboxItems()}>
            {(item) => {
              const received = () =>
                item.state === "received" && item.kind === "complaint"
                  ? (item.result as ComplaintView | undefined)
                  : undefined;
              return (
                <li data-testid={`outbox-${item.id}`} classList={{ [item.state]: true }}>
                  <strong>{OUTBOX_KIND_LABELS[item.kind]}</strong> {item.label} —{" "}
                  <span class="state" data-testid="outbox-state">
                    {OUTBOX_STATE_LABELS[item.state]}
                  </span>
                  <Show when={received()?.trackingCode}>
                    {(code) => (
                      <>
                        {" "}
                        · kode <code>{code()}</code>
                      </>
                    )}
                  </Show>
                  <Show when={item.error}>
                    <div class="error">{item.error!.message}</div>
                  </Show>
                  <Show when={isConfirmable(item)}>
                    {" "}
                    <button type="button" class="secondary" onClick={() => resendConfirmed(item.id)}>
                      NIK sudah dicocokkan dengan KTP/KK: kirim lagi
                    </button>
                  </Show>
                  <Show when={received()}>
                    {(complaint) => (
                      <Show
                        when={open() === item.id}
                        fallback={
                          <>
                            {" "}
                            <button type="button" class="secondary" onClick={() => setChosen(item.id)}>
                              Tanda terima
                            </button>
                          </>
                        }
                      >
                        <Receipt complaint={complaint()} office={me()?.scopeName ?? ""} />
                        <button type="button" class="secondary" onClick={() => setChosen("")}>
                          Tutup tanda terima
                        </button>
                      </Show>
                    )}
                  </Show>
                  <Show when={item.state === "received" || item.state === "refused"}>
                    {" "}
                    <button type="button" class="secondary" onClick={() => remove(item.id)}>
                      Hapus dari daftar
                    </button>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </section>
    </Show>
  );
}
