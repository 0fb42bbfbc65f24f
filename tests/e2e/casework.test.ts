import { createHash, generateKeyPairSync, randomUUID, sign } from "node:crypto";
import type { APIRequestContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "@puskesos/core/time/calendar";
import {
  answer,
  e2eApp,
  inViewport,
  refusalMarks,
  signedInContext,
  signedInPage,
  loseAnswers,
} from "../support/browser.ts";

/**
 * One case from opening to approved termination on a 360 px phone, with an admission to a shelter and
 * the discharge: the social worker and the kecamatan's supervisor, each on their own phone.
 */
const app = e2eApp();
const PHONE = { width: 360, height: 640 };

const phone = (username: string) => signedInPage(app, username, PHONE);

/** The page fits the phone: nothing scrolls sideways. */
async function fits(page: Page) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, page.url()).toBeLessThanOrEqual(client);
}

const state = (page: Page) => page.textContent("[data-testid=case-state]");

/** Opens an action's form, lets `fill` fill it, and sends it. */
async function act(page: Page, action: string, fill: (form: string) => Promise<void> = async () => {}) {
  await page.click(`[data-testid=open-${action}]`);
  const form = `[data-testid=decision-${action}]`;
  await page.waitForSelector(form);
  await fits(page);
  await fill(form);
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector(form, { state: "detached" });
  // Its answer is at the top, under the title, screens above the form on a phone: brought into view.
  await expect.poll(() => inViewport(page.locator("main .alert.success"))).toBe(true);
}

/** A case the outreach team opened through the API, for a test about what follows: its id. */
async function outreachCase(request: APIRequestContext, client: Record<string, unknown>): Promise<string> {
  const opened = await request.post("/api/cases", {
    headers: { origin: app.server.url },
    data: { id: crypto.randomUUID(), source: "penjangkauan", client },
  });
  expect(opened.status()).toBe(201);
  return ((await opened.json()) as { id: string }).id;
}

beforeAll(async () => {
  const admin = await signedInPage(app, "admin");
  const added = await admin.request.post("/api/facilities", {
    headers: { origin: app.server.url },
    data: {
      code: "rps-slawi",
      name: "RPS Slawi",
      kind: "rumah-singgah",
      capacityL: 4,
      capacityP: 4,
      longStayDays: 14,
    },
  });
  expect(added.status()).toBe(201);
  await admin.context().close();
});

describe("a case on a phone", () => {
  it("goes from opening through assessment, an approved plan, a shelter stay, to an approved termination", async () => {
    const worker = await phone("peksos.slawi");
    await worker.click("text=Menu");
    await worker.click("nav >> text=Kasus");
    await worker.click("text=Buka kasus baru");
    await worker.selectOption("#case-source", "satpol-pp");
    await worker.fill("input[name=name]", "Pak Darto");
    await worker.check("input[name=sex][value=L]");
    await worker.fill("input[name=origin]", "Ditemukan di Terminal Slawi");
    // Out of range and a list left unchosen: the app says which field and why, in Indonesian, once,
    // under the field (not the browser's tooltip in its own language).
    await worker.fill("input[name=estimatedAge]", "250");
    await worker.click("[data-testid=case-new] button[type=submit]");
    await expect
      .poll(() => worker.textContent("[data-testid=case-new] .error"))
      .toContain("Perkiraan umur maksimal 120.");
    expect(await worker.textContent("[data-testid=case-new]")).toContain("Jenis PPKS wajib dipilih.");
    // Said once: under the fields, with no alert at the top repeating the first of them.
    expect(await worker.locator(".alert").count()).toBe(0);
    await worker.fill("input[name=estimatedAge]", "58");
    // A type the age does not fit is asked about under the list, with a box to confirm it.
    await worker.selectOption("select[name=ppks]", "lansia-terlantar");
    await worker.click("[data-testid=case-new] button[type=submit]");
    await expect
      .poll(() => worker.textContent("[data-testid=case-new] .error"))
      .toContain("Umur klien 58 tahun (dari perkiraan umur) di luar Lanjut Usia Terlantar");
    expect(await worker.isVisible("input[name=ppksAgeConfirmed]")).toBe(true);
    await worker.selectOption("select[name=ppks]", "gelandangan");
    // The kecamatan's worker and the kabupaten-wide one are told apart by their areas.
    await expect
      .poll(() => worker.locator("#case-worker option").allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\(peksos\.slawi\) · Kecamatan Slawi$/),
          expect.stringMatching(/\(peksos\) · Kabupaten Tegal$/),
        ]),
      );
    await fits(worker);
    await worker.click("[data-testid=case-new] button[type=submit]");
    await worker.waitForSelector("[data-testid=case-state]");
    await expect.poll(() => state(worker)).toBe("Asesmen");
    expect(await worker.textContent("main")).toContain("identitas belum terverifikasi");
    await fits(worker);
    // The actions are for the screen: on paper neither they nor their heading show.
    expect(await worker.isVisible("h2:has-text('Tindakan')")).toBe(true);
    await worker.emulateMedia({ media: "print" });
    expect(await worker.isVisible("h2:has-text('Tindakan')")).toBe(false);
    await worker.emulateMedia({ media: "screen" });

    await act(worker, "assess", async (form) => {
      await worker.fill(`${form} textarea[name=problems]`, "Tidak punya tempat tinggal dan identitas.");
      await worker.fill(`${form} textarea[name=needs]`, "Tempat tinggal sementara, pelacakan keluarga.");
      await worker.check(`${form} input[value=tanpa-tempat-tinggal]`);
    });
    await act(worker, "submit-plan", async (form) => {
      // The next step begun, the last one's "Asesmen dicatat." no longer describes the page.
      expect(await worker.locator("main .alert.success").count()).toBe(0);
      // Sent with the goal empty: the reason names "Tujuan 1" (not "goals.0.goal"), and that field
      // takes the focus, marked wrong, on a phone that would otherwise show the reason far above.
      await worker.fill(`${form} textarea[name="goals.0.strategy"]`, "Penempatan di rumah singgah");
      await worker.fill(`${form} input[name="goals.0.steps.0.step"]`, "Antar ke RPS Slawi");
      await worker.click(`${form} button[type=submit]`);
      await expect.poll(() => worker.textContent(`${form} [role=alert]`)).toContain("Tujuan 1 wajib diisi.");
      // The reason and the field it names are both on the screen.
      expect(await inViewport(worker.locator(`${form} [role=alert]`))).toBe(true);
      expect(await inViewport(worker.locator(`${form} input[name="goals.0.goal"]`))).toBe(true);
      expect(
        await worker.evaluate(() => [
          document.activeElement?.getAttribute("name"),
          document.activeElement?.getAttribute("aria-invalid"),
        ]),
      ).toEqual(["goals.0.goal", "true"]);
      await worker.fill(`${form} input[name="goals.0.goal"]`, "Tempat tinggal sementara yang aman");
      await worker.fill(`${form} textarea[name="goals.0.strategy"]`, "Penempatan di rumah singgah");
      await worker.fill(`${form} input[name="goals.0.steps.0.step"]`, "Antar ke RPS Slawi");
    });
    await expect.poll(() => state(worker)).toBe("Rencana menunggu persetujuan");
    // Printed, the case file shows its content (a receipt slip's print styles hid everything).
    await worker.emulateMedia({ media: "print" });
    expect(await worker.isVisible("h1")).toBe(true);
    expect(await worker.isVisible("text=Tempat tinggal sementara yang aman")).toBe(true);
    expect(await worker.isVisible("text=Cetak berkas")).toBe(false);
    // Dated and signed by whoever printed it, on paper only.
    expect(await worker.textContent("[data-testid=printed-on]")).toMatch(
      /^Dicetak \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}\.\d{2} WIB oleh Fitri Handayani$/,
    );
    expect(await worker.isVisible("[data-testid=printed-on]")).toBe(true);
    await worker.emulateMedia({ media: "screen" });
    expect(await worker.isVisible("[data-testid=printed-on]")).toBe(false);

    const spv = await phone("spv.slawi");
    await spv.click("[data-testid=home-cases] >> text=Buka");
    await spv.click("[data-testid=inbox-cases] >> text=Pak Darto");
    await spv.waitForSelector("[data-testid=case-state]");
    await act(spv, "approve-plan");
    await expect.poll(() => state(spv)).toBe("Intervensi");

    await worker.reload();
    await worker.waitForSelector("[data-testid=case-state]");
    await act(worker, "admit", async (form) => {
      await worker.selectOption(`${form} select[name=facility]`, "rps-slawi");
    });
    await expect.poll(() => worker.textContent("main")).toContain("RPS Slawi: masuk");
    await act(worker, "intervene", async (form) => {
      await worker.selectOption(`${form} select[name=kind]`, "penempatan");
      await worker.selectOption(`${form} select[name=goalId]`, "t1");
      await worker.selectOption(`${form} select[name=completesStep]`, "t1.1");
      await worker.fill(`${form} textarea[name=description]`, "Diantar ke RPS Slawi.");
    });
    await expect.poll(() => worker.textContent("[data-testid=plan-goal]")).toContain("selesai");
    // The case notes say which step it completed, in the plan's words.
    expect(await worker.textContent("[data-testid=case-entries]")).toContain(
      "Langkah yang diselesaikanAntar ke RPS Slawi",
    );
    await act(worker, "discharge");
    await expect.poll(() => worker.textContent("main")).toContain(", keluar");
    await act(worker, "evaluate", async (form) => {
      await worker.selectOption(`${form} select[name="goals.0.progress"]`, "tercapai");
    });
    await expect.poll(() => state(worker)).toBe("Evaluasi");
    await act(worker, "submit-termination", async (form) => {
      await worker.selectOption(`${form} select[name=reason]`, "kembali-ke-keluarga");
      await worker.fill(`${form} input[name=destination]`, "Rumah anaknya di Brebes");
    });
    await expect.poll(() => state(worker)).toBe("Terminasi menunggu persetujuan");

    await spv.goto("/perlu-tindakan");
    await spv.click("[data-testid=inbox-cases] >> text=Pak Darto");
    await spv.waitForSelector("[data-testid=case-state]");
    // Sent back once: the worker sends it again from what was written, not from an empty form.
    await act(spv, "return-termination", async (form) => {
      await spv.fill(`${form} textarea[name=note]`, "Lampirkan surat pernyataan keluarga.");
    });
    await worker.reload();
    await act(worker, "submit-termination", async (form) => {
      expect(await worker.inputValue(`${form} select[name=reason]`)).toBe("kembali-ke-keluarga");
      expect(await worker.inputValue(`${form} input[name=destination]`)).toBe("Rumah anaknya di Brebes");
      await worker.fill(`${form} textarea[name=notes]`, "Surat pernyataan keluarga dilampirkan.");
    });
    await expect.poll(() => state(worker)).toBe("Terminasi menunggu persetujuan");
    await spv.reload();
    await spv.waitForSelector("[data-testid=case-state]");
    await act(spv, "approve-termination");
    await expect.poll(() => state(spv)).toBe("Ditutup");
    const entries = await spv.textContent("[data-testid=case-entries]");
    for (const label of [
      "Kasus dibuka",
      "Asesmen dicatat",
      "Rencana disetujui",
      "Ditempatkan di fasilitas",
      "Evaluasi dicatat",
    ])
      expect(entries).toContain(label);
    // A chosen reason or kind reads as the list said it, not as its code.
    expect(entries).toContain("Kembali ke keluarga");
    expect(entries).toContain("Penempatan");
    expect(entries).not.toContain("kembali-ke-keluarga");
    await fits(spv);

    await worker.goto("/fasilitas");
    await worker.waitForSelector("[data-testid=facility-table] >> text=RPS Slawi");
    expect(await worker.textContent("[data-testid=facility-table]")).toContain("4 dari 4");
    await fits(worker);
  });

  it("lets the manager change a facility's beds on a phone, naming a field left wrong", async () => {
    const manajer = await phone("manajer");
    await manajer.goto("/fasilitas");
    await manajer.waitForSelector("[data-testid=facility-table] >> text=RPS Slawi");
    await manajer.getByRole("button", { name: "Ubah" }).first().click();
    const form = manajer.getByTestId("facility-edit");
    expect(await form.getByLabel("Nama fasilitas").inputValue()).toBe("RPS Slawi");
    await form.getByLabel("Kapasitas laki-laki").fill("");
    await form.getByRole("button", { name: "Simpan perubahan" }).click();
    // The reason sits in the form, under the field, where the officer's eyes are on a phone; said
    // once (no alert above repeating it), and the field takes the focus.
    const field = form.locator(".field.invalid");
    await expect.poll(() => field.locator(".error").textContent()).toBe("Kapasitas laki-laki wajib diisi.");
    expect(await field.locator("label").textContent()).toBe("Kapasitas laki-laki");
    expect(await form.locator(".alert").count()).toBe(0);
    expect(await manajer.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("capacityL");
    // What is not a number is not called missing.
    await form.getByLabel("Kapasitas laki-laki").pressSequentially("2e");
    await form.getByRole("button", { name: "Simpan perubahan" }).click();
    await expect
      .poll(() => field.locator(".error").textContent())
      .toBe("Kapasitas laki-laki harus berupa angka.");
    await form.getByLabel("Kapasitas laki-laki").fill("6");
    await form.getByRole("button", { name: "Simpan perubahan" }).click();
    await expect.poll(() => manajer.textContent(".alert")).toBe("RPS Slawi diubah.");
    await expect.poll(() => manajer.locator("[data-testid=facility-edit]").count()).toBe(0);
    await expect.poll(() => manajer.textContent("[data-testid=facility-table]")).toContain("6 dari 6");
    await fits(manajer);
  });

  it("hands a client over to a kabupaten the worker names, not one whose code they must know", async () => {
    const api = await signedInContext(app, "peksos.slawi");
    const id = await outreachCase(api.request, { name: "Pak Karto", sex: "L", ppks: "gelandangan" });
    const assessed = await api.request.post(`/api/cases/${id}/assess`, {
      headers: { origin: app.server.url },
      data: {
        version: 1,
        problems: "Tidur di emperan pasar.",
        needs: "Pulang ke keluarganya.",
        family: "Kakak klien di Bumiayu, Brebes.",
        conditions: ["tanpa-tempat-tinggal"],
      },
    });
    expect(assessed.status()).toBe(200);
    await api.close();

    const worker = await phone("peksos.slawi");
    // The same man brought in again: the form says his case is open, and opens a second only once the
    // worker says it is another person.
    await worker.goto("/kasus/baru");
    await worker.selectOption("#case-source", "penjangkauan");
    await worker.fill("input[name=name]", "karto");
    await worker.check("input[name=sex][value=L]");
    await worker.selectOption("select[name=ppks]", "gelandangan");
    await worker.click("[data-testid=case-new] button[type=submit]");
    await expect
      .poll(() => worker.textContent("[data-testid=case-new] .error"))
      .toContain("Sudah ada kasus terbuka untuk Pak Karto di wilayah Anda");
    expect(await worker.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("name");
    await worker.check("input[name=sameNameConfirmed]");
    await worker.click("[data-testid=case-new] button[type=submit]");
    await worker.waitForSelector("[data-testid=case-state]");
    await fits(worker);

    await worker.goto(`/kasus/${id}`);
    await worker.waitForSelector("[data-testid=case-state]");
    await worker.click("[data-testid=open-hand-over]");
    const form = "[data-testid=decision-hand-over]";
    const field = worker.getByLabel("Kabupaten/kota tujuan (nama atau kode Kemendagri)");
    const named = worker.locator("[data-testid=toKabupatenCode-named]");
    // The name finds the code; the list offers every kabupaten and kota by both.
    await field.fill("Jayapura");
    await expect
      .poll(() => named.textContent())
      .toBe("Kabupaten Jayapura (91.03) atau Kota Jayapura (91.71): pilih dari daftar.");
    // Spelled as officers spell it: a hyphen, "Kab.", or a typo that fits nothing.
    await field.fill("Bau-Bau");
    await expect.poll(() => named.textContent()).toBe("Kota Bau Bau (74.72): pilih dari daftar.");
    // A whole name, though a longer one holds it, is that kabupaten.
    await field.fill("Kota Tangerang");
    await expect.poll(() => named.textContent()).toBe("Kota Tangerang (36.71): pilih dari daftar.");
    await field.fill("Jayapura Kota");
    await expect.poll(() => named.textContent()).toBe("Kota Jayapura (91.71): pilih dari daftar.");
    await field.fill("Kota Adm. Jakarta Pusat");
    await expect
      .poll(() => named.textContent())
      .toBe("Kota Administrasi Jakarta Pusat (31.71): pilih dari daftar.");
    await field.fill("Brebbes");
    await expect
      .poll(() => named.textContent())
      .toBe('Tidak ada kabupaten/kota bernama "Brebbes". Periksa ejaannya, atau ketik kodenya.');
    await field.fill("Kab. Brebes");
    await expect.poll(() => named.textContent()).toBe("Kabupaten Brebes (33.29): pilih dari daftar.");
    expect(await worker.locator("#toKabupatenCode-list option[value='33.29']").textContent()).toBe(
      "Kabupaten Brebes",
    );
    // A name that fits one only becomes its code as the officer moves on.
    await field.press("Tab");
    expect(await field.inputValue()).toBe("33.29");
    await expect.poll(() => named.textContent()).toBe("Kabupaten Brebes");
    await worker.fill(`${form} input[name=receiver]`, "Dinas Sosial Kabupaten Brebes");
    await worker.fill(`${form} textarea[name=reason]`, "Keluarga klien tinggal di Brebes.");
    await fits(worker);
    // The case closes here for good: asked first, and "Batal" leaves it as it was.
    // Its own kabupaten: refused at once, with no question about a step that cannot happen.
    await field.fill("33.28");
    await worker.click(`${form} button[type=submit]`);
    await expect
      .poll(() => worker.textContent(`${form} .alert`).catch(() => ""))
      .toBe("Kabupaten tujuan harus kabupaten/kota lain.");
    expect(await worker.locator("dialog.ask").count()).toBe(0);
    await field.fill("Kab. Brebes");
    await worker.click(`${form} button[type=submit]`);
    expect(await answer(worker, false)).toMatch(
      /^Serahkan Pak Karto ke Kabupaten Brebes\?\s+Kasus ini akan ditutup di sini/,
    );
    expect(await worker.inputValue(`${form} input[name=receiver]`)).toBe("Dinas Sosial Kabupaten Brebes");
    expect(await worker.evaluate(() => document.activeElement?.textContent)).toBe(
      "Serahkan ke kabupaten/kota lain",
    );
    await worker.click(`${form} button[type=submit]`);
    await answer(worker, true);
    await expect.poll(() => state(worker)).toBe("Diserahkan ke kabupaten/kota lain");
    expect(await worker.textContent("main")).toContain("Kabupaten Brebes");
    // The letter to print carries the family contact and the conditions, for the receiving Dinas Sosial.
    await worker.click("[data-testid=handover-letter-link]");
    const letter = worker.locator("[data-testid=handover-letter]");
    await expect
      .poll(() => letter.textContent())
      .toContain("Keluarga dan sumber bantuan: Kakak klien di Bumiayu, Brebes.");
    expect(await letter.textContent()).toContain("Kondisi: Tidak punya tempat tinggal.");
    expect(await letter.textContent()).toContain("kepada Dinas Sosial Kabupaten Brebes:");

    // A file that is no handover file: refused by name, the picker marked and focused.
    await worker.goto("/kasus");
    await worker.setInputFiles("#handover-file", {
      name: "rusak.json",
      mimeType: "application/json",
      buffer: Buffer.from("bukan berkas serah terima"),
    });
    await worker.click("[data-testid=handover-import] button[type=submit]");
    await expect.poll(() => worker.locator("#handover-import-answer").count()).toBe(1);
    expect(await refusalMarks(worker, "handover-file")).toEqual([true, "true", "handover-import-answer"]);
  });
});

/** JSON with its keys sorted at every level, written here apart from the app: the bytes another stack signs. */
const sorted = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(sorted).join(",")}]`
    : value && typeof value === "object"
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${sorted((value as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(value);

describe("a hand-over on a weak link", () => {
  it("still asks before closing the case when the kabupaten list could not load, naming it by code", async () => {
    const worker = await phone("peksos.slawi");
    const id = await outreachCase(worker.request, { name: "Bu Sarni", sex: "P", ppks: "gelandangan" });
    // The list of kabupaten never arrives.
    await worker.route("**/api/regions/kabupaten", (route) => route.abort());
    await worker.goto(`/kasus/${id}`);
    await worker.click("[data-testid=open-hand-over]");
    const form = "[data-testid=decision-hand-over]";
    await worker.getByLabel("Kabupaten/kota tujuan (nama atau kode Kemendagri)").fill("33.29");
    await expect
      .poll(() => worker.textContent("[data-testid=toKabupatenCode-named]"))
      .toBe("Daftar kabupaten belum termuat; kode ini diperiksa saat dikirim.");
    await worker.fill(`${form} input[name=receiver]`, "Dinas Sosial Kabupaten Brebes");
    await worker.fill(`${form} textarea[name=reason]`, "Keluarga klien tinggal di Brebes.");
    await worker.click(`${form} button[type=submit]`);
    expect(await answer(worker, false)).toMatch(
      /^Serahkan Bu Sarni ke kabupaten 33\.29\?\s+Kasus ini akan ditutup/,
    );
    expect(await state(worker)).toBe("Asesmen");
  });
});

describe("a client handed over from another kabupaten", () => {
  it("is trusted by the admin from the home page, imported by the worker, and arrives with what the sender knew", async () => {
    // Kabupaten Brebes's stack: its own key pair, as the other stack holds it.
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const keyId = createHash("sha256")
      .update(publicKey.export({ type: "spki", format: "der" }))
      .digest("hex")
      .slice(0, 16);

    const admin = await phone("admin");
    await admin.getByRole("link", { name: "Kunci serah terima", exact: true }).click();
    await admin.getByLabel("Kabupaten/kota pengirim (nama atau kode Kemendagri)").fill("33.29");
    // A private key pasted by mistake: refused in the browser, and not left on the screen.
    const box = "[data-testid=trust-sender] textarea[name=publicKey]";
    await admin.fill(box, privateKey.export({ type: "pkcs8", format: "pem" }).toString());
    await admin.click("[data-testid=trust-sender] button[type=submit]");
    await expect.poll(() => admin.textContent("main")).toContain("Ini kunci privat, bukan kunci publik");
    expect(await admin.inputValue(box)).toBe("");
    await admin.fill("[data-testid=trust-sender] textarea[name=publicKey]", pem);
    // The pasted key's fingerprint, to read out on the phone before trusting it: the server's own.
    await expect.poll(() => admin.textContent("[data-testid=pasted-key-id]")).toContain(keyId);
    await fits(admin);
    await admin.click("[data-testid=trust-sender] button[type=submit]");
    await expect.poll(() => admin.textContent("main")).toContain(keyId);
    await admin.context().close();

    // Handed over just after midnight in Tegal (WIB), the evening before in UTC.
    const issuedAt = "2026-11-30T17:30:00.000Z";
    const openedAt = "2026-11-20T02:00:00.000Z";
    const family = "Adik klien, Ibu Kasmi, Desa Kalisapu RT 02/RW 03, HP 0812-0000-1111.";
    const document = {
      id: randomUUID(),
      issuedAt,
      from: {
        kabupatenCode: "33.29",
        kabupatenName: "Kabupaten Brebes",
        workerName: "Sri Wahyuni",
        workerUsername: "peksos.bumiayu",
        keyId,
      },
      to: {
        kabupatenCode: "33.28",
        kabupatenName: "Kabupaten Tegal",
        receiver: "Dinas Sosial Kabupaten Tegal",
      },
      reason: "Keluarga klien tinggal di Slawi.",
      client: {
        name: "Pak Warsono",
        identityVerified: false,
        sex: "L",
        estimatedAge: 58,
        ppks: "gelandangan",
      },
      summary: {
        caseId: randomUUID(),
        openedAt,
        source: "penjangkauan",
        assessment: {
          problems: "Tidur di terminal, tidak punya tempat tinggal.",
          needs: "Dipulangkan ke keluarganya.",
          family,
          conditions: ["tanpa-identitas", "terpisah-keluarga"],
        },
        plan: [
          {
            id: "g1",
            goal: "Klien kembali ke keluarga",
            strategy: "Menghubungi adik klien.",
            steps: [{ id: "s1", step: "Menelepon adik klien", targetDate: "2026-11-25" }],
          },
        ],
        interventions: [{ date: "2026-11-22", kind: "rujukan", description: "Diperiksa di puskesmas." }],
        stays: [],
      },
    };
    const signature = sign(null, Buffer.from(sorted(document)), privateKey).toString("base64");
    const file = sorted({ format: "puskesos-serah-terima/1", document, signature });

    const worker = await phone("peksos.slawi");
    await worker.goto("/kasus");
    await worker.setInputFiles("#handover-file", {
      name: "serah-terima.json",
      mimeType: "application/json",
      buffer: Buffer.from(file),
    });
    await worker.click("[data-testid=handover-import] button[type=submit]");
    await worker.waitForSelector("[data-testid=handover-summary]");
    const summary = (await worker.textContent("[data-testid=handover-summary]")) ?? "";
    for (const shown of [
      "Kabupaten Brebes",
      "Sri Wahyuni",
      formatDateTime("Asia/Jakarta", issuedAt),
      formatDateTime("Asia/Jakarta", openedAt),
      "Keluarga klien tinggal di Slawi.",
      family,
      "Tidak punya dokumen identitas, Terpisah dari keluarga",
      "Klien kembali ke keluarga",
      "Menelepon adik klien (target 25 November 2026)",
      "Diperiksa di puskesmas.",
    ])
      expect(summary).toContain(shown);
    expect(formatDateTime("Asia/Jakarta", issuedAt)).toMatch(/^1 Des 2026/);
    expect(await state(worker)).toBe("Asesmen");
    await fits(worker);

    // The same file again: refused on the picker, which is marked and focused.
    await worker.goto("/kasus");
    await worker.setInputFiles("#handover-file", {
      name: "serah-terima.json",
      mimeType: "application/json",
      buffer: Buffer.from(file),
    });
    await worker.click("[data-testid=handover-import] button[type=submit]");
    await expect
      .poll(() => worker.textContent("#handover-import-answer").catch(() => ""))
      .toMatch(
        /^Berkas ini sudah diimpor: kasus Pak Warsono, dibuka \d+ Des 2026, \d\d\.\d\d WIB, ditangani Fitri Handayani\./,
      );
    expect(await refusalMarks(worker, "handover-file")).toEqual([true, "true", "handover-import-answer"]);

    // Brebes's key no longer trusted: removed by the admin after a question, gone from the list.
    const again = await phone("admin");
    await again.goto("/kunci-serah-terima");
    await again.getByRole("button", { name: "Hapus kunci Kabupaten Brebes" }).click();
    expect(await answer(again, true)).toMatch(/^Berhenti memercayai kunci Kabupaten Brebes/);
    await expect
      .poll(() => again.textContent("main"))
      .toContain("Belum ada kabupaten/kota pengirim terdaftar.");
    expect(await again.textContent("main")).toContain("Kunci Kabupaten Brebes dihapus.");
    await fits(again);
  });
});

describe("a case's step on a weak link", () => {
  it("reads an assessment sent again after its answer was lost as saved, not as another's change", async () => {
    const worker = await signedInPage(app, "peksos.slawi");
    const id = await outreachCase(worker.request, { name: "Pak Wiryo", sex: "L", ppks: "gelandangan" });
    await worker.goto(`/kasus/${id}`);
    await worker.click("[data-testid=open-assess]");
    const form = "[data-testid=decision-assess]";
    await worker.fill(`${form} textarea[name=problems]`, "Tidak punya tempat tinggal dan identitas.");
    await worker.fill(`${form} textarea[name=needs]`, "Tempat tinggal sementara, pelacakan keluarga.");
    await worker.check(`${form} input[value=tanpa-tempat-tinggal]`);
    // The assessment reaches the server; its answer never reaches the phone.
    await loseAnswers(worker, "**/assess");
    await worker.click(`${form} button[type=submit]`);
    await expect.poll(() => worker.textContent(form)).toContain("Tidak dapat terhubung");
    await worker.context().unroute("**/assess");
    await worker.click(`${form} button[type=submit]`);
    await expect.poll(() => worker.textContent("main .alert.success")).toBe("Asesmen dicatat.");
    expect(await worker.textContent("main")).not.toContain("sudah berubah");
    await worker.context().close();
  });
});
