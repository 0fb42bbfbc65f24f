import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  answer,
  e2eApp,
  inViewport,
  newPage,
  refusalMarks,
  signedInContext,
  signedInPage,
  loseAnswers,
} from "../support/browser.ts";
import { referralAt } from "../support/journey.ts";
import { complaint, WATI } from "../support/residents.ts";

/** What the screens say is what is true: states, names of fields, places and dates, the language. */
const app = e2eApp();

/** The intake form filled in for Wati Lestari, RT 3 / RW 1, with consent, not yet sent. */
async function fillIntake(page: Page, category: string, description: string) {
  await page.fill("#nik", WATI.nik);
  await page.fill("#name", WATI.name);
  await page.fill("#rt", "3");
  await page.fill("#rw", "1");
  await page.selectOption("#category", category);
  await page.fill("#description", description);
  await page.check("input[name=consent]");
}

/** The manajer on a forwarded referral's page, Dinas Kesehatan chosen for the approval, not yet sent. */
async function approving(viewport?: { width: number; height: number }) {
  const { referralId: id } = await referralAt(app, "forwarded");
  const manajer = await signedInPage(app, "manajer", viewport);
  await manajer.goto(`/rujukan/${id}`);
  await manajer.waitForSelector("[data-testid=decision-approve]");
  await manajer.selectOption("[data-testid=approve-opd]", "dinas-kesehatan");
  return manajer;
}

describe("messages that tell the truth", () => {
  it("starts the household form with the reporter and moves the receipt with the complaint", async () => {
    const page = await signedInPage(app, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    await page.fill("#nik", "332");
    await page.fill("#name", "W");
    await page.fill("#rt", "3");
    await page.fill("#rw", "1");
    await page.fill("#description", "Rumah bocor dan tidak ada penghasilan tetap.");
    await page.check("input[name=consent]");
    await page.click("button[type=submit]");
    // Each field's message names the field as the form labels it.
    await expect.poll(() => page.textContent("main")).toContain("Nama pelapor minimal 2 karakter.");
    expect(await page.textContent("main")).toContain("Kategori wajib dipilih.");
    expect(await page.textContent("main")).toContain("NIK harus 16 digit; yang diisi 3 digit.");
    // A field still wrong says what is wrong with what it holds now, not with what was sent.
    await page.fill("#nik", "33281");
    await expect.poll(() => page.textContent("main")).toContain("NIK harus 16 digit; yang diisi 5 digit.");
    expect(await page.textContent("main")).not.toContain("yang diisi 3 digit");
    // A screen reader hears what the number says once it is whole, not at each digit on the way.
    expect(await page.textContent("[data-testid=nik-spoken]")).toBe("");
    await page.fill("#nik", WATI.nik);
    await expect.poll(() => page.textContent("main")).not.toContain("NIK harus 16 digit");
    await expect
      .poll(() => page.textContent("[data-testid=nik-spoken]"))
      .toMatch(/^Lahir \d+ \w+ \d{4}, perempuan$/);
    // A fixed field's message goes as the officer fixes it; the one still wrong stays.
    await page.fill("#name", WATI.name);
    await expect.poll(() => page.textContent("main")).not.toContain("Nama pelapor minimal 2 karakter.");
    expect(await page.textContent("main")).toContain("Kategori wajib dipilih.");
    await page.selectOption("#category", "perumahan");
    await expect.poll(() => page.textContent("main")).not.toContain("Kategori wajib dipilih.");
    await page.click("button[type=submit]");
    await page.waitForSelector("[data-testid=tracking-code]");
    expect(await page.textContent("[data-testid=receipt]")).toContain(
      "Status: Sedang diperiksa petugas Puskesos",
    );
    expect(await page.inputValue("#member-0-nik")).toBe(WATI.nik);
    expect(await page.inputValue("#member-0-name")).toBe(WATI.name);
    await page.selectOption("#member-0-relationship", "kepala-keluarga");
    await page.selectOption("#houseCondition", "tidak-layak");
    await page.selectOption("#incomeSource", "buruh-harian");
    await page.click("button:has-text('Kirim usulan')");
    await page.waitForSelector("[data-testid=proposal-done]");
    await expect.poll(() => page.textContent("[data-testid=receipt]")).toContain("Usulan DPM: Diusulkan");
    await page.context().close();
  });

  it("wraps a pasted link or a long unbroken run in a resident's text instead of widening the page", async () => {
    const fo = await signedInPage(app, "fo.kalisapu");
    const long = `https://contoh.example/${"a".repeat(400)} ${"-".repeat(300)}`;
    const c = await (
      await fo.request.post("/api/complaints", {
        headers: { origin: app.server.url },
        data: complaint({ description: long }, { nik: WATI.nik, name: `Wati${"x".repeat(90)}` }),
      })
    ).json();
    for (const width of [360, 1366]) {
      await fo.setViewportSize({ width, height: 740 });
      await fo.goto(`/pengaduan/${c.id}`);
      await expect.poll(() => fo.textContent("main")).toContain("aaaa");
      const [scroll, client] = await fo.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scroll, `${width} px`).toBeLessThanOrEqual(client);
    }
    await fo.context().close();
  });

  it("clears an earlier result on the public status page when a new lookup fails", async () => {
    const fo = await signedInPage(app, "fo.kalisapu");
    const c = await (
      await fo.request.post("/api/complaints", { headers: { origin: app.server.url }, data: complaint() })
    ).json();
    await fo.context().close();
    const resident = await newPage(app);
    await resident.goto("/status");
    await resident.fill("#code", c.trackingCode);
    await resident.fill("#nikLast4", WATI.nik.slice(-4));
    await resident.click("button[type=submit]");
    await resident.waitForSelector("[data-testid=public-status]");
    await resident.fill("#nikLast4", "12");
    await resident.click("button[type=submit]");
    await expect.poll(() => resident.textContent("main")).toContain("Isi 4 angka terakhir NIK pelapor.");
    expect(await resident.locator("[data-testid=public-status]").count()).toBe(0);
    await resident.fill("#nikLast4", "9999");
    await resident.click("button[type=submit]");
    await expect.poll(() => resident.textContent(".alert")).toContain("tidak cocok");
    expect(await resident.locator("[data-testid=public-status]").count()).toBe(0);
    await resident.context().close();
  });

  it("signs the letter with the kabupaten's place and the date, under a letterhead naming it", async () => {
    const { referralId } = await referralAt(app, "approved");
    const manajer = await signedInPage(app, "manajer");
    await manajer.goto(`/rujukan/${referralId}/surat`);
    await manajer.waitForSelector("[data-testid=letter-place-date]");
    expect(await manajer.textContent("[data-testid=letter-place-date]")).toMatch(
      /^Tegal, \d{1,2} \w+ \d{4}$/,
    );
    expect(await manajer.textContent(".letterhead")).toContain("PEMERINTAH KABUPATEN TEGAL");
    await manajer.context().close();
  });

  it("offers the DPM file in Indonesian, with the chosen file's name", async () => {
    const admin = await signedInPage(app, "admin");
    await admin.goto("/dpm");
    const pick = admin.locator("label[for=dpm-file]");
    expect(await pick.textContent()).toBe("Pilih berkas CSV");
    expect(await admin.textContent("main")).toContain("Belum ada berkas dipilih.");
    // The browser's own (English) button is out of sight; the Indonesian one stands in for it.
    expect((await admin.locator("#dpm-file").boundingBox())!.width).toBeLessThanOrEqual(1);
    await admin.setInputFiles("#dpm-file", {
      name: "dpm-kalisapu.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("NIK,NAMA\n"),
    });
    await expect.poll(() => admin.textContent("main")).toContain("dpm-kalisapu.csv");
    await admin.selectOption("[data-testid=dpm-desa]", "33.28.10.2001");
    // An empty file is not "no file chosen"; a workbook's reason is said once, not again as "file: …".
    await admin.setInputFiles("#dpm-file", {
      name: "kosong.csv",
      mimeType: "text/csv",
      buffer: Buffer.alloc(0),
    });
    await admin.click("button:has-text('Impor')");
    await expect
      .poll(() => admin.textContent(".alert"))
      .toBe("Berkas kosong.csv kosong: tidak ada satu baris pun.");
    await admin.setInputFiles("#dpm-file", {
      name: "dpm.xlsx",
      mimeType: "text/csv",
      buffer: Buffer.from("PK\u0003\u0004[Content_Types].xml"),
    });
    await admin.click("button:has-text('Impor')");
    await expect.poll(() => admin.textContent(".alert")).toContain("bukan CSV");
    expect((await admin.textContent(".alert"))!.split("bukan CSV")).toHaveLength(2);
    // The picker is what is wrong: marked, tied to the answer, and focused (its label shows the ring).
    expect(await refusalMarks(admin, "dpm-file")).toEqual([true, "true", "dpm-answer"]);
    await admin.context().close();
  });

  it("names the resident's kelurahan on a receipt made at the kabupaten's own front office", async () => {
    const admin = await signedInContext(app, "admin");
    const made = await admin.request.post("/api/users", {
      headers: { origin: app.server.url },
      data: {
        username: "fo.slrt",
        name: "Petugas SLRT",
        role: "front-office",
        scope: { level: "kabupaten", code: "33.28" },
      },
    });
    expect(made.status()).toBe(201);
    const page = await newPage(app);
    await page.goto("/masuk");
    await page.fill("#username", "fo.slrt");
    await page.fill("#password", (await made.json()).temporaryPassword);
    await page.click("button[type=submit]");
    await page.waitForURL("**/ganti-sandi");
    await page.fill("#currentPassword", (await made.json()).temporaryPassword);
    await page.fill("#newPassword", "sandi-baru-yang-panjang-2026");
    await page.fill("#confirm", "sandi-baru-yang-panjang-2026");
    await page.click("button[type=submit]");
    await page.waitForSelector("[data-testid=home-name]");
    await page.goto("/pengaduan/baru");
    // Kagok is a kelurahan of Slawi: marked as one in the list, and named as one on the receipt.
    await expect
      .poll(() => page.locator("#desaCode option[value='33.28.10.1007']").textContent())
      .toBe("Kel. Kagok");
    await page.selectOption("#desaCode", "33.28.10.1007");
    await fillIntake(page, "perumahan", "Rumah bocor dan tidak ada penghasilan tetap.");
    await page.click("button[type=submit]");
    await page.waitForSelector("[data-testid=tracking-code]");
    expect(await page.textContent("[data-testid=receipt]")).toContain("Puskesos · Kelurahan Kagok");
    await page.click("text=Buka pengaduan ini");
    await page.waitForURL(/\/pengaduan\/[^/]+$/);
    // Who proposes a household there is the kelurahan's koordinator, not a desa's.
    const manajer = await signedInPage(app, "manajer");
    await manajer.goto(new URL(page.url()).pathname);
    await expect
      .poll(() => manajer.textContent("main"))
      .toContain("(diusulkan oleh front office atau koordinator kelurahan)");
    await manajer.context().close();
    await page.context().close();
    await admin.close();
  });

  it("keeps the open-case form and what was typed when its lists cannot come, and fills them on retry", async () => {
    const worker = await signedInPage(app, "peksos.slawi");
    await worker.setViewportSize({ width: 360, height: 640 });
    await worker.context().route("**/api/cases/workers**", (route) => route.abort("connectionrefused"));
    await worker.context().route("**/api/regions**", (route) => route.abort("connectionrefused"));
    await worker.goto("/kasus/baru");
    await worker.fill("input[name=name]", "Pak Darto");
    await expect
      .poll(() => worker.textContent("[data-testid=case-new]"))
      .toContain("Daftar pekerja sosial tidak dapat dimuat.");
    expect(await worker.inputValue("input[name=name]")).toBe("Pak Darto");
    await worker.context().unroute("**/api/cases/workers**");
    await worker.context().unroute("**/api/regions**");
    await worker.click("[data-testid=case-new] button:has-text('Coba lagi')");
    await expect
      .poll(() => worker.locator("#case-worker option").allTextContents())
      .toContain("Fitri Handayani (peksos.slawi) · Kecamatan Slawi");
    expect(await worker.inputValue("input[name=name]")).toBe("Pak Darto");
    await worker.context().close();
  });

  it("says a decision was saved when the page could not reload after it", async () => {
    const manajer = await approving();
    // The decision goes through; the page's reload after it does not.
    await manajer.context().route("**/with-timeline", (route) => route.abort("connectionrefused"));
    await manajer.click("[data-testid=decision-approve] button[type=submit]");
    await expect.poll(() => manajer.textContent(".alert.success")).toContain("Tersimpan: Disetujui");
    expect(await manajer.textContent("[data-testid=referral-state]")).toBe("Disetujui, menunggu OPD");
    expect(await manajer.textContent("main")).toContain(
      "Perubahan tersimpan, tetapi halaman belum dapat dimuat ulang",
    );
    await manajer.context().unroute("**/with-timeline");
    await manajer.click("button:has-text('Muat ulang')");
    await expect
      .poll(() => manajer.textContent("main"))
      .not.toContain("Perubahan tersimpan, tetapi halaman belum dapat dimuat ulang");
    await manajer.context().close();
  });

  it("takes a refused decision's reason away when the officer turns to another decision", async () => {
    const manajer = await approving({ width: 360, height: 740 });
    const approve = "[data-testid=decision-approve]";
    const reject = "[data-testid=decision-reject]";
    // An approval with a deadline already past is refused, under the approval.
    await manajer.fill(`${approve} input[name=dueDate]`, "2020-01-01");
    await manajer.click(`${approve} button[type=submit]`);
    await expect.poll(() => manajer.textContent(approve)).toContain("masa lalu");
    expect(await manajer.locator(`${approve} [aria-invalid=true]`).count()).toBe(1);
    // The manajer turns to rejecting instead, without a reason: only the rejection's reason is on the page.
    await manajer.click(`${reject} button[type=submit]`);
    await expect.poll(() => manajer.textContent(reject)).toContain("Alasan penolakan wajib diisi.");
    expect(await manajer.textContent(approve)).not.toContain("masa lalu");
    expect(await manajer.locator(`${approve} [aria-invalid=true]`).count()).toBe(0);
    // And back: the approval goes through, and the rejection's reason is gone with its form.
    await manajer.fill(`${approve} input[name=dueDate]`, "");
    await manajer.click(`${approve} button[type=submit]`);
    await expect.poll(() => manajer.textContent(".alert.success")).toContain("Tersimpan: Disetujui");
    expect(await manajer.textContent("main")).not.toContain("wajib diisi");
    await manajer.context().close();
  });

  it("reads a decision whose answer was lost, sent again, as saved; another's change as news", async () => {
    const manajer = await approving();
    // The approval reaches the server; its answer never reaches the phone.
    await loseAnswers(manajer, "**/approve");
    await manajer.click("[data-testid=decision-approve] button[type=submit]");
    await expect
      .poll(() => manajer.textContent("[data-testid=decision-approve]"))
      .toContain("Tidak dapat terhubung");
    await manajer.context().unroute("**/approve");
    await manajer.click("[data-testid=decision-approve] button[type=submit]");
    await expect.poll(() => manajer.textContent(".alert.success")).toContain("Tersimpan: Disetujui");
    expect(await manajer.textContent("[data-testid=referral-state]")).toBe("Disetujui, menunggu OPD");
    expect(await manajer.textContent("main")).not.toContain("sudah berubah");
    await manajer.context().close();
  });

  it("keeps a complaint's page after a handling whose reload failed, and a referral whose answer was lost", async () => {
    const bo = await signedInPage(app, "bo.kalisapu");
    const fo = await signedInContext(app, "fo.kalisapu");
    const made = async () =>
      (await (
        await fo.request.post("/api/complaints", { headers: { origin: app.server.url }, data: complaint() })
      ).json()) as {
        id: string;
      };
    const first = await made();
    await bo.goto(`/pengaduan/${first.id}`);
    await bo.fill("#answer", "Dijelaskan cara mendaftar PBI-JK di kantor desa.");
    await bo.context().route("**/with-timeline", (route) => route.abort("connectionrefused"));
    await bo.click("text=Simpan penanganan");
    await expect
      .poll(() => bo.textContent("main"))
      .toContain("Perubahan tersimpan, tetapi halaman belum dapat dimuat ulang");
    await bo.context().unroute("**/with-timeline");
    await bo.click("button:has-text('Muat ulang')");
    await expect.poll(() => bo.textContent("[data-testid=complaint-state]")).toBe("Sedang ditangani");
    // A handling that reached the server while its answer did not: sent again, it reads as saved.
    const third = await made();
    await bo.goto(`/pengaduan/${third.id}`);
    await bo.fill("#answer", "Dijelaskan cara mendaftar PBI-JK di kantor desa.");
    await loseAnswers(bo, "**/handle");
    await bo.click("text=Simpan penanganan");
    await expect.poll(() => bo.textContent("[data-testid=back-office]")).toContain("Tidak dapat terhubung");
    await bo.context().unroute("**/handle");
    await bo.click("text=Simpan penanganan");
    await expect
      .poll(() => bo.textContent("[data-testid=back-office] .alert.success"))
      .toBe("Tersimpan: Penanganan dicatat.");
    expect(await bo.textContent("[data-testid=back-office]")).not.toContain("sudah berubah");
    // A cancellation likewise, by the front office: sent again, the complaint reads cancelled, no refusal.
    const fourth = await made();
    const front = await signedInPage(app, "fo.kalisapu");
    await front.goto(`/pengaduan/${fourth.id}`);
    await front.click("[data-testid=cancel] summary");
    await front.fill("#cancel-reason", "Terdaftar dua kali.");
    await loseAnswers(front, "**/cancel");
    await front.click("[data-testid=cancel] button[type=submit]");
    await answer(front, true);
    await expect.poll(() => front.textContent("[data-testid=cancel]")).toContain("Tidak dapat terhubung");
    await front.context().unroute("**/cancel");
    await front.click("[data-testid=cancel] button[type=submit]");
    await answer(front, true);
    await expect.poll(() => front.textContent("[data-testid=complaint-state]")).toBe("Dibatalkan");
    expect(await front.textContent("main")).not.toContain("sudah berubah");
    await front.context().close();
    // A referral that reached the server while its answer did not: sent again, it opens, not refused.
    /** A new complaint's referral form on the back office's page, filled in, not yet sent. */
    const referralFilled = async () => {
      await bo.goto(`/pengaduan/${(await made()).id}`);
      await bo.click("[data-testid=back-office] >> text=Rujuk");
      await bo.fill("#reason", "Perlu perawatan lanjutan yang tidak tersedia di desa.");
      await bo.selectOption("#urgency", "segera");
      await bo.fill("#needs", "Jaminan kesehatan dan perawatan lansia.");
      await bo.check("[data-testid=refer-form] input[value=kis-pbi]");
    };
    await referralFilled();
    await loseAnswers(bo, "**/api/referrals");
    await bo.click("text=Kirim rujukan ke supervisor");
    await expect.poll(() => bo.textContent("[data-testid=refer-form]")).toContain("Tidak dapat terhubung");
    await bo.context().unroute("**/api/referrals");
    await bo.click("text=Kirim rujukan ke supervisor");
    await expect.poll(() => bo.textContent("[data-testid=referral-state]")).toBe("Diajukan ke supervisor");
    expect(await bo.textContent("main .alert.success")).toBe(
      "Tersimpan: Dirujuk ke supervisor kecamatan. Status sekarang: Diajukan ke supervisor.",
    );
    // A referral made while its page cannot load: the error says the referral was made all the same.
    await referralFilled();
    await bo.context().route("**/api/referrals/*/with-timeline", (route) => route.abort("connectionrefused"));
    await bo.click("text=Kirim rujukan ke supervisor");
    await expect.poll(() => bo.textContent("main")).toContain("Tidak dapat terhubung");
    expect(await bo.textContent("main .alert.success")).toBe("Tersimpan: Dirujuk ke supervisor kecamatan.");
    await bo.context().unroute("**/api/referrals/*/with-timeline");
    await bo.click("button:has-text('Coba lagi')");
    await expect.poll(() => bo.textContent("[data-testid=referral-state]")).toBe("Diajukan ke supervisor");
    expect(await bo.textContent("main .alert.success")).toContain(
      "Tersimpan: Dirujuk ke supervisor kecamatan.",
    );
    // Said once: a reload of the page does not say again that the referral was just made.
    await bo.reload();
    await expect.poll(() => bo.textContent("[data-testid=referral-state]")).toBe("Diajukan ke supervisor");
    expect(await bo.locator("main .alert.success").count()).toBe(0);
    await bo.context().close();
    await fo.close();
  });

  it("has a complaint whose answer was lost received within seconds, with nothing more to do", async () => {
    const page = await signedInPage(app, "fo.kalisapu");
    await page.goto("/pengaduan/baru");
    await fillIntake(page, "kesehatan", "Anak sakit dan tidak punya BPJS.");
    // The registration reaches the server once; its answer never reaches the phone.
    let lost = false;
    await page.context().route("**/api/complaints", async (route) => {
      if (lost || route.request().method() !== "POST") return route.fallback();
      lost = true;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.click("button[type=submit]");
    await expect.poll(() => lost).toBe(true);
    const since = Date.now();
    // Not left for the half-minute beat: tried again 5 s after, it is found received.
    await expect
      .poll(() => page.textContent("[data-testid=outbox-state]"), { timeout: 12_000 })
      .toBe("Diterima server");
    expect(Date.now() - since).toBeLessThan(12_000);
    await page.context().close();
  });

  it("takes down an earlier success when the next change of the same form is refused", async () => {
    const admin = await signedInPage(app, "admin");
    await admin.goto("/pengaturan");
    const retention = admin.locator("[data-testid=retention]");
    const first = retention.locator("input[type=number]").first();
    await first.fill("60");
    await retention.locator("button[type=submit]").click();
    await expect.poll(() => retention.locator(".alert.success").count()).toBe(1);
    await first.fill("1");
    await retention.locator("button[type=submit]").click();
    await expect.poll(() => retention.locator("[aria-invalid=true]").count()).toBe(1);
    expect(await retention.locator(".alert.success").count()).toBe(0);
    await admin.context().close();
  });

  it("brings a long form's confirmation into view on a phone", async () => {
    const admin = await signedInPage(app, "admin", { width: 360, height: 740 });
    await admin.goto("/pengaturan");
    const save = admin.getByRole("button", { name: "Simpan pengaturan" });
    await save.scrollIntoViewIfNeeded();
    await save.click();
    const done = admin.locator(".alert.success", { hasText: "Pengaturan disimpan" });
    await expect.poll(() => done.count()).toBe(1);
    await expect.poll(() => inViewport(done)).toBe(true);
    await admin.context().close();
  });
});

describe("answers where the officer is looking", () => {
  it("refuses an incomplete PSKS under the add form at the foot of a long page on a phone, and adds a complete one", async () => {
    const page = await signedInPage(app, "koord.kalisapu");
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto("/psks");
    const submit = page.getByRole("button", { name: "Tambah PSKS" });
    await page.getByLabel("Nama", { exact: true }).fill("Karang Taruna Tunas Muda");
    await submit.click();
    const answer = page.locator("form + .edit-answer");
    await expect.poll(() => answer.textContent()).toContain("Jenis PSKS");
    // In view without scrolling back to the top, where the list is.
    await expect.poll(() => inViewport(answer)).toBe(true);
    expect(await page.locator(".alert").count()).toBe(1);
    // The fields named are marked wrong, tied to the answer, and the first takes the focus.
    const kind = page.getByLabel("Jenis PSKS");
    expect(await kind.getAttribute("aria-invalid")).toBe("true");
    // Several fields named: each is described by its own reason, not by the whole sentence.
    const reasonOf = async (field: typeof kind) =>
      page.textContent(`#${await field.getAttribute("aria-describedby")}`);
    expect(await kind.getAttribute("aria-describedby")).toBe(
      `${await answer.locator(".alert").getAttribute("id")}-kind`,
    );
    expect(await reasonOf(kind)).toMatch(/^Jenis PSKS/);
    expect(await reasonOf(page.locator("#psks-contact"))).toMatch(/^Narahubung/);
    expect(await kind.evaluate((e) => e === document.activeElement)).toBe(true);
    await kind.selectOption({ label: "Karang Taruna" });
    await page.locator("#psks-contact").fill("Andi Saputra");
    await submit.click();
    await expect
      .poll(() => answer.textContent())
      .toBe("Karang Taruna Tunas Muda ditambahkan ke daftar PSKS.");
    expect(await kind.getAttribute("aria-invalid")).toBeNull();
    await expect.poll(() => page.textContent("main")).toContain("Andi Saputra");
    // The list grew by the new entry above the form: the answer is still where the officer looks.
    await expect.poll(() => inViewport(answer)).toBe(true);
    await page.context().close();
  });
});
