import { startLocal } from "@puskesos/functions/local";
import { launchChromium, WEB_DIST } from "../../tests/support/browser.ts";

/**
 * Load time of a screen in Chromium under emulated Slow 4G (DESIGN §8: 150 ms RTT, 1.6 Mbps down,
 * 750 kbps up), with an empty cache and no service worker yet: the first visit of a new device.
 * Reports the largest contentful paint and the time until the form's first field can be typed in.
 */
export async function slowNetworkLoad(path: string, readySelector: string, runs: number) {
  const server = await startLocal({ port: 0, dataDir: undefined, webDir: WEB_DIST, seedDemo: true });
  const browser = await launchChromium();
  const lcp: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ baseURL: server.url, serviceWorkers: "block" });
      await context.request.post("/api/auth/login", {
        data: { username: "fo.kalisapu", password: "puskesos-demo" },
        headers: { origin: server.url },
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __lcp: number };
        w.__lcp = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__lcp = entry.startTime;
        }).observe({ type: "largest-contentful-paint", buffered: true });
      });
      const started = Date.now();
      await page.goto(path, { waitUntil: "commit" });
      await page.waitForSelector(readySelector, { state: "visible" });
      ready.push(Date.now() - started);
      await page.waitForTimeout(300);
      lcp.push(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { lcp: median(lcp), ready: median(ready) };
}
