import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, dayIn } from "@puskesos/core/time/calendar";
import { e2eApp, inViewport, newPage, signedInPage } from "../support/browser.ts";
import { complaint, dpmCsv, SITI } from "../support/residents.ts";

const app = e2eApp();

/** A complaint forwarded to Kalisapu's back office, made through the API (the front office's part is tested elsewhere). */
async function forwardedComplaint(): Promise<{ id: string; trackingCode: string }> {
  const admin = await signedInPage(app, "admin");
  await admin.request.put("/api/dpm/33.28.10.2001", {
    headers: { "content-type": "text/csv", origin: app.server.url },
    data: dpmCsv([SITI]),
  });
  const fo = await signedInPage(app, "fo.kalisapu");
  const res = await fo.request.post("/api/complaints", {
    headers: { origin: app.server.url },
    data: complaint({ ppks: ["lansia-terlantar"] }, { nik: SITI.nik, name: SITI.name }),
  });
  const body = (await res.json()) as { id: string; trackingCode: string };
  await admin.context().close();
  await fo.context().close();
  return body;
}

/** Opens the resident's referral from the inbox; the text of its row there. */
async function openFromInbox(page: Page, name: string, table = "inbox-referrals") {
  await page.click("nav >> text=Perlu tindakan");
  const row = page.locator(`[data-testid=${table}] tr`, { hasText: name }).first();
  const text = await row.textContent();
  await page.click(`[data-testid=${table}] >> text=${name}`);
  await page.waitForSelector("[data-testid=referral-state]");
  return text ?? "";
}

describe("referral chain in Chromium", () => {
  it("walks back office → supervisor (returns) → back office → supervisor → manager → OPD → closed", async () => {
    const c = await forwardedComplaint();

    const bo = await signedInPage(app, "bo.kalisapu");
    await bo.click("nav >> text=Perlu tindakan");
    // The tracking code tells one resident's complaints apart in the list.
    await expect.poll(() => bo.textContent("[data-testid=inbox-complaints]")).toContain(c.trackingCode);
    await bo.click(`[data-testid=inbox-complaints] >> text=${SITI.name}`);
    // Handling in the desa with no answer: the reason once, under the answer, which takes the focus.
    expect(await bo.getAttribute("[data-testid=back-office] >> text=Tangani di desa", "aria-pressed")).toBe(
      "true",
    );
    await bo.click("[data-testid=resolve]");
    await expect.poll(() => bo.textContent("#answer-error")).toBe("Jawaban/informasi wajib diisi.");
    expect(await bo.evaluate(() => document.activeElement?.id)).toBe("answer");
    expect(await bo.locator("[data-testid=back-office] .alert").count()).toBe(0);
    await bo.click("[data-testid=back-office] >> text=Rujuk");
    // Ticked where the category (kesehatan) and the resident's PPKS (lansia terlantar) both point;
    // what only one points at is offered, with the reason.
    expect(await bo.isChecked("[data-testid=refer-form] input[value=dinas-kesehatan]")).toBe(true);
    expect(await bo.isChecked("[data-testid=refer-form] input[value=kepolisian-satpol-pp]")).toBe(false);
    expect(await bo.textContent("[data-testid=refer-form] fieldset")).toContain("RSUD (kategori)");
    await bo.check("[data-testid=refer-form] input[value=rsud]");
    await bo.fill("#reason", "Perlu perawatan lanjutan yang tidak tersedia di desa.");
    await bo.selectOption("#urgency", "segera");
    await bo.fill("#needs", "Jaminan kesehatan dan perawatan lansia.");
    await bo.check("[data-testid=refer-form] input[value=kis-pbi]");
    await bo.click("text=Kirim rujukan ke supervisor");
    await expect.poll(() => bo.textContent("[data-testid=referral-state]")).toBe("Diajukan ke supervisor");
    expect(await bo.locator("[data-testid=referral-due]").count()).toBe(1);

    const spv = await signedInPage(app, "spv.slawi");
    // A kecamatan's list says which desa each resident lives in.
    expect(await openFromInbox(spv, SITI.name)).toContain("Kalisapu");
    await spv.fill(
      "[data-testid=decision-return-to-desa] textarea[name=note]",
      "Lampirkan surat keterangan dokter.",
    );
    await spv.click("[data-testid=decision-return-to-desa] button");
    await expect
      .poll(() => spv.textContent("[data-testid=referral-state]"))
      .toBe("Dikembalikan ke desa/kelurahan");
    // Back at the desa no step's clock runs: the supervisor's date is not shown as the desa's.
    expect(await spv.locator("[data-testid=referral-due]").count()).toBe(0);

    await openFromInbox(bo, SITI.name);
    expect(await bo.textContent("[data-testid=referral-last-note]")).toBe(
      "Lampirkan surat keterangan dokter.",
    );
    await bo.fill(
      "[data-testid=decision-resubmit] textarea[name=note]",
      "Surat keterangan dokter sudah dilampirkan.",
    );
    // The needs themselves are corrected in the same step, starting from what was sent.
    const needs = bo.locator("[data-testid=decision-resubmit] textarea[name=needs]");
    const before = await needs.inputValue();
    expect(before.length).toBeGreaterThan(5);
    await needs.fill(`${before} Surat keterangan dokter terlampir.`);
    await bo.click("[data-testid=decision-resubmit] button");
    await expect.poll(() => bo.textContent("[data-testid=referral-state]")).toBe("Diajukan ke supervisor");
    expect(await bo.textContent("[data-testid=referral-needs]")).toBe(
      `${before} Surat keterangan dokter terlampir.`,
    );

    await openFromInbox(spv, SITI.name);
    // What the back office proposed is in front of the supervisor and the manager, not only in the record.
    expect(await spv.textContent("[data-testid=proposed-opds]")).toBe("Dinas Kesehatan, RSUD");
    expect(await spv.textContent("[data-testid=proposed-programs]")).toBe(
      "Kartu Indonesia Sehat / PBI-JK (Program Indonesia Sehat)",
    );
    await spv.fill("[data-testid=decision-forward] textarea[name=recommendation]", "Layak dibantu segera.");
    await spv.click("[data-testid=decision-forward] button");
    await expect.poll(() => spv.textContent("[data-testid=referral-state]")).toBe("Diteruskan ke manajer");

    const manajer = await signedInPage(app, "manajer");
    await openFromInbox(manajer, SITI.name);
    // Two OPDs proposed: both head the list, and the manager picks one (the form does not pick for them).
    expect(
      await manajer
        .locator('[data-testid=approve-opd] optgroup[label="Usulan desa"] option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(["dinas-kesehatan", "rsud"]);
    expect(await manajer.inputValue("[data-testid=approve-opd]")).toBe("");
    // One programme proposed: it is chosen already.
    expect(await manajer.inputValue("[data-testid=decision-approve] select[name=program]")).toBe("kis-pbi");
    // By keyboard: the button is disabled while the request runs, and the focus must not fall to <body>
    // (the next Tab would start again at the top of the page).
    const focused = () => manajer.evaluate(() => document.activeElement?.textContent?.trim());
    await manajer.focus("[data-testid=decision-approve] button");
    await manajer.keyboard.press("Enter");
    await expect.poll(() => manajer.textContent("[data-testid=decision-approve]")).toContain("OPD tujuan");
    // The first field the refusal names takes the focus, marked wrong and tied to the reason.
    expect(
      await manajer.evaluate(() => {
        const active = document.activeElement!;
        return [active.getAttribute("name"), active.getAttribute("aria-invalid")];
      }),
    ).toEqual(["opd", "true"]);
    expect(
      await manajer.textContent(
        `#${await manajer.getAttribute("[data-testid=approve-opd]", "aria-describedby")}`,
      ),
    ).toContain("OPD tujuan");
    expect(await manajer.textContent("[data-testid=referral-state]")).toBe("Diteruskan ke manajer");
    await manajer.selectOption("[data-testid=approve-opd]", "dinas-kesehatan");
    await manajer.focus("[data-testid=decision-approve] button");
    await manajer.keyboard.press("Enter");
    await expect
      .poll(() => manajer.textContent("[data-testid=referral-state]"))
      .toBe("Disetujui, menunggu OPD");
    // The form has gone with the state: the heading takes the focus, and the outcome is said.
    await expect.poll(focused).toBe(`Rujukan: ${SITI.name}`);
    expect(await manajer.textContent("main [role=status]")).toBe(
      "Tersimpan: Disetujui dan ditugaskan ke OPD. Status sekarang: Disetujui, menunggu OPD.",
    );
    // A receipt reprinted by the manager still names the desa's office, not the kabupaten.
    await manajer.goto(`/pengaduan/${c.id}`);
    await expect
      .poll(() => manajer.textContent("[data-testid=receipt]"))
      .toContain("Puskesos · Desa Kalisapu");
    await manajer.goBack();
    await manajer.click("[data-testid=letter-link]");
    await expect.poll(() => manajer.locator("[data-testid=letter]").count()).toBe(2);
    expect(await manajer.textContent("[data-testid=letter-number]")).toMatch(/: 0001\/SLRT-33\.28\//);
    const text = await manajer.textContent("[data-testid=letter]");
    expect(text).toContain(SITI.nik);
    expect(text).toContain("Dinas Kesehatan");
    expect(text).toContain("Dra. Sri Wahyuni");
    // Printed on A4: the OPD's letter and the desa's copy, two pages.
    const pdf = await manajer.pdf({ format: "A4" });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(2);

    const opd = await signedInPage(app, "opd.dinkes");
    await openFromInbox(opd, SITI.name);
    expect(await opd.textContent("main")).not.toContain("Layak dibantu segera.");
    await opd.click("[data-testid=decision-accept] button");
    await expect.poll(() => opd.textContent("[data-testid=referral-state]")).toBe("Diterima OPD");
    // A day after today is refused by the app in Indonesian, not stopped by the browser's own check.
    const refused = opd.locator("[data-testid=decision-complete] .alert");
    const tomorrow = addDays(dayIn("Asia/Jakarta"), 1);
    await opd.fill("[data-testid=decision-complete] input[name=servedOn]", tomorrow);
    await opd.fill("[data-testid=decision-complete] textarea[name=service]", "Didaftarkan PBI-JK.");
    await opd.fill("[data-testid=decision-complete] input[name=reference]", "PBI/2026/0457");
    await opd.click("[data-testid=decision-complete] button");
    await expect.poll(() => refused.textContent()).toContain("Tanggal layanan tidak boleh setelah hari ini.");
    await opd.fill("[data-testid=decision-complete] textarea[name=service]", "");
    await opd.fill("[data-testid=decision-complete] input[name=reference]", "");
    // Sent empty: each missing field's reason once, the service date's limit kept in the field.
    await opd.fill("[data-testid=decision-complete] input[name=servedOn]", "");
    await opd.click("[data-testid=decision-complete] button");
    await expect.poll(() => refused.textContent()).toContain("Tanggal layanan wajib diisi.");
    expect(await refused.textContent()).not.toContain("isian lain");
    expect(await opd.getAttribute("[data-testid=decision-complete] input[name=servedOn]", "max")).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await opd.fill("[data-testid=decision-complete] input[name=servedOn]", dayIn("Asia/Jakarta"));
    await opd.fill(
      "[data-testid=decision-complete] textarea[name=service]",
      "Didaftarkan PBI-JK dan dirawat di RSUD.",
    );
    await opd.fill("[data-testid=decision-complete] input[name=reference]", "PBI/2026/0457");
    await opd.click("[data-testid=decision-complete] button");
    await expect.poll(() => opd.textContent("[data-testid=referral-state]")).toBe("Selesai");
    expect(await opd.textContent("[data-testid=timeline]")).toContain("spv.slawi");
    // Out of the OPD's inbox, on its list of work done, on a phone as on a laptop.
    await opd.setViewportSize({ width: 360, height: 640 });
    await opd.getByRole("button", { name: "Menu" }).click();
    await opd.locator("nav").getByRole("link", { name: "Perlu tindakan" }).click();
    const served = opd.locator("[data-testid=served-referrals]");
    await expect.poll(() => served.textContent()).toContain(SITI.name);
    expect(await served.textContent()).toContain("PBI/2026/0457");
    expect(await served.textContent()).toContain("Kalisapu");
    await expect.poll(() => opd.textContent("[data-testid=inbox-referrals]")).toContain("Tidak ada rujukan.");
    expect(await opd.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await served.getByRole("link", { name: SITI.name }).click();
    await expect.poll(() => opd.textContent("[data-testid=referral-state]")).toBe("Selesai");

    const resident = await newPage(app);
    await resident.goto("/status");
    await resident.fill("#code", c.trackingCode);
    await resident.fill("#nikLast4", SITI.nik.slice(-4));
    await resident.click("button[type=submit]");
    await expect.poll(() => resident.textContent("[data-testid=public-state]")).toBe("Selesai");
    expect(await resident.textContent("[data-testid=public-referral]")).toBe(
      "Selesai dilayani dinas tujuan (Dinas Kesehatan)",
    );
    for (const p of [bo, spv, manajer, opd, resident]) await p.context().close();
  });
});

describe("the manager's catalog in Chromium", () => {
  it("adds a kabupaten program and OPD that the approval form offers at once", async () => {
    const manajer = await signedInPage(app, "manajer");
    await manajer.click("nav >> text=Katalog");
    await manajer.fill("[data-testid=new-program]", "JAMKESDA Tegal");
    // The field of social welfare services is required: left on "— pilih —", the form says so.
    await manajer.click("button:has-text('Tambah program')");
    await expect.poll(() => manajer.textContent(".alert")).toBe("Bidang layanan wajib diisi.");
    await manajer.selectOption("#new-program-service-field", { label: "Jaminan sosial" });
    await manajer.click("button:has-text('Tambah program')");
    await expect.poll(() => manajer.textContent(".alert")).toBe("Program JAMKESDA Tegal ditambahkan.");
    await expect
      .poll(() => manajer.textContent("[data-testid=programs-jaminan]"))
      .toContain("JAMKESDA Tegal");
    await manajer.fill("[data-testid=new-opd]", "RSUD dr. Soeselo");
    await manajer.click("button:has-text('Tambah OPD')");
    await expect.poll(() => manajer.textContent(".alert")).toBe("OPD RSUD dr. Soeselo ditambahkan.");

    const c = await forwardedComplaint();
    const bo = await signedInPage(app, "bo.kalisapu");
    const created = await bo.request.post("/api/referrals", {
      headers: { origin: app.server.url },
      data: {
        id: crypto.randomUUID(),
        complaintId: c.id,
        reason: "Perlu rawat inap.",
        urgency: "biasa",
        needs: "Biaya rawat inap.",
        opds: [],
        programs: [],
      },
    });
    const id = ((await created.json()) as { id: string }).id;
    const spv = await signedInPage(app, "spv.slawi");
    await spv.request.post(`/api/referrals/${id}/forward`, {
      headers: { origin: app.server.url },
      data: { version: 1 },
    });
    await manajer.goto(`/rujukan/${id}`);
    await manajer.selectOption("[data-testid=approve-opd]", "rsud-dr-soeselo");
    await manajer.selectOption("[data-testid=decision-approve] select[name=program]", "jamkesda-tegal");
    await manajer.click("[data-testid=decision-approve] button");
    await expect.poll(() => manajer.textContent("main")).toContain("RSUD dr. Soeselo · JAMKESDA Tegal");
    for (const p of [manajer, bo, spv]) await p.context().close();
  });
});

describe("a referral an OPD declined, in Chromium", () => {
  it("does not offer the manager the OPD that declined as the desa's choice, nor pick it already", async () => {
    const c = await forwardedComplaint();
    const post = async (page: Page, path: string, data: unknown) => {
      const res = await page.request.post(path, { headers: { origin: app.server.url }, data });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as { id: string };
    };
    const bo = await signedInPage(app, "bo.kalisapu");
    const { id } = await post(bo, "/api/referrals", {
      id: crypto.randomUUID(),
      complaintId: c.id,
      reason: "Perlu rawat inap.",
      urgency: "biasa",
      needs: "Biaya rawat inap.",
      opds: ["dinas-kesehatan"],
      programs: ["kis-pbi"],
    });
    const spv = await signedInPage(app, "spv.slawi");
    await post(spv, `/api/referrals/${id}/forward`, { version: 1 });
    const manajer = await signedInPage(app, "manajer");
    await post(manajer, `/api/referrals/${id}/approve`, {
      version: 2,
      opd: "dinas-kesehatan",
      program: "kis-pbi",
    });
    const dinkes = await signedInPage(app, "opd.dinkes");
    // The OPD is told where the resident lives, as the letter tells it.
    await dinkes.goto(`/rujukan/${id}`);
    await expect
      .poll(() => dinkes.textContent("[data-testid=referral-place]"))
      .toBe("Desa Kalisapu, Kecamatan Slawi");
    await post(dinkes, `/api/referrals/${id}/decline`, { version: 3, reason: "Bukan kewenangan kami." });
    await manajer.goto(`/rujukan/${id}`);
    await manajer.waitForSelector("[data-testid=approve-opd]");
    expect(await manajer.inputValue("[data-testid=approve-opd]")).toBe("");
    expect(
      await manajer
        .locator('[data-testid=approve-opd] optgroup[label="Usulan desa"] option[value=dinas-kesehatan]')
        .count(),
    ).toBe(0);
    // Still there to choose, among the others.
    expect(await manajer.locator("[data-testid=approve-opd] option[value=dinas-kesehatan]").count()).toBe(1);
    // Assigned to another OPD, its page still says which declined it.
    await post(manajer, `/api/referrals/${id}/approve`, { version: 4, opd: "bpjs", program: "kis-pbi" });
    await manajer.reload();
    await expect
      .poll(() => manajer.textContent("[data-testid=referral-declined-opds]"))
      .toBe("Dinas Kesehatan");
    for (const p of [manajer, bo, spv, dinkes]) await p.context().close();
  });
});

describe("fields of social welfare services in Chromium", () => {
  it("lets the manager move a programme to another field on a phone, and the back office record one", async () => {
    const manajer = await signedInPage(app, "manajer");
    await manajer.setViewportSize({ width: 360, height: 640 });
    await manajer.goto("/katalog");
    expect(await manajer.textContent("[data-testid=programs-jaminan]")).toContain("Program Keluarga Harapan");
    const form = manajer.getByTestId("service-field-form");
    await form
      .getByLabel("Program", { exact: true })
      .selectOption({ label: "Kelompok Usaha Bersama (KUBE)" });
    // The field select starts at the programme's current field.
    expect(await form.getByLabel("Bidang layanan").inputValue()).toBe("pemberdayaan");
    await form
      .getByLabel("Program", { exact: true })
      .selectOption({ label: "Program Keluarga Harapan (PKH)" });
    expect(await form.getByLabel("Bidang layanan").inputValue()).toBe("jaminan");
    await form.getByLabel("Bidang layanan").selectOption({ label: "Perlindungan sosial" });
    await form.getByRole("button", { name: "Ubah bidang layanan" }).click();
    await expect
      .poll(() => manajer.textContent(".alert"))
      .toBe("Bidang layanan Program Keluarga Harapan (PKH): Perlindungan sosial.");
    await expect
      .poll(() => manajer.textContent("[data-testid=programs-perlindungan]"))
      .toContain("Program Keluarga Harapan (PKH)");
    expect(await manajer.textContent("[data-testid=programs-jaminan]")).not.toContain(
      "Program Keluarga Harapan",
    );
    expect(await form.getByLabel("Bidang layanan").inputValue()).toBe("perlindungan");
    const [scroll, client] = await manajer.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);
    const catalog = (await (await manajer.request.get("/api/catalog")).json()) as {
      programs: { code: string; serviceField?: string }[];
    };
    expect(catalog.programs.find((p) => p.code === "pkh")?.serviceField).toBe("perlindungan");

    // The back office's handling names its field too, optionally.
    const c = await forwardedComplaint();
    const bo = await signedInPage(app, "bo.kalisapu");
    await bo.setViewportSize({ width: 360, height: 640 });
    await bo.goto(`/pengaduan/${c.id}`);
    await bo.getByLabel("Jawaban / informasi yang diberikan").fill("Diarahkan ke pendamping PKH desa.");
    expect(await bo.getByLabel("Bidang layanan (bila ada)").inputValue()).toBe("");
    await bo.getByLabel("Bidang layanan (bila ada)").selectOption({ label: "Jaminan sosial" });
    await bo.getByRole("button", { name: "Simpan penanganan" }).click();
    await expect.poll(() => bo.textContent("[data-testid=complaint-state]")).toBe("Sedang ditangani");
    expect(await bo.textContent("[data-testid=complaint-service-field]")).toBe(
      "Bidang layanan: Jaminan sosial",
    );
    for (const p of [manajer, bo]) await p.context().close();
  });
});

describe("OPDs per complaint category in Chromium", () => {
  it("lets the manager choose a category's OPDs on a phone, and the back office's referral suggests them", async () => {
    const manajer = await signedInPage(app, "manajer");
    await manajer.setViewportSize({ width: 360, height: 640 });
    await manajer.goto("/katalog");
    const health = manajer.getByTestId("category-route-kesehatan");
    expect(await health.locator("summary").textContent()).toBe("Kesehatan — Dinas Kesehatan, RSUD, BPJS");
    await health.locator("summary").click();
    await health.getByLabel("BPJS").uncheck();
    await health.getByLabel("Dinas Sosial").check();
    await expect.poll(() => manajer.textContent("main")).toContain("Ada perubahan yang belum disimpan.");
    await manajer.getByRole("button", { name: "Simpan OPD per kategori" }).click();
    // The answer sits by the button, not at the top of a long page.
    const answer = manajer.locator("#kategori ~ .edit-answer");
    await expect.poll(() => answer.textContent()).toBe("OPD per kategori pengaduan disimpan.");
    await expect.poll(() => inViewport(answer)).toBe(true);
    // The summary follows once the saved catalogue is read back, which may come after the answer.
    await expect
      .poll(() => health.locator("summary").textContent())
      .toBe("Kesehatan — Dinas Kesehatan, RSUD, Dinas Sosial");
    const [scroll, client] = await manajer.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(client);

    const c = await forwardedComplaint();
    const bo = await signedInPage(app, "bo.kalisapu");
    await bo.goto(`/pengaduan/${c.id}`);
    await bo.click("[data-testid=back-office] >> text=Rujuk");
    const suggested = bo.locator("[data-testid=refer-form] fieldset").first();
    await expect.poll(() => suggested.textContent()).toContain("Dinas Sosial (kategori)");
    expect(await suggested.textContent()).not.toContain("BPJS");
    for (const p of [manajer, bo]) await p.context().close();
  });
});

describe("a slow catalogue", () => {
  it("keeps the back office's ticks when the kabupaten's catalogue arrives late", async () => {
    const c = await forwardedComplaint();
    const bo = await signedInPage(app, "bo.kalisapu");
    await bo.context().route("**/api/catalog", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await bo.goto(`/pengaduan/${c.id}`);
    await bo.click("[data-testid=back-office] >> text=Rujuk");
    await bo.check("[data-testid=refer-form] input[value=rsud]");
    await bo.waitForTimeout(2000);
    expect(await bo.isChecked("[data-testid=refer-form] input[value=rsud]")).toBe(true);
    await bo.context().close();
  });
});
