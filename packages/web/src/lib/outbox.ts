import { createStore, del, entries, get, set } from "idb-keyval";
import { createSignal } from "solid-js";
import type * as v from "valibot";
import type { ComplaintView, RegisterComplaintSchema } from "@puskesos/core/complaint/schema";
import type { CreateProposalSchema, ProposalView } from "@puskesos/core/proposal/schema";
import { api, ApiError, type FieldError } from "./api.ts";

/**
 * The on-device outbox (DESIGN §7). Every registration goes through it, online or not: it is saved in
 * IndexedDB first (it survives a closed tab), then sent; the server treats a resend of the same `id`
 * as the same record, so sending again after a lost answer never makes a second one.
 *
 *   saved on this device → sent → received           (or refused, with the server's reason)
 */
export type OutboxKind = "complaint" | "proposal";
export type OutboxState = "saved" | "sent" | "received" | "refused";

/** What each kind sends (checked with the server's schema before it is saved) and gets back. */
interface Kinds {
  complaint: { payload: v.InferOutput<typeof RegisterComplaintSchema>; result: ComplaintView };
  proposal: { payload: v.InferOutput<typeof CreateProposalSchema>; result: ProposalView };
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
export type OutboxItem = ItemOf<"complaint"> | ItemOf<"proposal">;

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  saved: "Tersimpan di perangkat ini",
  sent: "Terkirim, menunggu jawaban",
  received: "Diterima server",
  refused: "Ditolak server",
};

const store = createStore("puskesos", "outbox");

/** Sends a saved record through the typed client; a resend of the same id answers the first record. */
function post(item: OutboxItem) {
  if (!item.payload) throw new Error(`Outbox item ${item.id} has nothing to send`);
  return item.kind === "complaint"
    ? api.complaints.$post({ json: item.payload })
    : api.proposals.$post({ json: item.payload });
}

const [items, setItems] = createSignal<OutboxItem[]>([]);
export { items as outboxItems };

async function refresh() {
  const all = (await entries<string, OutboxItem>(store)).map(([, item]) => item);
  setItems(all.sort((a, b) => b.savedAt.localeCompare(a.savedAt)));
}

async function put(item: OutboxItem) {
  await set(item.id, item, store);
  await refresh();
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
  await put(item as OutboxItem);
  return item;
}

export async function remove(id: string) {
  await del(id, store);
  await refresh();
}

/** Sends one item; a lost connection leaves it saved for the next try. */
export async function send(id: string): Promise<OutboxItem | undefined> {
  const item = await get<OutboxItem>(id, store);
  if (!item || item.state === "received") return item;
  await put({ ...item, state: "sent", updatedAt: new Date().toISOString() });
  let res: Awaited<ReturnType<typeof post>>;
  try {
    res = await post(item);
  } catch (error) {
    console.warn("kotak keluar: belum tersambung", error);
    const back = { ...item, state: "saved" as const, updatedAt: new Date().toISOString() };
    await put(back);
    return back;
  }
  const body = (await res.json().catch(() => ({}))) as
    ComplaintView | ProposalView | { error?: { message?: string; fields?: FieldError[] } };
  // 401 (session ended) and 5xx are not the record's fault: keep it for a later try.
  const status: number = res.status;
  if (status === 401 || status >= 500) {
    const back = { ...item, state: "saved" as const, updatedAt: new Date().toISOString() };
    await put(back);
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
  await put(done);
  return done;
}

let flushing: Promise<void> | undefined;
/** Sends everything not yet received, one at a time (a weak connection does better with one request). */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      // Oldest first: a proposal refers to the complaint saved before it.
      const waiting = (await entries<string, OutboxItem>(store))
        .map(([, i]) => i)
        .filter((i) => i.state === "saved" || i.state === "sent")
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
      for (const item of waiting) await send(item.id);
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

/** Resends a refusal the officer resolved by confirming the NIK against the card. */
export async function resendConfirmed(id: string) {
  const item = await get<OutboxItem>(id, store);
  if (!item?.payload) return;
  const { error: _error, ...rest } = item;
  await put({
    ...rest,
    payload: { ...item.payload, idConfirmed: true },
    state: "saved",
    updatedAt: new Date().toISOString(),
  } as OutboxItem);
  await send(id);
}

export const isConfirmable = (item: OutboxItem) =>
  item.state === "refused" &&
  Boolean(item.error?.fields.length) &&
  item.error!.fields.every((f) => f.needsConfirmation);

/** The refusal as the form shows it. */
export const refusal = (item: OutboxItem) =>
  new ApiError(422, item.error?.message ?? "", item.error?.fields ?? []);

export function startOutbox() {
  void refresh();
  void flush();
  window.addEventListener("online", () => void flush());
  // Weak links come and go without an online event: try again every half minute while anything waits.
  setInterval(() => {
    if (items().some((i) => i.state === "saved" || i.state === "sent")) void flush();
  }, 30_000);
}
