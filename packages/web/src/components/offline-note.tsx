import { createSignal, onCleanup, Show } from "solid-js";
import { outboxItems, serverUnreachable, waits } from "../lib/outbox.ts";
import { Alert } from "./form.tsx";

/**
 * Said at the top of every page while the device has no connection, or while records wait and the
 * server could not be reached (the device online, the link or the server not): what is saved stays on
 * this device and goes by itself once connected, with how many records wait. Loaded with the first signed-in page,
 * beside it (not part of its first paint); the outbox it counts is the signed-in user's.
 */
export default function OfflineNote() {
  const [online, setOnline] = createSignal(navigator.onLine);
  const track = () => setOnline(navigator.onLine);
  window.addEventListener("online", track);
  window.addEventListener("offline", track);
  onCleanup(() => {
    window.removeEventListener("online", track);
    window.removeEventListener("offline", track);
  });
  const waiting = () => outboxItems().filter(waits).length;
  return (
    <Show when={!online() || (serverUnreachable() && waiting())}>
      <Alert kind="info">
        <span data-testid="offline-note">
          <Show
            when={!online()}
            fallback={`Server Puskesos belum dapat dihubungi. ${waiting()} catatan tetap di perangkat ini dan dikirim sendiri saat server dapat dihubungi lagi.`}
          >
            {/* Only these go by themselves (the outbox): a decision or any other form is sent again by hand. */}
            Tidak tersambung ke internet. Pengaduan, usulan, dan hasil verval yang disimpan tetap di perangkat
            ini dan dikirim sendiri saat tersambung{waiting() ? ` (${waiting()} menunggu)` : ""}; tindakan
            lain perlu diulang saat tersambung.
          </Show>
        </span>
      </Alert>
    </Show>
  );
}
