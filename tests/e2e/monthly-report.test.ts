import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dayIn } from "@puskesos/core/time/calendar";
import { answer, e2eApp, signedInPage } from "../support/browser.ts";
import { referralAt } from "../support/journey.ts";
import { complaint, person, WATI } from "../support/residents.ts";

/**
 * The monthly Puskesos report and the dashboard, in Chromium by the labels officers read: the
 * koordinator of Kalisapu reads the month's figures on a phone and sends them to the SLRT, the
 * manajer sees on a laptop which desa sent and drills down to Kalisapu, the downloaded XLSX says what
 * the screen says, and a correction becomes version 2.
 */
const app = e2eApp();
const KALISAPU = "33.28.10.2001";
const SLAWI = "33.28.10";
const PHONE = { width: 360, height: 640 };
const LAPTOP = { width: 1366, height: 768 };

const headers = () => ({ origin: app.server.url });

/** A registered complaint of Kalisapu, its id and version at the back office. */
async function registered(fo: Page, reporter: { nik: string; name: string }, over = {}) {
  const res = await fo.request.post("/api/complaints", {
    headers: headers(),
    data: complaint(over, reporter),
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

/** A table's rows as [first cell, other cells], the way they read on screen. */
const rowsOf = (page: Page, testid: string) =>
  page
    .locator(`[data-testid=${testid}] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children).map((cell) => cell.textContent?.trim() ?? "")),
    );

const noSideScroll = async (page: Page) => {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(client!);
};

describe("the monthly report and the dashboard", () => {
  it(
    "lets the koordinator send the month's figures, the manajer see who sent, and a correction follow",
    { timeout: 180_000 },
    async () => {
      const started = Date.now();
      const month = dayIn("Asia/Jakarta").slice(0, 7);
      // This month in Kalisapu: one complaint referred and approved (Dinas Kesehatan, KIS PBI), one
      // resolved in the desa with its service field, one resident served at the queue.
      await referralAt(app, "approved");
      const fo = await signedInPage(app, "fo.kalisapu");
      expect((await fo.request.post("/api/queue", { headers: headers() })).ok()).toBe(true);
      const handled = await registered(fo, WATI, { category: "ekonomi", ppks: ["fakir-miskin"] });
      const bo = await signedInPage(app, "bo.kalisapu");
      const view = await (await bo.request.get(`/api/complaints/${handled.id}`)).json();
      const resolved = await bo.request.post(`/api/complaints/${handled.id}/resolve`, {
        headers: headers(),
        data: { version: view.version, answer: "Dibantu sembako desa.", serviceField: "perlindungan" },
      });
      expect(resolved.status()).toBe(200);
      await bo.context().close();
      const seeded = Date.now();

      // 1. The koordinator, on a phone: the month's figures, then "Kirim ke SLRT".
      const koord = await signedInPage(app, "koord.kalisapu");
      // Sending a month that is still running asks first; the koordinator says yes.
      const asked: string[] = [];
      await koord.setViewportSize(PHONE);
      await koord.getByRole("button", { name: "Menu" }).click();
      await koord.getByRole("link", { name: "Laporan", exact: true }).click();
      await expect.poll(() => koord.textContent("[data-testid=report-state]")).toBe("Belum dikirim");
      expect(await koord.textContent("[data-testid=report-head]")).toContain(
        "Kalisapu, Kec. Slawi, Kabupaten Tegal",
      );
      // A running month can still grow, and says so.
      expect(await koord.textContent("[data-testid=report-running]")).toContain("belum berakhir");
      const summary = new Map((await rowsOf(koord, "fig-ringkasan")).map(([k, v]) => [k!, v!]));
      expect(summary.get("Pengaduan tercatat")).toBe("2");
      expect(summary.get("Warga dilayani (nomor antrian)")).toBe("1");
      expect(summary.get("Diselesaikan di desa")).toBe("1");
      expect(summary.get("Dirujuk")).toBe("1");
      expect(summary.get("Selesai")).toBe("1");
      expect(summary.get("Masih terbuka")).toBe("1");
      expect(await rowsOf(koord, "fig-opd")).toEqual([["Dinas Kesehatan", "1", "1", "0", "0", "0", "0"]]);
      expect(await rowsOf(koord, "fig-fields")).toContainEqual(["Perlindungan sosial", "1", "0"]);
      expect(await rowsOf(koord, "fig-fields")).toContainEqual(["Jaminan sosial", "0", "1"]);
      const ppks = await rowsOf(koord, "fig-ppks");
      expect(ppks).toContainEqual(["Fakir Miskin", "1"]);
      expect(ppks.map((r) => r[0])).toContain("Kemiskinan");
      await noSideScroll(koord);
      // No correction offered before anything was sent.
      expect(await koord.getByRole("button", { name: "Kirim koreksi" }).count()).toBe(0);
      // A month typed past the picker's limit is refused on the field; the month's report stays.
      await koord.fill("#report-month", "2099-01");
      await expect
        .poll(() => koord.textContent("#report-month-error"))
        .toBe("Bulan Januari 2099 belum tiba.");
      expect(await koord.getAttribute("#report-month", "aria-invalid")).toBe("true");
      expect(await koord.textContent("[data-testid=report-state]")).toBe("Belum dikirim");
      expect(koord.url()).not.toContain("2099");
      // Typed segment by segment, as an officer does: Chrome reports "0002-03", "0020-03", … as the year
      // is typed; none of them is refused or put back, and the month typed is the one opened.
      await koord.focus("#report-month");
      for (const key of ["0", "3", "ArrowRight", "2", "0", "2", "4"]) await koord.keyboard.press(key);
      await koord.keyboard.press("Tab");
      await expect.poll(() => new URL(koord.url()).searchParams.get("bulan")).toBe("2024-03");
      expect(await koord.locator("#report-month-error").count()).toBe(0);
      // A month before the first one the report knows is refused once the field is left.
      await koord.focus("#report-month");
      for (const key of ["0", "3", "ArrowRight", "2", "0", "1", "9"]) await koord.keyboard.press(key);
      expect(await koord.locator("#report-month-error").count()).toBe(0);
      // Left by a tap beside it (Tab from the year goes to the picker's own button first).
      await koord.click("h1");
      await expect
        .poll(() => koord.textContent("#report-month-error"))
        .toBe("Pilih bulan mulai Januari 2020.");
      expect(await koord.inputValue("#report-month")).toBe("2024-03");
      // A browser without a month picker shows a text box: words are refused with the form to write.
      const asText = (type: string) =>
        koord.evaluate((t) => ((document.getElementById("report-month") as HTMLInputElement).type = t), type);
      await asText("text");
      await koord.fill("#report-month", "Maret 2024");
      await koord.click("h1");
      await expect.poll(() => koord.textContent("#report-month-error")).toBe(`Tulis bulan seperti ${month}.`);
      expect(await koord.inputValue("#report-month")).toBe("2024-03");
      await asText("month");
      await koord.fill("#report-month", month);
      await expect.poll(() => new URL(koord.url()).searchParams.get("bulan")).toBe(month);
      // This month's figures again, not March 2024's (which has none).
      await expect.poll(() => rowsOf(koord, "fig-ppks")).toContainEqual(["Fakir Miskin", "1"]);
      expect(await koord.textContent("[data-testid=report-state]")).toBe("Belum dikirim");
      // A month to come in a link (typed, or kept from a bookmark) opens this month, saying so.
      const thisMonthName = await koord.textContent("[data-testid=report-month-name]");
      await koord.goto(new URL("/laporan?bulan=2099-01", koord.url()).href);
      await expect
        .poll(() => koord.textContent("main"))
        .toContain("Bulan “2099-01” di alamat tidak dapat dibuka");
      await expect.poll(() => koord.textContent("[data-testid=report-month-name]")).toBe(thisMonthName);
      await koord.goto(new URL("/laporan", koord.url()).href);
      await expect.poll(() => rowsOf(koord, "fig-ppks")).toContainEqual(["Fakir Miskin", "1"]);
      await koord.getByRole("button", { name: "Kirim ke SLRT" }).click();
      asked.push(await answer(koord, true));
      await expect
        .poll(() => koord.textContent("[data-testid=report-notice]"))
        .toBe("Laporan versi 1 dikirim ke SLRT.");
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatch(/^Bulan .+ belum berakhir; angkanya masih dapat bertambah\. Tetap kirim\?$/);
      // Nothing differs from what was just sent: no correction is offered until a figure changes.
      expect(await koord.getByRole("button", { name: "Kirim koreksi" }).count()).toBe(0);
      expect(asked).toHaveLength(1);
      expect(await koord.textContent("[data-testid=report-state]")).toBe("Dikirim ke SLRT (versi 1)");
      const versions = await rowsOf(koord, "report-versions");
      expect(versions).toHaveLength(1);
      const koordName = (await (await koord.request.get("/api/auth/me")).json()).name;
      expect(versions[0]![2]).toBe(koordName);
      expect(await koord.getByRole("button", { name: "Kirim ke SLRT" }).count()).toBe(0);

      // The XLSX says what the screen says.
      const [download] = await Promise.all([
        koord.waitForEvent("download"),
        koord.getByRole("link", { name: "Unduh XLSX" }).first().click(),
      ]);
      expect(download.suggestedFilename()).toBe(`laporan-${KALISAPU}-kalisapu-${month}.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile((await download.path())!);
      const sheetRows = (name: string) =>
        book
          .getWorksheet(name)!
          .getSheetValues()
          .slice(2)
          .map((r) => (r as unknown[]).slice(1).map((v) => (v === undefined || v === "" ? "—" : String(v))));
      const shown = [...(await rowsOf(koord, "fig-ringkasan")), ...(await rowsOf(koord, "fig-usulan"))];
      expect(sheetRows("Ringkasan")).toEqual(shown);
      expect(sheetRows("Kategori")).toEqual(await rowsOf(koord, "fig-kategori"));
      expect(sheetRows("Rumpun")).toEqual(await rowsOf(koord, "fig-rumpun"));
      expect(sheetRows("Rujukan per OPD")).toEqual(await rowsOf(koord, "fig-opd"));
      expect(sheetRows("Bidang layanan")).toEqual(await rowsOf(koord, "fig-fields"));

      // Printed on A4: the heading and both signatures, without the page's controls. On screen the blank
      // signature lines are not shown (on a phone they ran into the next heading).
      const signatures = koord.locator("[data-testid=report-signatures]");
      expect(await signatures.isVisible()).toBe(false);
      await koord.emulateMedia({ media: "print" });
      expect(await koord.locator(".letterhead").isVisible()).toBe(true);
      expect(await signatures.isVisible()).toBe(true);
      expect(await signatures.textContent()).toBe("Koordinator PuskesosKepala Desa Kalisapu");
      expect(await koord.getByRole("button", { name: "Cetak" }).isVisible()).toBe(false);
      await koord.emulateMedia({ media: "screen" });
      const sent = Date.now();

      // 2. The manajer, on a laptop: the kabupaten's month, Slawi's row, one desa of all has sent.
      const manajer = await signedInPage(app, "manajer");
      await manajer.setViewportSize(LAPTOP);
      const tree = await (await manajer.request.get("/api/regions")).json();
      const allDesa = tree.kecamatan.reduce((n: number, k: { desa: unknown[] }) => n + k.desa.length, 0);
      const slawiDesa = tree.kecamatan.find((k: { code: string }) => k.code === SLAWI).desa.length;
      await manajer
        .getByRole("navigation", { name: "Menu utama" })
        .getByRole("link", { name: "Dasbor", exact: true })
        .click();
      await expect
        .poll(() => manajer.textContent("[data-testid=dash-submissions]"))
        .toContain(`1 dari ${allDesa} desa/kelurahan sudah mengirim laporan`);
      const slawi = await rowsOf(manajer, "dash-rows").then((rows) =>
        rows.find((r) => r[0] === "Kec. Slawi"),
      );
      // Kecamatan, served, complaints, finished, referred, open, reports sent.
      expect(slawi).toEqual(["Kec. Slawi", "1", "2", "1", "1", "1", `1 dari ${slawiDesa} desa/kelurahan`]);
      // The downloaded dashboard says the same of Slawi's reports (its column was empty for a kecamatan).
      const file = await manajer.request.get(
        `/api/reports/dashboard/file?${new URLSearchParams({ period: month, area: "33.28", format: "csv" })}`,
      );
      const slawiLine = (await file.text()).split("\n").find((line) => line.includes(";Slawi;"));
      expect(slawiLine).toMatch(new RegExp(`;1 dari ${slawiDesa}\\r?$`));
      const tiles = await manajer.textContent("[data-testid=dash-tiles]");
      expect(tiles).toContain("Pengaduan2");
      await expect
        .poll(() => manajer.locator("[data-testid=chart-rumpun] canvas").count())
        .toBeGreaterThan(0);
      await expect.poll(() => manajer.locator("[data-testid=chart-trend] canvas").count()).toBeGreaterThan(0);
      expect(await manajer.getAttribute("[data-testid=chart-rumpun]", "aria-label")).toContain(
        "Kemiskinan 1",
      );
      await noSideScroll(manajer);

      // Drilled into Slawi: Kalisapu marked as sent, the others not yet.
      await manajer.getByRole("link", { name: "Kec. Slawi" }).first().click();
      await expect
        .poll(() => manajer.textContent(`[data-testid=dash-sent-${KALISAPU.replaceAll(".", "\\.")}]`))
        .toBe("Dikirim, versi 1");
      expect(await manajer.textContent("[data-testid=dash-submissions]")).toContain(
        `1 dari ${slawiDesa} desa/kelurahan sudah mengirim`,
      );
      expect(await manajer.textContent("[data-testid=dash-missing]")).not.toContain("Kalisapu");
      // Printed, the folded list of who has not sent is unfolded, and folded again after.
      await manajer.evaluate(() =>
        window.addEventListener("beforeprint", () => {
          document.body.dataset.missingPrinted = String(
            document.querySelector<HTMLDetailsElement>("details.print-open")?.open,
          );
        }),
      );
      await manajer.pdf({ format: "A4" });
      expect(await manajer.evaluate(() => document.body.dataset.missingPrinted)).toBe("true");
      expect(
        await manajer.evaluate(() => document.querySelector<HTMLDetailsElement>("details.print-open")?.open),
      ).toBe(false);
      expect(await manajer.textContent("[data-testid=dash-title]")).toContain("Kec. Slawi");
      await noSideScroll(manajer);
      // The same dashboard on a phone: charts redrawn to the narrow screen, nothing wider than it.
      await manajer.setViewportSize(PHONE);
      await expect
        .poll(() =>
          manajer.evaluate(
            () => document.querySelector("[data-testid=chart-trend] canvas")!.getBoundingClientRect().width,
          ),
        )
        .toBeLessThanOrEqual(PHONE.width);
      await noSideScroll(manajer);
      // A shared link to a desa's report opens with that desa picked, not "— pilih —" beside its figures.
      await manajer.goto(new URL(`/laporan?desa=${KALISAPU}`, manajer.url()).href);
      await expect.poll(() => manajer.inputValue("#report-desa")).toBe(KALISAPU);
      await manajer.context().close();
      const dashboard = Date.now();

      // 3. A complaint more after sending: the report says the figures changed; a correction needs a note.
      await registered(fo, person(41), { category: "pendidikan", ppks: [] });
      await fo.context().close();
      await koord.reload();
      await expect
        .poll(() => koord.textContent("[data-testid=report-changed]"))
        .toContain("Angka saat ini berbeda dari versi 1 yang dikirim");
      await koord.getByRole("button", { name: "Kirim koreksi" }).click();
      await expect.poll(() => koord.textContent("#note-error")).toBe("Tulis apa yang dikoreksi.");
      await koord
        .getByLabel("Catatan koreksi")
        .fill("Satu pengaduan pendidikan tercatat setelah kiriman pertama.");
      await koord.getByRole("button", { name: "Kirim koreksi" }).click();
      await answer(koord, true);
      await expect
        .poll(() => koord.textContent("[data-testid=report-notice]"))
        .toBe("Koreksi versi 2 dikirim ke SLRT.");
      const corrected = await rowsOf(koord, "report-versions");
      expect(corrected.map((r) => r[0])).toEqual(["2", "1"]);
      expect(corrected[0]![3]).toBe("Satu pengaduan pendidikan tercatat setelah kiriman pertama.");
      expect(await koord.locator("[data-testid=report-changed]").count()).toBe(0);
      // Version 1 as it was sent, beside the figures now.
      await koord.getByLabel("Tampilkan").selectOption("1");
      await expect
        .poll(() => rowsOf(koord, "fig-ringkasan").then((r) => r.find((x) => x[0] === "Pengaduan tercatat")))
        .toEqual(["Pengaduan tercatat", "2"]);
      await koord.getByLabel("Tampilkan").selectOption("0");
      await expect
        .poll(() => rowsOf(koord, "fig-ringkasan").then((r) => r.find((x) => x[0] === "Pengaduan tercatat")))
        .toEqual(["Pengaduan tercatat", "3"]);
      await noSideScroll(koord);
      await koord.context().close();

      // 4. The kepala desa reads the report and sends nothing.
      const kades = await signedInPage(app, "kades.kalisapu");
      await kades.goto("/laporan");
      await expect
        .poll(() => kades.textContent("[data-testid=report-state]"))
        .toBe("Dikirim ke SLRT (versi 2)");
      expect(await kades.locator("form button[type=submit]").count()).toBe(0);
      await kades.context().close();
      console.log(
        `monthly report e2e: seed ${seeded - started} ms, report+send+xlsx ${sent - seeded} ms, ` +
          `dashboard ${dashboard - sent} ms, correction ${Date.now() - dashboard} ms`,
      );
    },
  );
});
