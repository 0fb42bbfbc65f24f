import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Playwright's offline emulation (`context.setOffline(true)`) blocks every request of the context, its
 * pages' and its service worker's, but from Chromium 150 a document that loads while it is on (a reload,
 * a tab opened from the service worker's copy) still reads `navigator.onLine === true`: it says online
 * where a phone's browser says offline, and never hears the `online` event when the connection returns.
 * After such a load, this tells the document it is offline; `context.setOffline(false)` then brings it
 * back with its `online` event, as for a page that was open when the connection went.
 */
export async function offlineDocument(page: Page): Promise<void> {
  // The session stays attached: the state it sets lasts as long as the session.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.overrideNetworkState", {
    offline: true,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
}

/**
 * Resolves once the service worker controls the page. Its activation (old caches dropped, then
 * `clients.claim()`) can take seconds on a busy machine; and a document created after the claim but
 * before the worker was active is never claimed, so after a while the page is loaded again, which an
 * active worker always controls.
 */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const controlled = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return true;
      return new Promise<boolean>((resolve) => {
        navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true), { once: true });
        setTimeout(() => resolve(Boolean(navigator.serviceWorker.controller)), 5000);
      });
    });
    if (controlled) return;
    await page.reload();
  }
  throw new Error("The service worker never took control of the page.");
}

/** The user's drafts on this device: each form's key and the save time kept in clear (never the values). */
export async function draftsOnDevice(page: Page, owner: string): Promise<{ id: string; savedAt: string }[]> {
  return page.evaluate(async (owner) => {
    if (!(await indexedDB.databases()).some((db) => db.name === `puskesos.drafts.${owner}`)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`puskesos.drafts.${owner}`);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains("drafts")) return [];
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const read = db.transaction("drafts").objectStore("drafts").getAll();
        read.onsuccess = () => resolve(read.result);
        read.onerror = () => reject(read.error);
      });
      return all.flatMap((item) => {
        const clear = (item as { clear?: { id?: string; savedAt?: string } }).clear;
        return clear?.id ? [{ id: clear.id, savedAt: clear.savedAt ?? "" }] : [];
      });
    } finally {
      db.close();
    }
  }, owner);
}

/**
 * Resolves once the user's draft of `form` on this device was saved from what the page held at or after
 * `since` (a time from the page's own clock). A draft is saved a moment after each change (sealing, then
 * IndexedDB); a tab closed inside that moment keeps the save before it, as when a phone kills a tab.
 */
export async function draftSavedSince(page: Page, owner: string, since: number, form = "complaint") {
  await expect
    .poll(async () => {
      const draft = (await draftsOnDevice(page, owner)).find((d) => d.id === form);
      return Date.parse(draft?.savedAt ?? "") >= since;
    })
    .toBe(true);
}
