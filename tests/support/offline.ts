import type { Page } from "playwright-core";

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

/**
 * Resolves once the user's draft of `form` on this device was saved from what the page held at or after
 * `since` (a time from the page's own clock; the draft's save time is one of its clear fields). A draft is
 * saved a moment after each change (sealing, then IndexedDB); a tab closed inside that moment keeps the
 * save before it, as when a phone kills a tab.
 */
export async function draftSavedSince(page: Page, owner: string, since: number, form = "complaint") {
  await page.waitForFunction(
    async ({ owner, since, form }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(`puskesos.drafts.${owner}`);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (!db.objectStoreNames.contains("drafts")) return false;
        const kept = await new Promise<{ clear?: { savedAt?: string } } | undefined>((resolve, reject) => {
          const read = db.transaction("drafts").objectStore("drafts").get(form);
          read.onsuccess = () => resolve(read.result as { clear?: { savedAt?: string } } | undefined);
          read.onerror = () => reject(read.error);
        });
        return Date.parse(kept?.clear?.savedAt ?? "") >= since;
      } finally {
        db.close();
      }
    },
    { owner, since, form },
    { polling: 100 },
  );
}
