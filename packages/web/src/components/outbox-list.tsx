import { For, Show } from "solid-js";
import { isConfirmable, OUTBOX_STATE_LABELS, outboxItems, remove, resendConfirmed } from "../lib/outbox.ts";

/** What waits on this device, and what the server has already received. */
export function OutboxList() {
  return (
    <Show when={outboxItems().length}>
      <section class="card outbox" data-testid="outbox">
        <h2>Kotak keluar perangkat ini</h2>
        <ul>
          <For each={outboxItems()}>
            {(item) => (
              <li data-testid={`outbox-${item.id}`} classList={{ [item.state]: true }}>
                <strong>{item.kind === "complaint" ? "Pengaduan" : "Usulan"}</strong> {item.label} —{" "}
                <span class="state" data-testid="outbox-state">
                  {OUTBOX_STATE_LABELS[item.state]}
                </span>
                <Show
                  when={item.state === "received" && item.kind === "complaint" && item.result?.trackingCode}
                >
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
                  <button type="button" class="secondary" onClick={() => resendConfirmed(item.id)}>
                    NIK sudah dicocokkan dengan KTP/KK: kirim lagi
                  </button>
                </Show>
                <Show when={item.state === "received" || item.state === "refused"}>
                  <button type="button" class="link" onClick={() => remove(item.id)}>
                    Hapus dari daftar
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
