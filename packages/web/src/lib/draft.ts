/**
 * Keeps what is typed into a form on this device until it is saved, so closing the tab (or a phone
 * killing it) loses nothing. A draft belongs to the signed-in user (its key names them) and is dropped
 * at their sign-out; fields named in `never` (the resident's consent, the legal basis) are never stored.
 *
 * A new form starts empty. The draft comes back by itself only into the form it was typed in: the same
 * user, the same queue ticket, and a form that was never left inside the app (the tab was closed or
 * reloaded while it was open). Otherwise it is only offered, with its name and time, for the officer to
 * continue or drop; typing a new registration replaces it.
 */
const PREFIX = "puskesos.draft:";
/** Drafts from before they had an owner: `puskesos.draft.<form>`. */
const UNOWNED = "puskesos.draft.";

interface Stored {
  values: Record<string, string[]>;
  savedAt: string;
  /** The queue ticket the form was opened for ("" without one). */
  ticket: string;
  /** Still open in the form: the page went away without leaving the form (tab closed, reload). */
  open: boolean;
}

export interface Draft {
  /** The stored draft, if any: the name it holds and when it was saved. */
  readonly summary?: { name: string; savedAt: string };
  /** Whether it is this form's own interrupted draft, to be filled in without asking. */
  readonly interrupted: boolean;
  /** Fills the form with the draft. */
  restore(): void;
  /** Drops the draft once its record is saved. */
  clear(): void;
  /** Drops the draft and empties what it had filled in (the officer starts over). */
  discard(): void;
  /** The officer left the form inside the app: the draft is only offered from now on. */
  close(): void;
}

export function keepDraft(
  form: HTMLFormElement,
  options: { owner: string; key: string; ticket: string; never: readonly string[]; nameField: string },
): Draft {
  // A draft from before drafts were per user has no known owner: it is dropped, never shown.
  localStorage.removeItem(`${UNOWNED}${options.key}`);
  // A username has no colon, so one user's prefix never covers another's.
  const storageKey = `${PREFIX}${options.owner}:${options.key}`;
  const read = (): Stored | undefined => {
    const saved = localStorage.getItem(storageKey);
    return saved ? (JSON.parse(saved) as Stored) : undefined;
  };
  const stored = read();

  const save = () => {
    const values: Record<string, string[]> = {};
    for (const [name, value] of new FormData(form).entries())
      if (!options.never.includes(name)) (values[name] ??= []).push(String(value));
    // Nothing typed: nothing to keep (and an emptied form drops the draft).
    if (!Object.values(values).some((list) => list.some((v) => v.trim()))) {
      localStorage.removeItem(storageKey);
      return;
    }
    const draft: Stored = { values, savedAt: new Date().toISOString(), ticket: options.ticket, open: true };
    localStorage.setItem(storageKey, JSON.stringify(draft));
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);

  /** The form's fields a draft keeps. */
  const kept = () =>
    Array.from(form.elements)
      .map((element) => element as HTMLInputElement)
      .filter((input) => input.name && !options.never.includes(input.name));

  return {
    ...(stored
      ? { summary: { name: stored.values[options.nameField]?.[0]?.trim() ?? "", savedAt: stored.savedAt } }
      : {}),
    interrupted: Boolean(stored?.open && stored.ticket === options.ticket),
    restore: () => {
      if (!stored) return;
      for (const input of kept()) {
        const values = stored.values[input.name];
        if (input.type === "checkbox" || input.type === "radio")
          input.checked = values?.includes(input.value) ?? false;
        else if (values) input.value = values[0] ?? "";
        else continue;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    },
    clear: () => localStorage.removeItem(storageKey),
    discard: () => {
      localStorage.removeItem(storageKey);
      for (const input of kept()) {
        if (input.type === "checkbox" || input.type === "radio") input.checked = false;
        else input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    },
    close: () => {
      const current = read();
      if (current?.open) localStorage.setItem(storageKey, JSON.stringify({ ...current, open: false }));
    },
  };
}

/** Drops every draft of a user (at sign-out), and any from before drafts had an owner. */
export function forgetDrafts(owner: string) {
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? "");
  for (const key of keys)
    if (key.startsWith(`${PREFIX}${owner}:`) || key.startsWith(UNOWNED)) localStorage.removeItem(key);
}
