/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { answer, e2eApp, newPage as openPage } from "../support/browser.ts";
import { BUDI, JOKO, SITI, WATI } from "../support/residents.ts";
import { draftSavedSince } from "../support/offline.ts";

/**
 * One office laptop, several officers (DESIGN §6): drafts and the outbox belong to the signed-in user,
 * the consent tick is never carried over, sign-out clears what it can and warns about what it cannot,
 * and the intake page follows a record the outbox sends later.
 */
const app = e2eApp();
const newPage = () => openPage(app);

const CONSENT = /Warga telah diberi tahu dan menyetujui/;
/** A connection that fails for registrations only: the rest of the app works, the outbox keeps its records. */
const REGISTRATIONS = "**/api/complaints";

async function signIn(page: Page, username: string) {
  await page.goto("/masuk");
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill("puskesos-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForSelector("[data-testid=home-name]");
}

/** Signs out; `asked`: the app asks first (something unsent or half typed) and the officer says yes. */
async function signOut(page: Page, asked = false) {
  await page.getByRole("button", { name: "Keluar" }).click();
  if (asked) await answer(page, true);
  await page.waitForURL("**/masuk");
}

const nik = (page: Page) => page.getByLabel("NIK", { exact: true });

/** Takes a queue ticket, calls it and opens its registration form, as the front office does. */
async function formForNextTicket(page: Page) {
  await page.click("nav >> text=Antrian");
  await page.getByRole("button", { name: "Ambil nomor antrian" }).click();
  const number = Number(await page.textContent("[data-testid=ticket-number]"));
  const row = page.locator(`[data-testid=ticket-row-${number}]`);
  await row.getByRole("button", { name: "Panggil" }).click();
  await row.getByRole("link", { name: "Daftarkan pengaduan" }).click();
  await nik(page).waitFor();
  // Whatever the form restores on its own, it has restored by now.
  await page.waitForTimeout(500);
}

async function fillComplaint(page: Page, resident: { nik: string; name: string }) {
  await nik(page).fill(resident.nik);
  await page.getByLabel("Nama pelapor").fill(resident.name);
  await page.getByLabel("RT", { exact: true }).fill("3");
  await page.getByLabel("RW", { exact: true }).fill("1");
  await page.getByLabel("Kategori").selectOption("ekonomi");
  await page.getByLabel("Uraian pengaduan").fill("Kehilangan pekerjaan, butuh bantuan modal usaha.");
  await page.getByLabel(CONSENT).check();
}

/** Everything the browser profile keeps for the site: localStorage and every IndexedDB value. */
const deviceContents = (page: Page) =>
  page.evaluate(async () => {
    const kept: unknown[] = [Object.entries(localStorage)];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const request = db.transaction(store).objectStore(store).getAll();
        kept.push(await new Promise((resolve) => (request.onsuccess = () => resolve(request.result))));
      }
      db.close();
    }
    return JSON.stringify(kept, (_key, value: unknown) =>
      ArrayBuffer.isView(value) || value instanceof ArrayBuffer ? "[bytes]" : value,
    );
  });

/** How many complaints of this NIK the signed-in user's desa holds. */
const complaintsOf = (page: Page, residentNik: string) =>
  page.evaluate(async (value) => {
    const res = await fetch("/api/complaints/search", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ nik: value }),
    });
    return ((await res.json()) as { items: unknown[] }).items.length;
  }, residentNik);

/** The connection is back: the outbox tries at once (as it does on the browser's `online` event). */
const backOnline = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event("online")));

describe("a shared office laptop", () => {
  it("starts the next resident's and the next user's registration empty, without the consent tick", async () => {
    const page = await newPage();
    await signIn(page, "fo.kalisapu");
    await formForNextTicket(page);
    await nik(page).fill(SITI.nik);
    await page.getByLabel("Nama pelapor").fill(SITI.name);
    await page.getByLabel(CONSENT).check();

    // The resident leaves without saving; the officer calls the next one.
    await formForNextTicket(page);
    expect(await nik(page).inputValue()).toBe("");
    expect(await page.getByLabel("Nama pelapor").inputValue()).toBe("");
    expect(await page.getByLabel(CONSENT).isChecked()).toBe(false);

    // The next officer on the same browser (the first resident's draft goes at sign-out, as asked).
    await signOut(page, true);
    await signIn(page, "koord.kalisapu");
    await page.goto("/pengaduan/baru");
    await nik(page).waitFor();
    await page.waitForTimeout(500);
    expect(await nik(page).inputValue()).toBe("");
    expect(await page.getByLabel(CONSENT).isChecked()).toBe(false);
    expect(await page.textContent("main")).not.toContain(SITI.name);
    expect(await page.getByRole("button", { name: "Lanjutkan draf" }).count()).toBe(0);
    await page.context().close();
  });

  it("lets the same user continue their own draft, saying whose and when, never with the consent or legal basis", async () => {
    const page = await newPage();
    await signIn(page, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    await nik(page).fill(SITI.nik);
    await page.getByLabel("Nama pelapor").fill(SITI.name);
    await page.getByLabel("Uraian pengaduan").fill("Butuh bantuan biaya sekolah anak.");
    await page.getByLabel("Pemenuhan kewajiban hukum").check();
    await page.getByLabel(CONSENT).check();
    // The draft is on the device, sealed: nothing of the resident reads in clear (consent and legal
    // basis are not in it at all: see below, they do not come back).
    await expect.poll(() => deviceContents(page)).toContain('"open":true');
    const device = await deviceContents(page);
    for (const text of [SITI.nik, SITI.name, "biaya sekolah"]) expect(device).not.toContain(text);

    await page.click("nav >> text=Antrian");
    // Leaving the form marks its draft closed, in a write of its own: the page is not reloaded over it
    // (a reload mid-write left the draft "interrupted", and it came back filled in, on a loaded machine).
    await expect.poll(() => deviceContents(page)).toContain('"open":false');
    await page.goto("/pengaduan/baru");
    await nik(page).waitFor();
    await expect
      .poll(() => page.textContent("main"))
      .toMatch(/Draf belum tersimpan: Siti Aminah, \d{2}\.\d{2}/);
    expect(await nik(page).inputValue()).toBe("");

    await page.getByRole("button", { name: "Lanjutkan draf" }).click();
    await expect.poll(() => nik(page).inputValue()).toBe(SITI.nik);
    expect(await page.getByLabel("Nama pelapor").inputValue()).toBe(SITI.name);
    expect(await page.getByLabel("Uraian pengaduan").inputValue()).toBe("Butuh bantuan biaya sekolah anak.");
    expect(await page.getByLabel(CONSENT).isChecked()).toBe(false);
    expect(await page.getByLabel("Pemenuhan kewajiban hukum").isChecked()).toBe(false);
    expect(await page.getByLabel("Persetujuan warga (subjek data)").isChecked()).toBe(true);
    await page.context().close();
  });

  it("seals a draft an earlier version kept in clear, and still offers it", async () => {
    const page = await newPage();
    await signIn(page, "fo.kalisapu");
    await page.evaluate((name) => {
      const values = { name: [name], description: ["Atap rumah roboh."] };
      const draft = { values, savedAt: new Date().toISOString(), ticket: "", open: false };
      localStorage.setItem("puskesos.draft:fo.kalisapu:complaint", JSON.stringify(draft));
    }, BUDI.name);
    await page.goto("/pengaduan/baru");
    await expect.poll(() => page.textContent("main")).toContain(`Draf belum tersimpan: ${BUDI.name}`);
    const device = await deviceContents(page);
    expect(device).not.toContain(BUDI.name);
    expect(device).not.toContain("Atap rumah");
    await page.getByRole("button", { name: "Lanjutkan draf" }).click();
    await expect.poll(() => page.getByLabel("Nama pelapor").inputValue()).toBe(BUDI.name);
    await page.context().close();
  });

  it("warns before signing out with unsent records, keeps them from the next user, and sends them when their officer returns", async () => {
    const page = await newPage();
    const context = page.context();
    await context.route(REGISTRATIONS, (route) => route.abort("internetdisconnected"));
    await signIn(page, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    await fillComplaint(page, JOKO);
    await page.getByRole("button", { name: "Simpan pengaduan" }).click();
    await expect
      .poll(() => page.textContent("[data-testid=outbox-state]"))
      .toBe("Tersimpan di perangkat ini");
    // The next resident's registration, half typed (and kept on the device, which the question names).
    await page.goto("/pengaduan/baru");
    const since = Date.now();
    await nik(page).fill(BUDI.nik);
    await page.getByLabel("Nama pelapor").fill(BUDI.name);
    await draftSavedSince(page, "fo.kalisapu", since);

    await page.getByRole("button", { name: "Keluar" }).click();
    const question = await answer(page, false);
    expect(question).toMatch(/^Ada 1 catatan yang belum terkirim[^]*Tetap keluar\?$/);
    // The half-typed registration is deleted at sign-out: the question says so.
    expect(question).toContain("Draf pengaduan yang belum disimpan di formulir akan dihapus.");
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/\/pengaduan\/baru$/);

    await signOut(page, true);
    // Nothing on the device reads as the residents or the officer: no draft, no cached user, the unsent record sealed.
    const device = await deviceContents(page);
    for (const text of [JOKO.nik, JOKO.name, BUDI.nik, BUDI.name, "Siti Rahayu"])
      expect(device).not.toContain(text);

    // Another officer on the same browser neither sees nor sends it, even with the connection back.
    await context.unroute(REGISTRATIONS);
    // Nothing of theirs is asked about at their sign-outs below: a question would hold signOut on the page.
    await signIn(page, "koord.kalisapu");
    await page.goto("/pengaduan/baru");
    await nik(page).waitFor();
    await backOnline(page);
    await page.waitForTimeout(1500);
    expect(await page.locator("[data-testid=outbox]").count()).toBe(0);
    expect(await page.textContent("main")).not.toContain(JOKO.name);
    expect(await complaintsOf(page, JOKO.nik)).toBe(0);
    await signOut(page);

    // Its own officer signs in again: it is sent.
    await signIn(page, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    await expect
      .poll(() => page.textContent("[data-testid=outbox-state]"), { timeout: 15_000 })
      .toBe("Diterima server");
    expect(await complaintsOf(page, JOKO.nik)).toBe(1);
    // Nothing unsent now: signing out asks nothing, and the received record is not kept past it.
    await signOut(page);
    await signIn(page, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    await nik(page).waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator("[data-testid=outbox]").count()).toBe(0);
    await context.close();
  });

  it("follows a record on the intake page from saved to received or refused, and prints its receipt from the outbox", async () => {
    const page = await newPage();
    const context = page.context();
    await context.route(REGISTRATIONS, (route) => route.abort("internetdisconnected"));
    await signIn(page, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    await fillComplaint(page, WATI);
    await page.getByRole("button", { name: "Simpan pengaduan" }).click();
    await page.getByRole("heading", { name: "Tersimpan di perangkat ini" }).waitFor();

    await context.unroute(REGISTRATIONS);
    await backOnline(page);
    await page.getByRole("heading", { name: "Diterima server" }).waitFor({ timeout: 15_000 });
    const code = (await page.getByTestId("tracking-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await page.getByRole("heading", { name: "Tersimpan di perangkat ini" }).count()).toBe(0);

    // The next registration: a NIK whose kecamatan code is unknown, refused by the server with its reason.
    await context.route(REGISTRATIONS, (route) => route.abort("internetdisconnected"));
    await page.getByRole("link", { name: "Daftarkan pengaduan berikutnya" }).click();
    await nik(page).waitFor();
    await fillComplaint(page, { nik: "3328990101700004", name: "Rudi Hartono" });
    await page.getByRole("button", { name: "Simpan pengaduan" }).click();
    await page.getByRole("heading", { name: "Tersimpan di perangkat ini" }).waitFor();
    await context.unroute(REGISTRATIONS);
    await backOnline(page);
    await page.getByRole("heading", { name: "Ditolak server" }).waitFor({ timeout: 15_000 });
    expect(await page.textContent("main")).toContain("kode kecamatan 33.28.99 tidak dikenal");

    // Later, from the outbox: the received record's receipt, printed.
    await page.goto("/pengaduan/baru");
    const received = page.getByTestId("outbox").getByRole("listitem").filter({ hasText: WATI.name });
    await received.getByRole("button", { name: "Tanda terima" }).click();
    expect((await received.getByTestId("tracking-code").textContent())!.trim()).toBe(code);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await received.getByRole("button", { name: "Cetak tanda terima" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await context.close();
  });

  it("asks before signing out over a half-typed registration, which sign-out deletes", async () => {
    const page = await newPage();
    await signIn(page, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    const since = Date.now();
    await nik(page).fill(SITI.nik);
    await page.getByLabel("Nama pelapor").fill(SITI.name);
    // Kept on the device a moment after the typing: the question is about a draft that is there (a fixed
    // half second was not always enough on a busy machine).
    await draftSavedSince(page, "fo.kalisapu", since);
    await page.getByRole("button", { name: "Keluar" }).click();
    expect(await answer(page, false)).toBe(
      "Draf pengaduan yang belum disimpan di formulir akan dihapus. Tetap keluar?",
    );
    expect(page.url()).toMatch(/\/pengaduan\/baru$/);
    await signOut(page, true);
    await page.context().close();
  });

  it("sends a record at once when the connection returns during a try that is still failing", async () => {
    const page = await newPage();
    const context = page.context();
    // Saved without a connection; then a try on a weak link hangs and fails; the next goes through.
    let tries = 0;
    let release!: () => void;
    const hanging = new Promise<void>((resolve) => (release = resolve));
    await context.route(REGISTRATIONS, async (route) => {
      tries++;
      if (tries === 1) return route.abort("internetdisconnected");
      if (tries > 2) return route.continue();
      await hanging;
      await route.abort("internetdisconnected");
    });
    await signIn(page, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    await fillComplaint(page, SITI);
    await page.getByRole("button", { name: "Simpan pengaduan" }).click();
    await page.getByRole("heading", { name: "Tersimpan di perangkat ini" }).waitFor();
    await backOnline(page);
    await expect.poll(() => tries).toBe(2);
    // The connection comes back again while that try is under way, and only then does the try fail.
    await backOnline(page);
    release();
    // Sent in the same round, not at the next half-minute retry.
    await page.getByRole("heading", { name: "Diterima server" }).waitFor({ timeout: 10_000 });
    expect(tries).toBe(3);
    await page.context().close();
  });

  it("after a saved registration, leads back to the queue for a ticket's resident, else to the next form", async () => {
    const page = await newPage();
    await signIn(page, "fo.kalisapu");
    await formForNextTicket(page);
    await fillComplaint(page, SITI);
    await page.getByRole("button", { name: "Simpan pengaduan" }).click();
    await page.getByRole("heading", { name: "Pengaduan tercatat" }).waitFor();
    // The result replaces the form on the same address: the focus goes to it, not to the page's body.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Pengaduan tercatat");
    // The next resident holds a number: the queue calls them, not a blank form.
    expect(await page.getByRole("link", { name: "Daftarkan pengaduan berikutnya" }).count()).toBe(0);
    await page.getByRole("link", { name: "← Kembali ke antrian" }).click();
    await page.waitForURL("**/antrian");

    // Opened from the menu, without a ticket: the next form, or home; the queue is not where it came from.
    await page.goto("/pengaduan/baru");
    await fillComplaint(page, BUDI);
    await page.getByRole("button", { name: "Simpan pengaduan" }).click();
    await page.getByRole("heading", { name: "Pengaduan tercatat" }).waitFor();
    expect(await page.getByRole("link", { name: "← Kembali ke antrian" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "← Beranda" }).count()).toBe(1);
    await page.getByRole("link", { name: "Daftarkan pengaduan berikutnya" }).click();
    await nik(page).waitFor();
    expect(await nik(page).inputValue()).toBe("");
    await page.context().close();
  });

  it("counts the description's characters and stops at the limit", async () => {
    const page = await newPage();
    await signIn(page, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    const description = page.getByLabel("Uraian pengaduan");
    await description.waitFor();
    expect(await page.getByText("0/2000", { exact: true }).count()).toBe(1);
    await description.fill("Butuh bantuan");
    await expect.poll(() => page.getByText("13/2000", { exact: true }).count()).toBe(1);
    await description.fill("x".repeat(2100));
    expect((await description.inputValue()).length).toBe(2000);
    await expect.poll(() => page.getByText("2000/2000", { exact: true }).count()).toBe(1);
    await page.context().close();
  });
});
