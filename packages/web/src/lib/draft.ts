import type { SealedStore } from "./sealed-store.ts";

/**
 * Keeps what is typed into a form on this device until it is saved. Each change is kept a moment after it
 * (sealing, then IndexedDB, which cannot finish once the page is gone), so closing the tab (or a phone
 * killing it) loses at most the change of that moment. A draft belongs to the signed-in user: it is kept sealed in their own
 * store (sealed-store.ts, as the outbox keeps unsent records), so the resident's NIK, name and story are
 * not in plain sight on a shared laptop, and dropped at their sign-out. Fields named in `never` (the
 * resident's consent, the legal basis) are never stored.
 *
 * A new form starts empty. The draft comes back by itself only into the form it was typed in: the same
 * user, the same queue ticket, and a form that was never left inside the app (the tab was closed or
 * reloaded while it was open). Otherwise it is only offered, with its name and time, for the officer to
 * continue or drop; typing a new registration replaces it.
 */
interface Kept {
  /** The form's key: one draft per form and user. */
  id: string;
  values: Record<string, string[]>;
  savedAt: string;
  /** The queue ticket the form was opened for ("" without one). */
  ticket: string;
  /** Still open in the form: the page went away without leaving the form (tab closed, reload). */
  open: boolean;
}
type Store = SealedStore<Kept, "id" | "savedAt" | "ticket" | "open">;

/** Drafts kept in clear by earlier versions: `puskesos.draft:<user>:<form>`, and before owners `puskesos.draft.<form>`. */
const CLEAR = "puskesos.draft:";
const UNOWNED = "puskesos.draft.";
const DATABASE = (owner: string) => `puskesos.drafts.${owner}`;

const stores = new Map<string, Promise<Store>>();
/** The user's sealed drafts, loaded with the first form that keeps one (not part of a screen's first paint). */
function storeOf(owner: string): Promise<Store> {
  let store = stores.get(owner);
  if (!store) {
    store = import("./sealed-store.ts").then(({ sealedStore }) =>
      sealedStore<Kept, "id" | "savedAt" | "ticket" | "open">("drafts", owner, [
        "id",
        "savedAt",
        "ticket",
        "open",
      ]),
    );
    stores.set(owner, store);
  }
  return store;
}

export interface Draft {
  /** The stored draft, if any: the name it holds and when it was saved. */
  readonly summary?: { name: string; savedAt: string };
  /** Whether it is this form's own interrupted draft, to be filled in without asking. */
  readonly interrupted: boolean;
  /** The names of the fields the draft holds (a form that adds rows adds them before `restore`). */
  readonly fields: readonly string[];
  /** Fills the form with the draft. */
  restore(): void;
  /** Drops the draft once its record is saved. */
  clear(): void;
  /** Drops a draft only offered; what was typed meanwhile is kept from now on. */
  drop(): void;
  /** Drops the draft and empties what it had filled in (the officer starts over). */
  discard(): void;
  /** The officer left the form inside the app: the draft is only offered from now on. */
  close(): void;
  /** The form changed without an input event (a row added or removed): keep it as it is now. */
  changed(): void;
}

export async function keepDraft(
  form: HTMLFormElement,
  options: {
    owner: string;
    key: string;
    ticket: string;
    never: readonly string[];
    nameField: string;
    /** The form opens filled in (a household as proposed): what it holds is not the officer's typing. */
    startsFilled?: boolean;
  },
): Promise<Draft> {
  localStorage.removeItem(`${UNOWNED}${options.key}`);
  const store = await storeOf(options.owner);
  // A username has no colon, so one user's prefix never covers another's.
  const clearKey = `${CLEAR}${options.owner}:${options.key}`;
  const inClear = localStorage.getItem(clearKey);
  if (inClear) {
    await store.put({ ...(JSON.parse(inClear) as Omit<Kept, "id">), id: options.key });
    localStorage.removeItem(clearKey);
  }
  const stored = await store.get(options.key);

  /** The form's fields a draft keeps. */
  const kept = () =>
    Array.from(form.elements)
      .map((element) => element as HTMLInputElement)
      .filter((input) => input.name && !options.never.includes(input.name));
  const valuesNow = () => {
    const values: Record<string, string[]> = {};
    for (const [name, value] of new FormData(form).entries())
      if (!options.never.includes(name)) (values[name] ??= []).push(String(value));
    return values;
  };
  const typed = (values: Record<string, string[]>) =>
    Object.values(values).some((list) => list.some((v) => v.trim()));
  // Typed into before the draft was read: that is a new registration, so the old one is only offered.
  const typedAlready = !options.startsFilled && typed(valuesNow());

  const interrupted = Boolean(stored?.open && stored.ticket === options.ticket && !typedAlready);
  // A form that opens filled in, with a draft only offered: the draft is not written over until the
  // officer continues it or drops it (typing into the proposal as it was is not a choice between them).
  let held = Boolean(options.startsFilled && stored && !interrupted);
  let missed = false;

  // One write at a time, in order: a keystroke's save never lands after a later one's.
  let writing: Promise<void> = Promise.resolve();
  const then = (step: () => Promise<void>) => {
    writing = writing.then(step).catch((error: unknown) => console.warn("draf tidak tersimpan", error));
  };
  let pending = false;
  const save = () => {
    if (held) missed = true;
    if (pending || held) return;
    pending = true;
    then(async () => {
      pending = false;
      const values = valuesNow();
      // Nothing typed: nothing to keep (and an emptied form drops the draft).
      if (!typed(values)) return store.del(options.key);
      const savedAt = new Date().toISOString();
      await store.put({ id: options.key, values, savedAt, ticket: options.ticket, open: true });
    });
  };
  const clear = () => {
    held = false;
    then(() => store.del(options.key));
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);

  return {
    ...(stored
      ? { summary: { name: stored.values[options.nameField]?.[0]?.trim() ?? "", savedAt: stored.savedAt } }
      : {}),
    interrupted,
    fields: Object.keys(stored?.values ?? {}),
    restore: () => {
      if (!stored) return;
      held = false;
      for (const input of kept()) {
        const values = stored.values[input.name];
        if (input.type === "checkbox" || input.type === "radio")
          input.checked = values?.includes(input.value) ?? false;
        else if (values) input.value = values[0] ?? "";
        else continue;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    },
    clear,
    drop: () => {
      clear();
      if (missed) save();
    },
    discard: () => {
      held = false;
      then(() => store.del(options.key));
      for (const input of kept()) {
        if (input.type === "checkbox" || input.type === "radio") input.checked = false;
        else input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    },
    close: () =>
      then(async () => {
        const current = await store.get(options.key);
        if (current?.open) await store.put({ ...current, open: false });
      }),
    changed: save,
  };
}

/** Whether this device has the user's drafts store (opening it would make one). */
async function hasStore(owner: string): Promise<boolean> {
  const known = (await indexedDB.databases?.()) ?? [{ name: DATABASE(owner) }];
  return known.some((db) => db.name === DATABASE(owner));
}

/** The user's drafts on this device (their form's key, and whether the form was still open), unopened. */
export async function draftsOf(owner: string): Promise<{ id: string; open: boolean }[]> {
  if (!(await hasStore(owner))) return [];
  return (await (await storeOf(owner)).peek()).map(({ id, open }) => ({ id, open }));
}

/** Drops one draft of the user's (its record left the device), opening their store only when there is one. */
export async function forgetDraft(owner: string, key: string): Promise<void> {
  if ((await draftsOf(owner)).some((d) => d.id === key)) await (await storeOf(owner)).del(key);
}

/** How many drafts the user has on this device (for the sign-out question), without opening them. */
export async function draftsKept(owner: string): Promise<number> {
  return (await draftsOf(owner)).length;
}

/**
 * Drops every draft of a user (at sign-out), any they had in clear from before drafts were sealed, and
 * any from before drafts had an owner. Their store is only opened when this device has one.
 */
export async function forgetDrafts(owner: string) {
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? "");
  for (const key of keys)
    if (key.startsWith(`${CLEAR}${owner}:`) || key.startsWith(UNOWNED)) localStorage.removeItem(key);
  if (!(await hasStore(owner))) return;
  const store = await storeOf(owner);
  for (const draft of await store.peek()) await store.del(draft.id);
  await store.dropKey();
}
