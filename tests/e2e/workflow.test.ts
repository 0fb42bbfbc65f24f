import { describe, expect, it } from "vitest";
import { REFERRAL_WORKFLOW } from "@puskesos/core/referral/schema";
import { e2eApp, newPage, signedInPage } from "../support/browser.ts";
import { referralAt } from "../support/journey.ts";

const app = e2eApp();

describe("menus, buttons and timelines from core's declarations", () => {
  it("offers a kepala desa only what the role may open, and says why a page is closed", async () => {
    const page = await signedInPage(app, "kades.kalisapu");
    expect(await page.locator("nav a").allTextContents()).toEqual([
      "Beranda",
      "Pengaduan",
      "Usulan",
      "Musdes",
      "Laporan",
      "Dasbor",
      "PSKS",
    ]);
    // The home page names the role and the musdes as a desa's (a kelurahan's would read Lurah, Musyawarah kelurahan).
    expect(await page.textContent("[data-testid=home-role]")).toBe("Kepala Desa");
    expect(await page.locator("ul.actions a[href='/musdes']").textContent()).toBe("Musyawarah desa");
    await page.goto("/antrian");
    await expect
      .poll(() => page.textContent("main"))
      .toContain("Halaman ini hanya untuk front office dan koordinator.");
    expect(await page.locator("[data-testid=take-ticket]").count()).toBe(0);
    await page.context().close();
  });

  it("shows the manager exactly the declared decisions, and a timeline in plain words, on a phone", async () => {
    const { referralId: id } = await referralAt(
      app,
      "forwarded",
      "Layak dibantu segera; keluarga tidak mampu membayar.",
    );
    const manajer = await signedInPage(app, "manajer");
    await manajer.setViewportSize({ width: 360, height: 640 });
    await manajer.goto(`/rujukan/${id}`);
    await manajer.waitForSelector("[data-testid=timeline]");
    const buttons = await manajer.locator(".decisions form > button").allTextContents();
    expect(buttons).toEqual(
      (["approve", "reject", "return-to-supervisor"] as const).map((a) => REFERRAL_WORKFLOW.actions[a].label),
    );
    const timeline = (await manajer.textContent("[data-testid=timeline]"))!;
    expect(timeline).toContain("Pengaduan: Diteruskan ke back office → Dirujuk");
    expect(timeline).toContain("Rujukan: Diajukan ke supervisor → Diteruskan ke manajer");
    expect(timeline).toContain("Supervisor SLRT");
    expect(timeline).not.toMatch(/\b(back-office|supervisor\)|dinas-kesehatan)/);
    // Dates read in the kabupaten's zone, named.
    expect(timeline).toMatch(/\d{2}\.\d{2} WIB/);
    const width = await manajer.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
    await manajer.context().close();

    // The OPD is not assigned yet: it cannot see the referral at all.
    const opd = await signedInPage(app, "opd.dinkes");
    await opd.goto(`/rujukan/${id}`);
    await expect.poll(() => opd.textContent("main")).toContain("Rujukan tidak ditemukan.");
    await opd.context().close();
  });
});

describe("keyboard and screen reader users", () => {
  it("moves the focus to the first refused field, marked and tied to its message", async () => {
    const page = await newPage(app);
    await page.goto("/masuk");
    await page.getByRole("button", { name: "Masuk" }).press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("username");
    expect(await page.getAttribute("#username", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#username", "aria-describedby")).toBe("username-error");
    expect(await page.textContent("#username-error")).toBe("Nama pengguna wajib diisi.");
    // Fixed, the mark goes with the message.
    await page.fill("#username", "fo.kalisapu");
    await expect.poll(() => page.getAttribute("#username", "aria-invalid")).toBe(null);
    expect(await page.getAttribute("#username", "aria-describedby")).toBe(null);
    await page.context().close();
  });

  it("starts a new page at its heading, closes the phone's menu with Escape, and offers the password change on a laptop", async () => {
    const page = await signedInPage(app, "fo.kalisapu");
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.getByRole("link", { name: "Ganti kata sandi" }).isVisible()).toBe(true);
    await page.locator("nav").getByRole("link", { name: "Antrian" }).press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Antrian hari ini");

    await page.setViewportSize({ width: 360, height: 640 });
    const toggle = page.getByRole("button", { name: "Menu" });
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Menu");
    // Tabbing out of the open menu closes it: it would cover the control the focus has moved to.
    await toggle.click();
    await page.getByRole("button", { name: "Keluar" }).focus();
    await page.keyboard.press("Tab");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.focus();
    // The skip link, before the brand, leads past the header.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Lewati ke isi");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("isi");
    await page.context().close();
  });
});
