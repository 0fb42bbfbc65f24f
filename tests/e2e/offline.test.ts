/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalServer } from "@puskesos/functions/local";
import { launchChromium, startE2eServer } from "../support/browser.ts";
import { controlledByServiceWorker, draftSavedSince, offlineDocument } from "../support/offline.ts";
import { BUDI, JOKO, WATI } from "../support/residents.ts";

/**
 * The intake screen without a connection (Chromium's offline emulation): the shell comes from the
 * service worker, a registration waits in the on-device outbox (surviving a closed tab) and is sent
 * once, when the connection returns.
 */
let server: LocalServer;
let browser: Browser;
let context: BrowserContext;
let offline = false;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: server.url });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function page(path: string): Promise<Page> {
  const p = await context.newPage();
  p.on("pageerror", (error) => {
    throw error;
  });
  await p.goto(path);
  if (offline) await offlineDocument(p);
  return p;
}

describe("offline intake", () => {
  it("registers while offline, keeps it through a closed tab, and sends it once when back online", async () => {
    const online = await page("/masuk");
    await online.fill("#username", "fo.kalisapu");
    await online.fill("#password", "puskesos-demo");
    await online.click("button[type=submit]");
    await online.waitForSelector("[data-testid=home-name]");
    await online.goto("/pengaduan/baru");
    await online.waitForSelector("#nik");
    // The service worker has cached the shell and controls the page.
    await controlledByServiceWorker(online);
    await online.close();

    await context.setOffline(true);
    offline = true;
    const first = await page("/pengaduan/baru");
    expect(await first.evaluate(() => navigator.onLine)).toBe(false);
    await first.waitForSelector("#nik");
    await first.fill("#nik", JOKO.nik);
    await first.fill("#name", JOKO.name);
    await first.fill("#rt", "4");
    // The officer moves on from the field, and the tab is closed half-way once the draft has been saved
    // since: what was typed is still there in the next one.
    const typed = await first.evaluate(() => Date.now());
    await first.press("#rt", "Tab");
    await draftSavedSince(first, "fo.kalisapu", typed);
    await first.close();

    const second = await page("/pengaduan/baru");
    await second.waitForSelector("#nik");
    await expect.poll(() => second.inputValue("#name")).toBe(JOKO.name);
    expect(await second.inputValue("#nik")).toBe(JOKO.nik);
    expect(await second.inputValue("#rt")).toBe("4");
    await second.fill("#rw", "2");
    await second.selectOption("#category", "ekonomi");
    await second.fill("#description", "Kehilangan pekerjaan, butuh bantuan modal usaha.");
    await second.check("input[name=consent]");
    await second.click("button[type=submit]");
    await second.waitForSelector("[data-testid=saved-offline]");
    await expect
      .poll(() => second.textContent("[data-testid=outbox-state]"))
      .toBe("Tersimpan di perangkat ini");
    await second.close();

    // Still offline: the queue gives a provisional number, and the outbox still holds the record.
    const queue = await page("/antrian");
    await queue.click("[data-testid=take-ticket]");
    await expect.poll(() => queue.textContent("[data-testid=provisional-number]")).toBe("S-01");
    await queue.goto("/pengaduan/baru");
    await offlineDocument(queue);
    await expect
      .poll(() => queue.textContent("[data-testid=outbox-state]"))
      .toBe("Tersimpan di perangkat ini");

    await context.setOffline(false);
    offline = false;
    await expect
      .poll(() => queue.textContent("[data-testid=outbox-state]"), { timeout: 15_000 })
      .toBe("Diterima server");
    expect(await queue.textContent("[data-testid=outbox]")).toMatch(/kode [A-Z2-9]{4}-[A-Z2-9]{4}/);

    const found = await queue.evaluate(async (nik) => {
      const res = await fetch("/api/complaints/search", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ nik }),
      });
      return ((await res.json()) as { items: unknown[] }).items.length;
    }, JOKO.nik);
    expect(found).toBe(1);
  });

  it("opens a screen from the device's copy while online too, not from the network's answer", async () => {
    const own = await browser.newContext({ baseURL: server.url });
    await own.request.post("/api/auth/login", {
      data: { username: "fo.kalisapu", password: "puskesos-demo" },
      headers: { origin: server.url },
    });
    const first = await own.newPage();
    await first.goto("/pengaduan/baru");
    await first.waitForSelector("#nik");
    await first.evaluate(() => navigator.serviceWorker.ready);
    await first.close();
    // Whatever the network would answer for the screen now, the copy the service worker keeps opens.
    await own.route("**/pengaduan/baru", (route) =>
      route.fulfill({ contentType: "text/html", body: "<h1>Jawaban jaringan</h1>" }),
    );
    const again = await own.newPage();
    await again.goto("/pengaduan/baru");
    await again.waitForSelector("#nik");
    expect(await again.textContent("h1")).toBe("Daftarkan pengaduan");
    await own.close();
  });
});

/** Fills the intake form for a resident and saves it. */
async function register(p: Page, resident: { nik: string; name: string }, description: string) {
  await p.fill("#nik", resident.nik);
  await p.fill("#name", resident.name);
  await p.fill("#rt", "3");
  await p.fill("#rw", "1");
  await p.selectOption("#category", "ekonomi");
  await p.fill("#description", description);
  await p.check("input[name=consent]");
  await p.click("button[type=submit]");
}

describe("over a plain-http LAN address (not a secure context)", () => {
  it("registers a complaint, keeps nothing in clear on the device, and says that drafts last only while the page is open", async () => {
    // A name that is not localhost: Chromium withholds Web Crypto's subtle and randomUUID there.
    const lan = await launchChromium(["--host-resolver-rules=MAP puskesos.lan 127.0.0.1"]);
    try {
      const base = `http://puskesos.lan:${new URL(server.url).port}`;
      const own = await lan.newContext({ baseURL: base });
      const p = await own.newPage();
      p.on("pageerror", (error) => {
        throw error;
      });
      await p.goto("/masuk");
      expect(await p.evaluate(() => window.isSecureContext)).toBe(false);
      await p.fill("#username", "fo.kalisapu");
      await p.fill("#password", "puskesos-demo");
      await p.click("button[type=submit]");
      await p.waitForSelector("[data-testid=home-name]");
      expect(await p.textContent("main")).toContain("Alamat http tidak aman");

      await p.goto("/pengaduan/baru");
      await p.waitForSelector("#nik");
      await register(p, WATI, "Kehilangan pekerjaan, butuh bantuan modal usaha.");
      expect(await (await p.waitForSelector("[data-testid=tracking-code]")).textContent()).toMatch(
        /[A-Z2-9]{4}-[A-Z2-9]{4}/,
      );

      // Offline: the record waits in the page, the officer is told not to close it, then it is sent.
      await p.click("text=Daftarkan pengaduan berikutnya");
      await p.waitForSelector("#nik");
      await own.setOffline(true);
      await register(p, BUDI, "Rumah rusak setelah banjir.");
      expect(await (await p.waitForSelector("[data-testid=saved-offline]")).textContent()).toContain(
        "Jangan tutup halaman ini",
      );
      await expect
        .poll(() => p.textContent("[data-testid=outbox-state]"))
        .toBe("Tersimpan selama halaman ini terbuka");
      const kept = await p.evaluate(async () => {
        const names = (await indexedDB.databases()).map((d) => d.name);
        return names.filter((name) => name?.startsWith("puskesos."));
      });
      expect(kept).toEqual([]);
      await own.setOffline(false);
      await expect
        .poll(() => p.textContent("[data-testid=outbox-state]"), { timeout: 15_000 })
        .toBe("Diterima server");
      await own.close();
    } finally {
      await lan.close();
    }
  });
});
