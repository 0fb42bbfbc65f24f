import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { e2eApp, signedInPage } from "../support/browser.ts";
import { complaint, person, referral, SITI, WATI } from "../support/residents.ts";

/**
 * The complaint list of every scope in Chromium: the manajer narrows the kabupaten's month by
 * kecamatan and one filter and downloads it (NIK masked, then in full); the kepala desa reads its
 * desa's list on a phone; a supervisor sees only its kecamatan.
 */
const app = e2eApp();
/** A fictitious resident of Pagiyanten (Kec. Adiwerna) with a valid NIK. */
const SARI = { nik: "3328114107850008", name: "Sari Wulandari" };
/** Enough more of Kalisapu's that the kabupaten's month takes two pages of 25. */
const MORE = 24;
let wati: { id: string };

beforeAll(async () => {
  const post = async (page: Page, path: string, data: unknown) => {
    const res = await page.request.post(path, { headers: { origin: app.server.url }, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  };
  const fo = await signedInPage(app, "fo.kalisapu");
  const siti = await post(
    fo,
    "/api/complaints",
    complaint({ category: "kesehatan" }, { nik: SITI.nik, name: SITI.name }),
  );
  wati = await post(
    fo,
    "/api/complaints",
    complaint({ category: "pendidikan" }, { nik: WATI.nik, name: WATI.name }),
  );
  for (let n = 1; n <= MORE; n++) await post(fo, "/api/complaints", complaint({}, person(n)));
  const bo = await signedInPage(app, "bo.kalisapu");
  await post(bo, `/api/complaints/${siti.id}/resolve`, {
    version: siti.version,
    answer: "Dibantu dana desa untuk berobat.",
  });
  await post(bo, "/api/referrals", referral(wati.id));
  const other = await signedInPage(app, "fo.pagiyanten");
  await post(other, "/api/complaints", complaint({ category: "bansos" }, SARI));
  for (const page of [fo, bo, other]) await page.context().close();
});

const table = (page: Page) => page.locator("[data-testid=complaint-table]");
const rows = (page: Page) => table(page).locator("tbody tr").allTextContents();

/** The rows of a downloaded XLSX, by header: [{ "Nama pelapor": ..., NIK: ... }]. */
async function workbookRows(page: Page, fullNik: boolean) {
  const box = page.getByLabel("Sertakan NIK lengkap (dicatat di log audit)");
  if (fullNik) await box.check();
  else await box.uncheck();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Unduh XLSX" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^pengaduan-33\.28\.10-\d{4}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet("Pengaduan")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return out;
}

describe("the complaint list of every scope in Chromium", () => {
  it("lets the manajer narrow the kabupaten's month and download it, NIK masked or in full", async () => {
    const page = await signedInPage(app, "manajer");
    await page.setViewportSize({ width: 1366, height: 768 });
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Pengaduan" })
      .click();
    // This month, the whole kabupaten, 25 a page: Pagiyanten's and Kalisapu's, the desa named.
    await expect.poll(async () => (await rows(page)).length).toBe(25);
    // The rows show a desa's code until the region names have loaded (CI once read them before).
    await expect.poll(async () => (await rows(page)).join("\n")).toContain("Pagiyanten");
    const first = (await rows(page)).join("\n");
    expect(first).toContain(SARI.name);
    expect(first).toContain("Kalisapu");
    expect(await page.getByLabel("Bulan").inputValue()).toMatch(/^\d{4}-\d{2}$/);
    await page.getByRole("button", { name: "Muat lebih banyak" }).click();
    await expect.poll(async () => (await rows(page)).length).toBe(MORE + 3);
    expect((await rows(page)).join("\n")).toContain(SITI.name);
    expect(await page.getByRole("button", { name: "Muat lebih banyak" }).count()).toBe(0);

    // Kecamatan Slawi: Kalisapu's only.
    await page.getByLabel("Kecamatan").selectOption("33.28.10");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect.poll(async () => (await rows(page)).join("\n")).not.toContain(SARI.name);
    expect((await rows(page)).join("\n")).toContain(WATI.name);
    expect(
      await page.getByLabel("Desa/kelurahan", { exact: true }).locator("option").allTextContents(),
    ).toContain("Kalisapu");

    // One filter: the state Selesai.
    await page.getByLabel("Saring menurut").selectOption({ label: "Status" });
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Selesai" });
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect.poll(async () => (await rows(page)).length).toBe(1);
    expect((await rows(page))[0]).toContain(SITI.name);
    expect((await rows(page))[0]).toContain("3328********0001");

    // The file of the same list: masked, then (audited) in full.
    const masked = await workbookRows(page, false);
    expect(masked.map((r) => [r["Nama pelapor"], r.NIK, r.Status])).toEqual([
      [SITI.name, "3328********0001", "Selesai"],
    ]);
    const full = await workbookRows(page, true);
    expect(full.map((r) => [r["Nama pelapor"], r.NIK])).toEqual([[SITI.name, SITI.nik]]);

    // Overdue ignores the month and says so; no month at all is the server's 422, beside the filters.
    await page.getByLabel("Saring menurut").selectOption({ label: "Lewat batas waktu" });
    expect(await page.textContent("main")).toContain("Bulan diabaikan");
    expect(await page.getByLabel("Bulan").isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect.poll(() => table(page).textContent()).toContain("Tidak ada pengaduan.");
    await page.getByLabel("Saring menurut").selectOption({ label: "Semua" });
    await page.getByLabel("Bulan").fill("");
    await page.getByRole("button", { name: "Tampilkan" }).click();
    await expect.poll(() => page.locator(".alert.error").textContent()).toContain("Bulan wajib dipilih.");
    await page.context().close();
  });

  it("shows the kepala desa its desa's complaints on a phone, read-only", async () => {
    const page = await signedInPage(app, "kades.kalisapu");
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto("/pengaduan");
    await expect.poll(async () => (await rows(page)).length).toBe(25);
    await page.getByRole("button", { name: "Muat lebih banyak" }).click();
    await expect.poll(async () => (await rows(page)).length).toBe(MORE + 2);
    const text = (await rows(page)).join("\n");
    expect(text).toContain(SITI.name);
    expect(text).not.toContain(SARI.name);
    // No pickers of a wider area, nothing to register, no action on the list, no full NIK.
    expect(await page.getByLabel("Kecamatan").count()).toBe(0);
    expect(await page.locator("#browse-desa").count()).toBe(0);
    expect(await page.getByText("Daftarkan pengaduan").count()).toBe(0);
    expect(await table(page).locator("button").count()).toBe(0);
    expect(await page.getByText("Sertakan NIK lengkap").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Unduh CSV" }).isVisible()).toBe(true);
    // Each row a card on the phone: nothing wider than the screen.
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    // A referred complaint: no link to a referral page the kepala desa may not open.
    await page.goto(`/pengaduan/${wati.id}`);
    await expect.poll(() => page.textContent("main")).toContain(WATI.name);
    expect(await page.locator("[data-testid=referral-link]").count()).toBe(0);
    // It may not propose the household: told who can.
    expect(await page.textContent("main")).toContain(
      "belum diusulkan (diusulkan oleh front office atau koordinator desa)",
    );
    await page.context().close();
  });

  it("keeps a supervisor to its kecamatan", async () => {
    const page = await signedInPage(app, "spv.adiwerna");
    await page.goto("/pengaduan");
    await expect.poll(async () => (await rows(page)).join("\n")).toContain(SARI.name);
    expect((await rows(page)).join("\n")).not.toContain(SITI.name);
    expect(await page.getByLabel("Kecamatan").count()).toBe(0);
    // Adiwerna has desa only: the field says so (Slawi's, with kelurahan, says "Desa/kelurahan").
    expect(await page.getByLabel("Desa", { exact: true }).locator("option").allTextContents()).toContain(
      "Pagiyanten",
    );
    await page.context().close();
  });
});
