import type { Browser, BrowserContext, Page } from "playwright-core";
import { startLocal, type LocalServer } from "@puskesos/functions/local";
import { launchChromium } from "../../tests/support/browser.ts";

/** DESIGN §8's weak link: Slow 4G, 150 ms RTT, 1.6 Mbps down, 750 kbps up. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  return cdp;
}

/**
 * The page's throttling does not reach the service worker's own requests (the returning visit's HTML,
 * fetched network-first): the same conditions are set on the worker's target too.
 */
async function throttleServiceWorker(browser: Browser, url: string) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send("Target.getTargets");
  const worker = targetInfos.find((t) => t.type === "service_worker" && t.url.startsWith(url));
  if (!worker) throw new Error("no service worker to throttle");
  const { sessionId } = await cdp.send("Target.attachToTarget", {
    targetId: worker.targetId,
    flatten: false,
  });
  const send = (id: number, method: string, params: object) =>
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) });
  await send(1, "Network.enable", {});
  await send(2, "Network.emulateNetworkConditions", SLOW_4G);
}

/** Run in the page before its own code: the largest contentful paint, and when the selector was first shown. */
const SEEN = `function (selector) {
  window.__lcp = 0;
  window.__ready = 0;
  new PerformanceObserver(function (list) {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  function shown() {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true });
  }
  new MutationObserver(function (_, observer) {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(function () { window.__ready = performance.now(); });
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}`;

/**
 * Opens `path` and returns, in ms from the start of the navigation, when `readySelector` was first shown
 * (the first frame after it is in the page with a size and not hidden, seen from inside the page) and the
 * largest contentful paint. Playwright's own wait polls ever more slowly (up to 500 ms apart), which
 * added 100–500 ms of its own to a figure read from it.
 */
async function open(page: Page, path: string, readySelector: string) {
  // A string, not a function: tsx would wrap the function's inner names in a helper the page lacks.
  await page.addInitScript(`(${SEEN})(${JSON.stringify(readySelector)})`);
  await page.goto(path, { waitUntil: "commit" });
  await page.waitForSelector(readySelector, { state: "visible" });
  await page.waitForTimeout(300);
  const { ready, lcp } = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __ready: number };
    return { ready: w.__ready, lcp: w.__lcp };
  });
  if (!ready) throw new Error(`${readySelector} was shown without the page seeing it`);
  return { ready: Math.round(ready), lcp };
}

export interface ScreenLoad {
  /** Medians of the runs, ms. */
  lcp: number;
  ready: number;
  /** The second visit of the same signed-in user, served by the service worker's cache (HTTP cache emptied). */
  returning: number;
  runs: number;
}

/** One run: a first visit with an empty cache, then the returning visit once the service worker is active. */
async function visitTwice(browser: Browser, url: string, path: string, readySelector: string) {
  const context = await browser.newContext({ baseURL: url });
  try {
    await context.request.post("/api/auth/login", {
      data: { username: "fo.kalisapu", password: "puskesos-demo" },
      headers: { origin: url },
    });
    const first = await context.newPage();
    const cdp = await throttle(context, first);
    const cold = await open(first, path, readySelector);
    // The app is in the service worker's cache once it is active (install waits for the whole copy).
    await first.evaluate(() => navigator.serviceWorker.ready);
    await cdp.send("Network.clearBrowserCache");
    await first.close();
    await throttleServiceWorker(browser, url);
    const second = await context.newPage();
    await throttle(context, second);
    return { ...cold, returning: (await open(second, path, readySelector)).ready };
  } finally {
    await context.close();
  }
}

/**
 * Load times of screens in Chromium under emulated Slow 4G, signed in as fo.kalisapu, for each built SPA
 * in `designs` (name → dist folder), each served by its own local server. Each run is a new browser
 * profile: a first visit with an empty cache (the service worker registers during it, as on a new device),
 * then, once the service worker is active, a second visit with the HTTP cache emptied, so that only the
 * service worker's copy of the app helps (a returning officer). The designs take turns run by run, so
 * that a busy spell of this shared machine weighs on both alike.
 */
export async function slowNetworkLoads(
  screens: { path: string; ready: string }[],
  designs: Record<string, string>,
  runs: number,
): Promise<Record<string, Record<string, ScreenLoad>>> {
  const names = Object.keys(designs);
  const servers: LocalServer[] = [];
  const browser = await launchChromium();
  const samples = new Map<string, { lcp: number[]; ready: number[]; returning: number[] }>();
  try {
    for (const name of names)
      servers.push(await startLocal({ port: 0, dataDir: undefined, webDir: designs[name]!, seedDemo: true }));
    for (let i = 0; i < runs; i++)
      for (const screen of screens)
        for (const [n, name] of names.entries()) {
          const run = await visitTwice(browser, servers[n]!.url, screen.path, screen.ready);
          const key = `${name} ${screen.path}`;
          const cell = samples.get(key) ?? { lcp: [], ready: [], returning: [] };
          cell.lcp.push(run.lcp);
          cell.ready.push(run.ready);
          cell.returning.push(run.returning);
          samples.set(key, cell);
        }
  } finally {
    await browser.close();
    for (const server of servers) await server.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const result: Record<string, Record<string, ScreenLoad>> = {};
  for (const name of names) {
    const screensOf: Record<string, ScreenLoad> = (result[name] = {});
    for (const screen of screens) {
      const cell = samples.get(`${name} ${screen.path}`)!;
      screensOf[screen.path] = {
        lcp: median(cell.lcp),
        ready: median(cell.ready),
        returning: median(cell.returning),
        runs,
      };
    }
  }
  return result;
}
