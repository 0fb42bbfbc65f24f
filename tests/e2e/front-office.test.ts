import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { answer, e2eApp, signedInPage as signIn } from "../support/browser.ts";
import { dpmCsv, SITI, WATI } from "../support/residents.ts";

const app = e2eApp();
const signedInPage = (username: string) => signIn(app, username);

async function register(page: Page, resident: { nik: string; name: string }) {
  await page.click("nav >> text=Antrian");
  await page.click("[data-testid=take-ticket]");
  const number = Number(await page.textContent("[data-testid=ticket-number]"));
  // Said by the page's live region, there before the number (one drawn with its text is not read).
  expect(await page.textContent("[data-testid=ticket-spoken]")).toBe(
    `Nomor antrian ${String(number).padStart(3, "0")}`,
  );
  const row = page.locator(`[data-testid=ticket-row-${number}]`);
  await row.locator("text=Panggil").click();
  await row.locator("text=Daftarkan pengaduan").click();
  await page.waitForSelector("#nik");
  // A NIK the field refuses is not looked up: the check says what to do, and asks the server nothing.
  let asked = 0;
  page.on("request", (r) => void (r.url().includes("/api/dpm") && asked++));
  await page.fill("#nik", resident.nik.slice(0, 15));
  await page.click("[data-testid=check-dpm]");
  await expect.poll(() => page.textContent("[data-testid=dpm-result]")).toBe("Perbaiki NIK di atas dulu.");
  expect(asked).toBe(0);
  await page.fill("#nik", resident.nik);
  await page.click("[data-testid=check-dpm]");
  const dpm = (await page.waitForSelector("[data-testid=dpm-result]")).textContent();
  // Found in the DPM: the empty name field takes the DPM's spelling.
  const filled = await page.inputValue("#name");
  await page.fill("#name", resident.name);
  await page.fill("#rt", "3");
  await page.fill("#rw", "1");
  await page.selectOption("#category", "kesehatan");
  await page.fill("#description", "Ibu sakit dan belum punya kartu BPJS <img src=x onerror=alert(1)>");
  await page.click("summary:has-text('Kemiskinan')");
  await page.check("input[value=fakir-miskin]");
  await page.check("input[name=consent]");
  await page.click("button[type=submit]");
  const code = (await page.waitForSelector("[data-testid=tracking-code]")).textContent();
  return { number, dpm: await dpm, filled, code: (await code)!.trim() };
}

describe("front office in Chromium", () => {
  it("admin imports a desa's DPM from a CSV file and sees the bad rows", async () => {
    const admin = await signedInPage("admin");
    await admin.click("nav >> text=DPM");
    await admin.selectOption("[data-testid=dpm-desa]", "33.28.10.2001");
    const csv = `${dpmCsv([SITI])}\n3328101705880000,Salah Urut,Kalisapu,1`;
    await admin.setInputFiles("[data-testid=dpm-file]", {
      name: "dpm.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await admin.click("button:has-text('Impor')");
    await expect
      .poll(() => admin.textContent("[data-testid=dpm-result]"))
      .toBe("1 baris diimpor, 1 baris ditolak.");
    expect(await admin.textContent("table")).toContain("NIK: nomor urut 0000 tidak valid.");
    await admin.context().close();
  });

  it("registers a resident found in the DPM from queue to receipt, and the public page shows the state", async () => {
    const page = await signedInPage("fo.kalisapu");
    const { dpm, filled, code } = await register(page, SITI);
    expect(dpm).toBe("Ada di DPM: Siti Aminah, desil 2");
    expect(filled).toBe("Siti Aminah");
    expect(await page.textContent(".alert.success")).toContain("Pengaduan diteruskan ke back office.");
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // The receipt leads to the record it made (checked below against the record found by search).
    const opened = await page.getByRole("link", { name: "Buka pengaduan ini" }).getAttribute("href");

    // The record opens with the NIK masked; script text stays text.
    await page.click("nav >> text=Pengaduan");
    await page.fill("input[name=nik]", SITI.nik);
    await page.click("button:has-text('Cari')");
    await page.click(`[data-testid=complaint-search-table] >> text=${SITI.name}`);
    await expect.poll(() => page.textContent("[data-testid=complaint-nik]")).toBe("3328********0001");
    expect(await page.textContent("[data-testid=complaint-description]")).toContain(
      "<img src=x onerror=alert(1)>",
    );
    expect(await page.locator("[data-testid=complaint-description] img").count()).toBe(0);
    // Registered by herself: she reads her name, not her sign-in name.
    await expect
      .poll(() => page.textContent("[data-testid=complaint-registered]"))
      .toContain("oleh Siti Rahayu");
    await page.click("button:has-text('Tampilkan')");
    expect(await answer(page, true)).toBe("Tampilkan NIK lengkap? Tindakan ini dicatat di log audit.");
    await expect.poll(() => page.textContent("[data-testid=complaint-nik]")).toBe(SITI.nik);
    const id = page.url().split("/").pop()!;
    expect(opened).toBe(`/pengaduan/${id}`);

    const resident = await app.browser.newPage({ baseURL: app.server.url });
    await resident.goto("/status");
    await resident.fill("#code", code);
    await resident.fill("#nikLast4", SITI.nik.slice(-4));
    await resident.click("button[type=submit]");
    await expect
      .poll(() => resident.textContent("[data-testid=public-state]"))
      .toBe("Sedang diperiksa petugas Puskesos");
    expect(await resident.textContent("main")).not.toContain("Siti");
    await resident.close();

    // Another desa's officer cannot open it.
    const other = await signedInPage("fo.pagiyanten");
    await other.goto(`/pengaduan/${id}`);
    await expect.poll(() => other.textContent(".alert")).toBe("Pengaduan tidak ditemukan.");
    // Trying again cannot help a refusal. The way out is a link into the app, not "back": opened straight
    // from a link, there is no page of the app to go back to.
    expect(await other.getByRole("button", { name: "Coba lagi" }).count()).toBe(0);
    await other.getByRole("main").getByRole("link", { name: "← Beranda" }).click();
    await other.waitForURL((url) => url.pathname === "/");
    await other.context().close();
    await page.context().close();
  });

  it("records the household of a resident not in the DPM as a proposal the survey team sees", async () => {
    const page = await signedInPage("fo.kalisapu");
    const { dpm } = await register(page, WATI);
    expect(dpm).toBe("Tidak ada di DPM: setelah disimpan, catat profil rumah tangga untuk diusulkan.");
    await page.fill("#member-0-nik", WATI.nik);
    await page.fill("#member-0-name", WATI.name);
    await page.click("button:has-text('Tambah anggota')");
    await page.fill("#member-1-nik", "3328101001150005");
    await page.fill("#member-1-name", "Ahmad Kecil");
    await page.selectOption("#member-0-relationship", "kepala-keluarga");
    await page.selectOption("#member-1-relationship", "anak");
    await page.selectOption("#houseCondition", "tidak-layak");
    await page.selectOption("#incomeSource", "buruh-harian");
    await page.click("button:has-text('Kirim usulan')");
    await expect.poll(() => page.textContent("[data-testid=proposal-done]")).toContain("2 anggota");

    const survei = await signedInPage("survei");
    await survei.click("nav >> text=Usulan");
    await survei.selectOption("[data-testid=proposal-kecamatan]", "33.28.10");
    await expect
      .poll(() => survei.textContent("[data-testid=proposal-table]"))
      .toContain("Wati Lestari (3328********0003)");
    expect(await survei.textContent("[data-testid=proposal-table]")).toContain("Tidak layak huni");
    await survei.context().close();
    await page.context().close();
  });
  it("fills the name from the DPM only where none was typed, and takes it back when another NIK is checked", async () => {
    const page = await signedInPage("fo.kalisapu");
    await page.goto("/pengaduan/baru");
    const check = async (nik: string) => {
      await page.fill("#nik", nik);
      await page.click("[data-testid=check-dpm]");
      await expect.poll(() => page.textContent("[data-testid=dpm-result]")).toMatch(/DPM/);
      return page.inputValue("#name");
    };
    expect(await check(SITI.nik)).toBe(SITI.name);
    // Another NIK, not in the DPM: the name the last check filled is not this person's.
    expect(await check(WATI.nik)).toBe("");
    await page.fill("#name", "Wati Lestari");
    // A name the officer typed is hers to change.
    expect(await check(SITI.nik)).toBe("Wati Lestari");
    await page.context().close();
  });
});
