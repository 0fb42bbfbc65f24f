import { createEffect, createRoot, createSignal, on } from "solid-js";
import type * as v from "valibot";
import type { ComplaintView, RegisterComplaintSchema } from "@puskesos/core/complaint/schema";
import type { CreateProposalSchema, ProposalView, VerifySchema } from "@puskesos/core/proposal/schema";
import { api, ApiError, call, type FieldError } from "./api.ts";
import { adoptLegacy } from "./outbox-legacy.ts";
import { canSeal } from "./id.ts";
import { sealedStore, type SealedStore } from "./sealed-store.ts";
import { me, onSignOut } from "./session.ts";

/**
 * The on-device outbox (DESIGN §7). Every registration goes through it, online or not: it is saved in
 * IndexedDB first (it survives a closed tab), then sent; the server treats a resend of the same `id`
 * as the same record, so sending again after a lost answer never makes a second one.
 *
 *   saved on this device → sent → received           (or refused, with the server's reason)
 *
 * Each user has their own outbox (sealed-store.ts: a database per username, the resident's data sealed);
 * only the signed-in user's is listed and sent, and only under that user's own session. Sign-out drops
 * the received records; what was not received stays, for that user alone, until they sign in again.
 */
export type OutboxKind = "complaint" | "proposal" | "verification";
export type OutboxState = "saved" | "sent" | "received" | "refused";

/** What each kind sends (checked with the server's schema before it is saved) and gets back. */
interface Kinds {
  complaint: { payload: v.InferOutput<typeof RegisterComplaintSchema>; result: ComplaintView };
  proposal: { payload: v.InferOutput<typeof CreateProposalSchema>; result: ProposalView };
  /** A field visit's result (verval), recorded on the device; `id` is its device-made `resultId`. */
  verification: {
    payload: { id: string; proposalId: string; result: v.InferOutput<typeof VerifySchema> };
    result: ProposalView;
  };
}

type ItemOf<K extends OutboxKind> = {
  id: string;
  kind: K;
  /** Kept until the server has it; then the device keeps no more of the resident's data than the list shows. */
  payload?: Kinds[K]["payload"];
  /** What the officer sees in the list: the reporter's name, never the NIK. */
  label: string;
  state: OutboxState;
  savedAt: string;
  updatedAt: string;
  result?: Kinds[K]["result"];
  error?: { message: string; fields: FieldError[] };
};
export type OutboxItem = ItemOf<"complaint"> | ItemOf<"proposal"> | ItemOf<"verification">;

/** What each kind is called in lists. */
export const OUTBOX_KIND_LABELS: Record<OutboxKind, string> = {
  complaint: "Pengaduan",
  proposal: "Usulan",
  verification: "Hasil verval",
};

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  saved: canSeal() ? "Tersimpan di perangkat ini" : "Tersimpan selama halaman ini terbuka",
  sent: "Terkirim, menunggu jawaban",
  received: "Diterima server",
  refused: "Ditolak server",
};

/** What an item keeps in clear (to list, count and order); the rest is sealed. */
const CLEAR = ["id", "kind", "state", "savedAt", "updatedAt"] as const;
type Store = SealedStore<OutboxItem, (typeof CLEAR)[number]>;
const stores = new Map<string, Store>();
function storeOf(owner: string): Store {
  let store = stores.get(owner);
  if (!store)
    stores.set(owner, (store = sealedStore<OutboxItem, (typeof CLEAR)[number]>("outbox", owner, CLEAR)));
  return store;
}

/** The signed-in user's outbox; none while nobody is signed in. */
let current: Store | undefined;
function mine(): Store {
  if (!current) throw new Error("Kotak keluar: tidak ada pengguna yang masuk.");
  return current;
}

/** Still on its way: saved on the device, or sent without an answer yet. */
export const waits = (item: Pick<OutboxItem, "state">) => item.state === "saved" || item.state === "sent";

/** Sends a saved record through the typed client; a resend of the same id answers the first record. */
function post(item: OutboxItem) {
  if (!item.payload) throw new Error(`Outbox item ${item.id} has nothing to send`);
  switch (item.kind) {
    case "complaint":
      return api.complaints.$post({ json: item.payload });
    case "proposal":
      return api.proposals.$post({ json: item.payload });
    case "verification":
      return api.proposals[":id"].verify.$post({
        param: { id: item.payload.proposalId },
        json: item.payload.result,
      });
  }
}

/** Told of every record the server received (the field visits drop what they kept for it). */
const receivedListeners: ((item: OutboxItem, owner: string) => void | Promise<void>)[] = [];
export const onReceived = (listener: (item: OutboxItem, owner: string) => void | Promise<void>) =>
  void receivedListeners.push(listener);

const [items, setItems] = createSignal<OutboxItem[]>([]);
export { items as outboxItems };

/**
 * The last try could not reach the server (no answer, or a 5xx) though the device may say it is online:
 * a weak link, a captive portal, the server down. Cleared by the next answer.
 */
const [unreachable, setUnreachable] = createSignal(false);
export { unreachable as serverUnreachable };

async function refresh(store = current) {
  if (!store) return;
  const all = await store.all();
  // The user changed meanwhile: the list is someone else's now.
  if (store !== current) return;
  setItems(all.sort((a, b) => b.savedAt.localeCompare(a.savedAt)));
}

async function put(store: Store, item: OutboxItem) {
  await store.put(item);
  await refresh(store);
}

export async function add<K extends OutboxKind>(kind: K, payload: Kinds[K]["payload"], label: string) {
  const now = new Date().toISOString();
  const item: ItemOf<K> = {
    id: payload.id,
    kind,
    payload,
    label,
    state: "saved",
    savedAt: now,
    updatedAt: now,
  };
  await put(mine(), item as OutboxItem);
  return item;
}

export async function remove(id: string) {
  const store = mine();
  await store.del(id);
  await refresh(store);
}

/** Sends one item; a lost connection leaves it saved for the next try. */
export async function send(id: string, store = mine()): Promise<OutboxItem | undefined> {
  const item = await store.get(id);
  if (!item || item.state === "received") return item;
  await put(store, { ...item, state: "sent", updatedAt: new Date().toISOString() });
  let res: Awaited<ReturnType<typeof post>>;
  try {
    res = await post(item);
  } catch (error) {
    console.warn("kotak keluar: belum tersambung", error);
    setUnreachable(true);
    const back = { ...item, state: "saved" as const, updatedAt: new Date().toISOString() };
    await put(store, back);
    retrySoon();
    return back;
  }
  const body = (await res.json().catch(() => ({}))) as
    ComplaintView | ProposalView | { error?: { message?: string; fields?: FieldError[] } };
  // 401 (session ended) and 5xx are not the record's fault: keep it for a later try.
  const status: number = res.status;
  setUnreachable(status >= 500);
  if (status === 401 || status >= 500) {
    const back = { ...item, state: "saved" as const, updatedAt: new Date().toISOString() };
    await put(store, back);
    retrySoon();
    return back;
  }
  // Once the server has it, the device keeps no more of the resident's data than the list shows.
  const { payload: _sent, ...kept } = item;
  const failure = "error" in body ? body.error : undefined;
  const done = (
    res.ok
      ? { ...kept, state: "received", result: body, updatedAt: new Date().toISOString() }
      : {
          ...item,
          state: "refused",
          error: {
            message: failure?.message ?? `Server menjawab ${res.status}.`,
            fields: failure?.fields ?? [],
          },
          updatedAt: new Date().toISOString(),
        }
  ) as OutboxItem;
  await put(store, done);
  if (done.state === "received") for (const listener of receivedListeners) await listener(done, store.owner);
  return done;
}

/** Whether the server's session is this user's: a tab still showing someone who signed out elsewhere sends nothing. */
async function sessionIs(owner: string): Promise<boolean> {
  try {
    const user = await call(api.auth.me.$get());
    setUnreachable(false);
    return user.username === owner;
  } catch (error) {
    setUnreachable(!(error instanceof ApiError) || error.status === 0 || error.status >= 500);
    return false;
  }
}

let flushing: Promise<void> | undefined;
/** Asked again while a round was under way (the connection came back during a failing try). */
let again = false;
/**
 * Sends everything of the signed-in user not yet received, one at a time (a weak connection does better
 * with one request). Asked while sending, it goes round once more after: the connection may have come
 * back while the round under way was failing.
 */
export function flush(): Promise<void> {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    try {
      do {
        again = false;
        await sendWaiting();
      } while (again);
    } finally {
      flushing = undefined;
      retrySoon();
    }
  })();
  return flushing;
}

/**
 * A round that could not reach the server is tried again sooner than the half-minute beat, 5, 10 then
 * 20 s after: a weak link often comes back within seconds (a moment without signal, an answer lost on
 * its way back), and until then the officer reads "Tersimpan di perangkat ini" for a record the server
 * may already have.
 */
let soon: ReturnType<typeof setTimeout> | undefined;
let soonAfter = 5_000;
function retrySoon() {
  if (!unreachable() || !items().some(waits)) {
    soonAfter = 5_000;
    return;
  }
  if (soon) return;
  soon = setTimeout(() => {
    soon = undefined;
    void flush();
  }, soonAfter);
  soonAfter = Math.min(soonAfter * 2, 20_000);
}

async function sendWaiting() {
  const store = current;
  if (!store) return;
  // Oldest first: a proposal refers to the complaint saved before it.
  const waiting = (await store.peek()).filter(waits).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  if (!waiting.length || !(await sessionIs(store.owner))) return;
  for (const item of waiting) {
    if (store !== current) return;
    await send(item.id, store);
  }
}

/** Resends a refusal the officer resolved by confirming the NIK against the card. */
export async function resendConfirmed(id: string) {
  const store = mine();
  const item = await store.get(id);
  if (!item?.payload) return;
  const { error: _error, ...rest } = item;
  const payload =
    item.kind === "verification"
      ? { ...item.payload, result: { ...item.payload.result, idConfirmed: true } }
      : { ...item.payload, idConfirmed: true };
  await put(store, {
    ...rest,
    payload,
    state: "saved",
    updatedAt: new Date().toISOString(),
  } as OutboxItem);
  await send(id, store);
}

export const isConfirmable = (item: OutboxItem) =>
  item.state === "refused" &&
  Boolean(item.error?.fields.length) &&
  item.error!.fields.every((f) => f.needsConfirmation);

/** The refusal as the form shows it. */
export const refusal = (item: OutboxItem) =>
  new ApiError(422, item.error?.message ?? "", item.error?.fields ?? []);

/**
 * What signing out would leave behind (records for this user alone) or delete (a half-typed
 * registration), as the question to ask first; nothing when there is neither.
 */
export async function signOutWarning(): Promise<string | undefined> {
  const kept = current ? await current.peek() : [];
  const waiting = kept.filter(waits).length;
  const refused = kept.filter((i) => i.state === "refused").length;
  const drafts = current ? await (await import("./draft.ts")).draftsKept(current.owner) : 0;
  const what = [
    ...(waiting ? [`${waiting} catatan yang belum terkirim`] : []),
    ...(refused ? [`${refused} catatan yang ditolak server dan belum diperbaiki`] : []),
  ].join(" dan ");
  const parts = [
    ...(what
      ? [
          `Ada ${what}. Catatan itu tetap di perangkat ini, hanya untuk Anda, dan ${waiting ? "dikirim" : "dapat diperbaiki"} saat Anda masuk lagi. Pengguna lain tidak dapat melihatnya di aplikasi ini.`,
        ]
      : []),
    ...(drafts ? ["Draf pengaduan yang belum disimpan di formulir akan dihapus."] : []),
  ];
  return parts.length ? `${parts.join(" ")} Tetap keluar?` : undefined;
}

/** Whether to sign out: yes at once when nothing would be left or deleted, else the officer's answer. */
export async function maySignOut(): Promise<boolean> {
  const warning = await signOutWarning();
  return !warning || (await import("./ask.ts")).ask(warning, "Tetap keluar");
}

/** At sign-out: the received records go; the rest stays sealed for its user, and the key too while anything needs it. */
async function forget(owner: string) {
  const store = storeOf(owner);
  for (const item of await store.peek()) if (item.state === "received") await store.del(item.id);
  await store.dropKey();
}

/** The signed-in user's outbox has been read into `outboxItems` (a page asking what waits there). */
let opened: Promise<void> = Promise.resolve();
export const outboxOpened = () => opened;

/** Opens the outbox of whoever is signed in now (none when nobody is), and sends what it holds. */
async function use(username: string | undefined) {
  const store = username ? storeOf(username) : undefined;
  if (store === current) return;
  current = store;
  setItems([]);
  setUnreachable(false);
  if (!store) return;
  await (opened = adoptLegacy(store).then(() => refresh(store)));
  await flushing;
  await flush();
}

export function startOutbox() {
  onSignOut(forget);
  createRoot(() =>
    createEffect(
      on(
        () => me()?.username,
        (username) => void use(username),
      ),
    ),
  );
  window.addEventListener("online", () => void flush());
  // Weak links come and go without an online event: try again every half minute while anything waits.
  setInterval(() => {
    if (items().some(waits)) void flush();
  }, 30_000);
}
