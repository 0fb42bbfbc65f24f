import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { e2eApp, signedInPage } from "../support/browser.ts";
import { complaint, SITI } from "../support/residents.ts";

/**
 * UU PDP on a phone: the desa's front office corrects a reporter's phone at the resident's request and
 * the earlier number stays in the history; the data protection officer records the request, finds who
 * used the resident's data by NIK, prints the letter for the resident and answers the request.
 */
const app = e2eApp();
const PHONE = { width: 360, height: 640 };

async function fits(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, page.url()).toBeLessThanOrEqual(client);
}

let complaintId = "";
beforeAll(async () => {
  const fo = await signedInPage(app, "fo.kalisapu");
  const made = await fo.request.post("/api/complaints", {
    headers: { origin: app.server.url },
    data: complaint({}, { nik: SITI.nik, name: SITI.name, phone: "081234567890" }),
  });
  expect(made.status()).toBe(201);
  complaintId = ((await made.json()) as { id: string }).id;
  await fo.context().close();
});

describe("a resident's data rights", () => {
  it("records a request, corrects the phone at the desa, reports every access, and answers", async () => {
    const pdp = await signedInPage(app, "pdp", PHONE);
    await pdp.click("text=Menu");
    await pdp.click("nav >> text=Permintaan warga");
    await pdp.selectOption("#request-kind", "koreksi");
    await pdp.fill("#request-nik", SITI.nik);
    await pdp.fill("#request-name", SITI.name);
    await pdp.fill("#request-detail", "Nomor HP lama sudah tidak aktif.");
    await pdp.click("[data-testid=new-request] button[type=submit]");
    await pdp.waitForSelector("text=Permintaan Siti Aminah dicatat");
    // The form is ready for the next request: the day received is today again, not empty.
    expect(await pdp.inputValue("#request-received")).toBe(
      await pdp.evaluate(() =>
        new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date()),
      ),
    );
    await pdp.waitForSelector("[data-testid=request] >> text=Koreksi data");
    await fits(pdp);
    // A request received ten days ago is past its due day: the officer's home page says so.
    const received = await pdp.evaluate(() => {
      const day = new Date(Date.now() - 10 * 86_400_000);
      return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(day);
    });
    const late = await pdp.request.post("/api/privacy/requests", {
      headers: { origin: app.server.url },
      data: {
        id: crypto.randomUUID(),
        kind: "akses",
        nik: SITI.nik,
        name: SITI.name,
        receivedOn: received,
        detail: "Ingin tahu siapa membuka datanya.",
      },
    });
    expect(late.status()).toBe(201);
    await pdp.click("text=Menu");
    await pdp.click("nav >> text=Beranda");
    await expect
      .poll(() => pdp.textContent("[data-testid=home-requests]"))
      .toBe("2 permintaan terbuka, 1 lewat batas. Buka");
    // An access request is answered with the access report, made from the request without typing the NIK.
    await pdp.locator("[data-testid=home-requests]").getByRole("link", { name: "Buka" }).click();
    await pdp.getByRole("link", { name: "Buat laporan akses untuk permintaan ini" }).click();
    await expect.poll(() => pdp.textContent("[data-testid=access-report] h2")).toBe("NIK 3328********0001");
    expect(pdp.url()).not.toContain(SITI.nik);
    await pdp.goto(new URL("/", pdp.url()).href);
    const lateId = ((await late.json()) as { id: string }).id;
    const declined = await pdp.request.post(`/api/privacy/requests/${lateId}/answer`, {
      headers: { origin: app.server.url },
      data: { version: 1, answer: "Dijawab langsung di kantor." },
    });
    expect(declined.status()).toBe(200);

    const fo = await signedInPage(app, "fo.kalisapu", PHONE);
    await fo.goto(`${app.server.url}/pengaduan/${complaintId}`);
    await fo.click("[data-testid=correct] summary");
    await fo.fill("#correct-phone", "081299990000");
    await fo.click("[data-testid=correct] button[type=submit]");
    await fo.waitForSelector("#correct-reason-error");
    await fo.fill("#correct-reason", "Permintaan warga, nomor lama tidak aktif.");
    await fo.click("[data-testid=correct] button[type=submit]");
    const correction = await fo.waitForSelector("[data-testid=correction]");
    expect(await correction.textContent()).toContain("Nomor HP: 081234567890 → 081299990000");
    await fits(fo);
    await fo.context().close();

    await pdp.click("text=Menu");
    await pdp.click("nav >> text=Akses data");
    await pdp.fill("#report-nik", SITI.nik);
    await pdp.click("[data-testid=access-report-form] button[type=submit]");
    const rows = await pdp.waitForSelector("[data-testid=access-entries]");
    // The NIK field is cleared for the next resident, and with it what was read from this NIK.
    expect(await pdp.inputValue("#report-nik")).toBe("");
    expect(await pdp.locator("[data-testid=report-nik-check]").count()).toBe(0);
    const text = (await rows.textContent()) ?? "";
    for (const what of [
      "Mendaftarkan pengaduan",
      "Membuka pengaduan",
      "Mengoreksi data pelapor",
      "Membuat laporan akses",
    ])
      expect(text).toContain(what);
    expect(text).toContain("Siti Rahayu");
    expect(await pdp.textContent("[data-testid=access-report]")).toContain("Koreksi data — Menunggu jawaban");
    // The NIK typed is not kept in the form.
    expect(await pdp.inputValue("#report-nik")).toBe("");
    await fits(pdp);
    await pdp.click("text=Surat untuk warga");
    const letter = await pdp.waitForSelector("[data-testid=access-letter]");
    expect(await letter.textContent()).toContain("LAPORAN AKSES DATA PRIBADI");
    expect(await letter.textContent()).toContain("PEMERINTAH KABUPATEN TEGAL");
    // Addressed to the resident by her request's name; the number and NIP are left for the pen; the
    // officer's own reports are counted, not listed as accesses.
    const letterText = (await letter.textContent()) ?? "";
    expect(letterText).toContain("Kepada Yth.Sdr./Sdri. Siti Aminah (NIK 3328********0001)");
    expect(letterText).toContain("Perihal: Laporan akses data pribadi");
    expect(letterText).toContain("NIP. ....");
    expect(letterText).toContain("Membuka pengaduan");
    expect(letterText).not.toContain("Membuat laporan akses data untuk warga");
    expect(letterText).toMatch(/Laporan akses untuk NIK ini dibuat \d+ kali/);
    await fits(pdp);
    // The phone's Back leads from the letter to the report, not away from both (no NIK in any address).
    await pdp.goBack();
    await pdp.waitForSelector("[data-testid=access-entries]");
    expect(await pdp.textContent("[data-testid=access-count]")).toMatch(
      /^\d+ akses tercatat, dan 2 laporan akses \(termasuk yang ini\) sampai /,
    );
    expect(pdp.url()).not.toContain(SITI.nik);
    await pdp.click("text=Surat untuk warga");
    await pdp.waitForSelector("[data-testid=access-letter]");
    await pdp.click("text=← Laporan");
    await pdp.waitForSelector("[data-testid=access-entries]");

    await pdp.click("text=Menu");
    await pdp.click("nav >> text=Permintaan warga");
    await pdp.click("[data-testid=request-answer] summary");
    await pdp.fill(
      "[data-testid=request-answer] textarea",
      "Nomor HP sudah dikoreksi oleh front office desa.",
    );
    await pdp.click("[data-testid=request-answer] button[type=submit]");
    await pdp.waitForSelector("text=Tidak ada permintaan yang menunggu.");
    await pdp.click("text=Semua");
    await pdp.waitForSelector("[data-testid=request] >> text=Dijawab");
    expect(await pdp.textContent("[data-testid=request]")).toContain("oleh Ratna Sari, S.H.");
    await pdp.context().close();
  });
});
