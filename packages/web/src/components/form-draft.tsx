import { createSignal, onCleanup, Show } from "solid-js";
import type { Draft } from "../lib/draft.ts";
import { me } from "../lib/session.ts";
import { savedWhen } from "../lib/time.ts";
import { Alert } from "./form.tsx";

/**
 * A form that opens filled in (a household as proposed, to be verified) and keeps the user's changes on
 * this device as they are typed (lib/draft.ts): after a reload, or a phone closing the tab, the same
 * form comes back as it was left; a draft left by closing the form is offered, and not written over until
 * the officer continues or drops it. `rows` is told the
 * fields the draft holds before they are filled in, for a form that adds rows.
 */
export function createFormDraft(options: {
  key: string;
  never: readonly string[];
  nameField: string;
  rows?: (fields: readonly string[]) => void;
  /** Closes the form, when the officer drops a draft that was filled in. */
  close?: () => void;
}) {
  const [note, setNote] = createSignal<{ savedAt: string; restored: boolean }>();
  let draft: Draft | undefined;
  let left = false;
  const restore = (kept: Draft) => {
    options.rows?.(kept.fields);
    kept.restore();
  };
  const start = async (form: HTMLFormElement) => {
    const { keepDraft } = await import("../lib/draft.ts");
    const kept = await keepDraft(form, {
      owner: me()!.username,
      key: options.key,
      ticket: "",
      never: options.never,
      nameField: options.nameField,
      startsFilled: true,
    });
    if (left) return kept.close();
    draft = kept;
    if (!kept.summary) return;
    if (kept.interrupted) restore(kept);
    setNote({ savedAt: kept.summary.savedAt, restored: kept.interrupted });
  };
  onCleanup(() => {
    left = true;
    draft?.close();
  });
  const View = () => (
    <Show when={note()}>
      {(n) => (
        <Alert kind="info">
          <span data-testid="form-draft-note">
            {n().restored ? "Draf dipulihkan" : "Ada draf di perangkat ini"}, {savedWhen(n().savedAt)}
          </span>{" "}
          <Show when={!n().restored}>
            <span class="muted">Perubahan baru disimpan setelah Anda memilih.</span>{" "}
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setNote(undefined);
                if (draft) restore(draft);
              }}
            >
              Lanjutkan draf
            </button>{" "}
          </Show>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              const restored = note()?.restored;
              setNote(undefined);
              if (restored) draft?.clear();
              else draft?.drop();
              // What the draft filled in goes with it: the form opens again as proposed.
              if (restored) options.close?.();
            }}
          >
            Hapus draf
          </button>
        </Alert>
      )}
    </Show>
  );
  return {
    /** For the form's `ref`: starts keeping (and brings back) the draft once the form is on the page. */
    start: (form: HTMLFormElement) => queueMicrotask(() => void start(form)),
    /** The record was saved: its draft goes. */
    clear: () => draft?.clear(),
    /** The form changed without an input event (a row added or removed). */
    changed: () => draft?.changed(),
    Note: View,
  };
}
