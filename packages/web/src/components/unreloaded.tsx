import { Show } from "solid-js";
import { Alert } from "./form.tsx";

/** Said when a change was saved but the page could not be reloaded after it (lib/record.ts). */
export function Unreloaded(props: { reason: string; onRetry: () => void }) {
  return (
    <Show when={props.reason}>
      <Alert kind="info">
        Perubahan tersimpan, tetapi halaman belum dapat dimuat ulang: {props.reason}{" "}
        <button type="button" class="link" onClick={() => props.onRetry()}>
          Muat ulang
        </button>
      </Alert>
    </Show>
  );
}
