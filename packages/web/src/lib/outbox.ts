import { createStore, del, entries, get, set } from "idb-keyval";
import { createSignal } from "solid-js";
import { ApiError, type FieldError } from "./api.ts";

/**
 * The on-device outbox (DESIGN §7). Every registration goes through it, online or not: it is saved in
 * IndexedDB first (it survives a closed tab), then sent; the server treats a resend of the same `id`
 * as the same record, so sending again after a lost answer never makes a second one.
 *
 *   saved on this device → sent → received           (or refused, with the server's reason)
 */
export type OutboxKind = "complaint" | "proposal";
export type OutboxState = "saved" | "sent" | "received" | "refused";

export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  payload: { id: string } & Record<string, unknown>;
  /** What the officer sees in the list: the reporter's name, never the NIK. */
  label: string;
  state: OutboxState;
  savedAt: string;
  updatedAt: string;
  result?: unknown;
  error?: { message: string; fields: FieldError[] };
}

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  saved: "Tersimpan di perangkat ini",
  sent: "Terkirim, menunggu jawaban",
  received: "Diterima server",
  refused: "Ditolak server",
};

const store = createStore("puskesos", "outbox");
const ENDPOINTS: Record<OutboxKind, string> = { complaint: "/api/complaints", proposal: "/api/proposals" };

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

export async function add(
  kind: OutboxKind,
  payload: OutboxItem["payload"],
  label: string,
): Promise<OutboxItem> {
  const now = new Date().toISOString();
  const item: OutboxItem = {
    id: payload.id,
    kind,
    payload,
    label,
    state: "saved",
    savedAt: now,
    updatedAt: now,
  };
  await put(item);
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
  let res: Response;
  try {
    res = await fetch(ENDPOINTS[item.kind], {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(item.payload),
    });
  } catch (error) {
    console.warn("kotak keluar: belum tersambung", error);
    const back = { ...item, state: "saved" as const, updatedAt: new Date().toISOString() };
    await put(back);
    return back;
  }
  const body = (await res.json().catch(() => ({}))) as {
    error?: { message?: string; fields?: FieldError[] };
  };
  // 401 (session ended) and 5xx are not the record's fault: keep it for a later try.
  if (res.status === 401 || res.status >= 500) {
    const back = { ...item, state: "saved" as const, updatedAt: new Date().toISOString() };
    await put(back);
    return back;
  }
  // Once the server has it, the device keeps no more of the resident's data than the list shows.
  const done: OutboxItem = res.ok
    ? {
        ...item,
        payload: { id: item.id },
        state: "received",
        result: body,
        updatedAt: new Date().toISOString(),
      }
    : {
        ...item,
        state: "refused",
        error: {
          message: body.error?.message ?? `Server menjawab ${res.status}.`,
          fields: body.error?.fields ?? [],
        },
        updatedAt: new Date().toISOString(),
      };
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
  if (!item) return;
  const { error: _error, ...rest } = item;
  await put({
    ...rest,
    payload: { ...item.payload, idConfirmed: true },
    state: "saved",
    updatedAt: new Date().toISOString(),
  });
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
