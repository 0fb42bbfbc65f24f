import { describe, expect, it } from "vitest";
import { REFERRAL_WORKFLOW } from "@puskesos/core/referral/schema";
import { e2eApp, signedInPage } from "../support/browser.ts";
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
