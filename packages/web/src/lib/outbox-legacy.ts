import { createStore, entries } from "idb-keyval";
import type { OutboxItem } from "./outbox.ts";

/**
 * Before outboxes were per user, one database (`puskesos`) held everyone's records. What it still has to
 * send goes to the user who was signed in when the app last ran (the cached user, read before this
 * start rewrites it), once that user is signed in; then the old database is deleted.
 */
const LEGACY_OWNER = (() => {
  try {
    return (JSON.parse(localStorage.getItem("puskesos.me") ?? "null") as { username?: string } | null)
      ?.username;
  } catch {
    return undefined;
  }
})();

export async function adoptLegacy(store: { owner: string; put(item: OutboxItem): Promise<void> }) {
  if (store.owner !== LEGACY_OWNER || typeof indexedDB.databases !== "function") return;
  if (!(await indexedDB.databases()).some((db) => db.name === "puskesos")) return;
  const legacy = createStore("puskesos", "outbox");
  for (const [, item] of await entries<string, OutboxItem>(legacy))
    if (item.state !== "received") await store.put(item);
  await legacy("readonly", (s) => s.transaction.db.close());
  indexedDB.deleteDatabase("puskesos");
}
