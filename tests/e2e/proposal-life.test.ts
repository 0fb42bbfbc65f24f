/// <reference lib="dom" />
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dayIn } from "@puskesos/core/time/calendar";
import { answer, e2eApp, loseAnswers, signedInPage } from "../support/browser.ts";
import {
  controlledByServiceWorker,
  draftSavedSince,
  draftsOnDevice,
  offlineDocument,
} from "../support/offline.ts";
import { complaint, dpmCsv, JOKO, SITI, WATI } from "../support/residents.ts";

/**
 * A household's proposal for the DPM from the front office to the DPM import that closes the loop,
 * in Chromium, by the labels officers read: registered, handled by the back office at once, visited
 * offline by the survey team on a phone, confirmed at the musdes, exported by the manajer, and shown
 * as "masuk DPM" once the desa's next DPM holds it.
 */
const app = e2eApp();
const KALISAPU = "33.28.10.2001";
const CHILD = { nik: "3328101001150005", name: "Ahmad Kecil" };

/** What the device keeps for the field visits, as the browser stores it (IndexedDB of the user). */
const visitsKept = (page: Page, owner: string) =>
  page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((db) => db.name === name)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const request = db.transaction("visits").objectStore("visits").getAll();
    const all = await new Promise<{ clear?: Record<string, unknown> }[]>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    db.close();
    // The key itself is stored beside the records; the records are the ones with clear fields.
    return all.filter((r) => r.clear).map((r) => r.clear!);
  }, `puskesos.visits.${owner}`);

/** A signed-in user's API request, as the pages send it. */
const post = (page: Page, path: string, data: unknown) =>
  page.request.post(path, { headers: { origin: app.server.url }, data });

/** Wati's family card: Kecamatan Slawi, issued 12 March 2015. */
const WATI_KK = "3328101203150002";

describe("a household's proposal, from the front office to the DPM", () => {
  it(
    "registers, handles, visits offline, confirms at the musdes, exports and closes the loop",
    { timeout: 240_000 },
    async () => {
      const started = Date.now();
      // The desa's DPM holds Siti Aminah, not Wati Lestari.
      const admin = await signedInPage(app, "admin");
      await admin.request.put(`/api/dpm/${KALISAPU}`, {
        headers: { origin: app.server.url, "content-type": "text/csv" },
        data: dpmCsv([SITI]),
      });

      // 1. The front office: a resident without her card is found by name; Wati is registered.
      const fo = await signedInPage(app, "fo.kalisapu");
      await fo.goto("/pengaduan/baru");
      await fo.getByText("Tanpa KTP? Cari di DPM menurut nama").click();
      await fo.getByLabel("Nama di DPM").fill("siti");
      await fo.getByRole("button", { name: "Cari nama" }).click();
      await expect
        .poll(() => fo.textContent("[data-testid=dpm-name-result]"))
        .toContain("Siti Aminah 3328********0001");
      expect(await fo.textContent("[data-testid=dpm-name-result]")).not.toContain(SITI.nik);

      await fo.getByLabel("NIK", { exact: true }).fill(WATI.nik);
      await fo.getByRole("button", { name: "Periksa DPM" }).click();
      await expect.poll(() => fo.textContent("[data-testid=dpm-result]")).toContain("Tidak ada di DPM");
      await fo.getByLabel("Nama pelapor").fill(WATI.name);
      await fo.getByLabel("No. KK (bila ada)").fill(WATI_KK);
      await fo.getByLabel("RT", { exact: true }).fill("3");
      await fo.getByLabel("RW", { exact: true }).fill("1");
      await fo.getByLabel("Kategori").selectOption("perumahan");
      await fo.getByLabel("Uraian pengaduan").fill("Rumah bocor dan tidak ada penghasilan tetap.");
      await fo.getByLabel(/Warga telah diberi tahu dan menyetujui/).check();
      await fo.getByRole("button", { name: "Simpan pengaduan" }).click();
      const code = (await (await fo.waitForSelector("[data-testid=tracking-code]")).textContent())!.trim();
      // Not in the DPM, and at the back office at once.
      expect(await fo.textContent("main")).toContain("Pelapor belum ada di DPM Desa Kalisapu.");
      expect(await fo.textContent("[data-testid=receipt]")).toContain(
        "Status: Sedang diperiksa petugas Puskesos",
      );
      // The household: the reporter first, her child added.
      expect(await fo.getByLabel("NIK", { exact: true }).first().inputValue()).toBe(WATI.nik);
      // Her family card too, as typed at registration.
      expect(await fo.locator("#kk").inputValue()).toBe(WATI_KK);
      // Sent untouched, nothing is chosen for the officer: each list that needs a choice says so.
      await fo.getByRole("button", { name: "Kirim usulan" }).click();
      await expect.poll(() => fo.textContent("main")).toContain("Kondisi rumah wajib dipilih.");
      expect(await fo.textContent("main")).toContain("Sumber penghasilan wajib dipilih.");
      expect(await fo.textContent("main")).toContain("Hubungan keluarga wajib dipilih.");
      expect(await fo.locator("[data-testid=proposal-done]").count()).toBe(0);
      await fo.locator("#member-0-relationship").selectOption({ label: "Kepala keluarga" });
      await fo.getByRole("button", { name: "Tambah anggota" }).click();
      await fo.locator("#member-1-nik").fill(CHILD.nik);
      await fo.locator("#member-1-name").fill(CHILD.name);
      await fo.locator("#member-1-relationship").selectOption({ label: "Anak" });
      await fo.getByLabel("Kondisi rumah").selectOption({ label: "Tidak layak huni" });
      await fo.getByLabel("Sumber penghasilan utama").selectOption({ label: "Buruh harian lepas" });
      await fo.getByRole("button", { name: "Kirim usulan" }).click();
      await expect
        .poll(() => fo.textContent("[data-testid=proposal-done]"))
        .toContain("2 anggota) dikirim ke Tim Survei Lapangan. Status usulan: Diusulkan.");
      await expect.poll(() => fo.textContent("[data-testid=receipt]")).toContain("Usulan DPM: Diusulkan");
      const found = await (await post(fo, "/api/complaints/search", { nik: WATI.nik })).json();
      const complaintId: string = found.items[0].id;
      const proposalId: string = found.items[0].proposalId;

      // 2. The back office has it at once, with the mark beside the DPM line, and handles it.
      const bo = await signedInPage(app, "bo.kalisapu");
      // The home page counts what waits: the complaint, not only referrals.
      await expect
        .poll(() => bo.textContent("[data-testid=home-inbox]"))
        .toMatch(/^1 pengaduan, 0 rujukan menunggu/);
      await bo.getByRole("link", { name: "Perlu tindakan" }).first().click();
      await bo.getByRole("link", { name: WATI.name }).click();
      await expect.poll(() => bo.textContent("[data-testid=complaint-dpm]")).toContain("Belum di DPM");
      expect(await bo.textContent("[data-testid=complaint-dpm]")).toContain("usulan: Diusulkan");
      await bo.getByLabel("Jawaban / informasi yang diberikan").fill("Rumah tangga diusulkan masuk DPM.");
      await bo.getByRole("button", { name: "Simpan penanganan" }).click();
      await expect.poll(() => bo.textContent("[data-testid=complaint-state]")).toBe("Sedang ditangani");
      await bo.context().close();

      // 3. The survey team schedules the visit for today.
      const survei = await signedInPage(app, "survei");
      await survei.getByRole("link", { name: "Usulan", exact: true }).click();
      await survei.getByRole("link", { name: /Wati Lestari \(3328\*{8}0003\)/ }).click();
      await expect.poll(() => survei.textContent("[data-testid=proposal-state]")).toBe("Diusulkan");
      expect(await survei.textContent("[data-testid=proposal-members]")).toContain("3328********0005");
      // The survey team works kabupaten-wide: the address says which desa and kecamatan.
      await expect
        .poll(() => survei.textContent("[data-testid=proposal-address]"))
        .toMatch(/^RT \d+ \/ RW \d+, Desa Kalisapu, Kecamatan Slawi$/);
      // On a weak link: the schedule reaches the server, its answer never reaches the page; sent
      // again, it reads as done, not as someone else's change.
      await loseAnswers(survei, "**/schedule");
      await survei.getByRole("button", { name: "Jadwalkan kunjungan" }).click();
      await expect
        .poll(() => survei.textContent("[data-testid=schedule-form]"))
        .toContain("Tidak dapat terhubung");
      await survei.context().unroute("**/schedule");
      await survei.getByRole("button", { name: "Jadwalkan kunjungan" }).click();
      await expect.poll(() => survei.textContent("[data-testid=proposal-state]")).toBe("Dijadwalkan verval");
      expect(await survei.textContent("main")).not.toContain("sudah berubah");
      await survei.context().close();

      // 4. In the field on a phone: the day's visits taken along, the result recorded without a connection.
      const field = await signedInPage(app, "survei");
      await field.setViewportSize({ width: 360, height: 640 });
      await field.getByRole("button", { name: "Menu" }).click();
      await field.getByRole("link", { name: "Kunjungan", exact: true }).click();
      await field.getByRole("button", { name: "Bawa kunjungan hari ini" }).click();
      await expect
        .poll(() => field.textContent("main"))
        .toContain("1 kunjungan hari ini disimpan di perangkat ini");
      // Kept sealed: ids and kinds in clear, never the household.
      const kept = await visitsKept(field, "survei");
      expect(kept).toContainEqual({ id: proposalId, kind: "visit" });
      expect(JSON.stringify(kept)).not.toContain("Wati");

      // Out of reach of the network: the page opens again from the device (app shell and the visits kept).
      await controlledByServiceWorker(field);
      await field.context().setOffline(true);
      await field.reload();
      await offlineDocument(field);
      // Every page says the device has no connection, and that what is saved waits on it.
      await expect
        .poll(() => field.textContent("[data-testid=offline-note]"))
        .toBe(
          "Tidak tersambung ke internet. Pengaduan, usulan, dan hasil verval yang disimpan tetap di perangkat ini dan dikirim sendiri saat tersambung; tindakan lain perlu diulang saat tersambung.",
        );
      const visit = field.locator(`[data-testid=visit-${proposalId}]`);
      await expect.poll(() => visit.locator("h2").textContent()).toBe(WATI.name);
      await visit.getByRole("button", { name: "Catat hasil" }).click();
      // Sent empty: the result and the reason are asked for; each goes once it is given.
      const secondName = visit.locator("[name$='-m1-name']");
      const proposedName = await secondName.inputValue();
      await secondName.fill("");
      await visit.getByRole("button", { name: "Simpan hasil verval" }).click();
      await expect.poll(() => visit.locator("[id$='-reason-error']").count()).toBe(1);
      expect(await visit.locator("[id$='-result-error']").count()).toBe(1);
      // The second member's missing name stays on its own row when the first is unticked.
      expect(await visit.locator("[id$='-m1-name-error']").count()).toBe(1);
      await visit.locator("[name$='-m0-keep']").uncheck();
      expect(await visit.locator("[id$='-m1-name-error']").count()).toBe(1);
      await visit.locator("[name$='-m0-keep']").check();
      await secondName.fill(proposedName);
      await expect.poll(() => visit.locator("[id$='-m1-name-error']").count()).toBe(0);
      await visit.getByLabel("Layak", { exact: true }).check();
      await expect.poll(() => visit.locator("[id$='-result-error']").count()).toBe(0);
      await visit.getByLabel("Alasan").fill("Rumah tidak layak huni, penghasilan tidak tetap.");
      await expect.poll(() => visit.locator("[id$='-reason-error']").count()).toBe(0);
      await visit.getByRole("button", { name: "Tambah anggota" }).click();
      const typed = await field.evaluate(() => Date.now());
      await visit.locator("[name$='-n0-name']").fill("Anak Baru");
      await visit.locator("[name$='-n0-name']").press("Tab");
      // The phone closes the tab half-way (here, a reload): the form comes back open, as it was left.
      await draftSavedSince(field, "survei", typed, `verval:${proposalId}`);
      await field.reload();
      await offlineDocument(field);
      await expect
        .poll(() => visit.locator("[data-testid=form-draft-note]").textContent())
        .toMatch(/^Draf dipulihkan, \d{2}\.\d{2}$/);
      expect(await visit.getByLabel("Alasan").inputValue()).toBe(
        "Rumah tidak layak huni, penghasilan tidak tetap.",
      );
      expect(await visit.getByLabel("Layak", { exact: true }).isChecked()).toBe(true);
      expect(await visit.locator("[name$='-n0-name']").inputValue()).toBe("Anak Baru");
      // A row removed is kept as removed, though no field was typed into.
      const removed = await field.evaluate(() => Date.now());
      await visit.getByRole("button", { name: "Hapus anggota baru" }).click();
      await draftSavedSince(field, "survei", removed, `verval:${proposalId}`);
      await field.reload();
      await offlineDocument(field);
      await expect
        .poll(() => visit.locator("[data-testid=form-draft-note]").textContent())
        .toMatch(/^Draf dipulihkan/);
      expect(await visit.locator("[name$='-n0-name']").count()).toBe(0);
      // Closed and opened again, the draft is offered; typing meanwhile neither hides the offer nor
      // writes over the draft, which comes back whole when continued.
      await visit.getByRole("button", { name: "Tutup formulir" }).click();
      await visit.getByRole("button", { name: "Catat hasil" }).click();
      await expect
        .poll(() => visit.locator("[data-testid=form-draft-note]").textContent())
        .toMatch(/^Ada draf di perangkat ini/);
      expect(await visit.getByLabel("Alasan").inputValue()).toBe("");
      await visit.getByLabel("Alasan").fill("Salah ketik");
      expect(await visit.locator("[data-testid=form-draft-note]").count()).toBe(1);
      await visit.getByRole("button", { name: "Lanjutkan draf" }).click();
      expect(await visit.getByLabel("Alasan").inputValue()).toBe(
        "Rumah tidak layak huni, penghasilan tidak tetap.",
      );
      expect(await visit.getByLabel("Layak", { exact: true }).isChecked()).toBe(true);
      await visit.getByRole("button", { name: "Simpan hasil verval" }).click();
      await expect
        .poll(() => visit.locator("[data-testid=visit-state]").textContent())
        .toBe("Tersimpan di perangkat ini");
      expect(await visit.textContent()).toContain("Layak");
      await expect.poll(() => field.textContent("[data-testid=offline-note]")).toContain("(1 menunggu);");
      // Still said after the page is opened again without a connection (the count is the device's, not the tab's).
      await field.reload();
      await offlineDocument(field);
      await expect.poll(() => field.textContent("[data-testid=offline-note]")).toContain("(1 menunggu);");
      // Online again, but the server cannot be reached (a weak link, a captive portal): the count stays said.
      await field.context().route("**/api/**", (route) => route.abort("connectionrefused"));
      await field.context().setOffline(false);
      await expect
        .poll(() => field.textContent("[data-testid=offline-note]"))
        .toBe(
          "Server Puskesos belum dapat dihubungi. 1 catatan tetap di perangkat ini dan dikirim sendiri saat server dapat dihubungi lagi.",
        );
      await field.context().unroute("**/api/**");
      await field.context().setOffline(true);
      const scroll = await field.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(scroll[0]).toBeLessThanOrEqual(scroll[1]!);

      await field.context().setOffline(false);
      await expect
        .poll(
          () => field.locator(`[data-testid=visit-${proposalId}] [data-testid=visit-state]`).textContent(),
          {
            timeout: 15_000,
          },
        )
        .toBe("Diterima server");
      expect(await field.locator("[data-testid=offline-note]").count()).toBe(0);
      // Received: the device no longer keeps the visit, nor the form's draft.
      await expect.poll(() => visitsKept(field, "survei")).toEqual([]);
      expect(await draftsOnDevice(field, "survei")).toEqual([]);
      await field.context().close();

      // 5. The koordinator records the musdes confirming it, and prints the annex.
      const koord = await signedInPage(app, "koord.kalisapu");
      await koord.getByRole("link", { name: "Musdes", exact: true }).click();
      await expect.poll(() => koord.textContent("[data-testid=musdes-waiting]")).toContain(WATI.name);
      // What is no number is called so, not missing.
      await koord.getByLabel("Jumlah hadir").fill("2e");
      // A day to come is said beside the schema's errors, all at once.
      const day = await koord.inputValue("#date");
      await koord.fill("#date", "2099-01-01");
      await koord.getByRole("button", { name: "Simpan musdes" }).click();
      await expect.poll(() => koord.textContent("#present-error")).toBe("Jumlah hadir harus berupa angka.");
      expect(await koord.textContent("#date-error")).toBe("Tanggal musdes tidak boleh di masa depan.");
      await koord.fill("#date", day);
      await koord.getByLabel("Jumlah hadir").fill("27");
      await koord.getByLabel("Tempat").fill("Balai Desa Kalisapu");
      await koord.getByLabel("Nomor berita acara").fill("BA/05/2026");
      await koord
        .getByRole("group", { name: new RegExp(WATI.name) })
        .getByLabel("Ditetapkan", { exact: true })
        .check();
      // The lists' reload after the save fails: the answer stays, and the lists say they could not load.
      const lists = /\/api\/(proposals|musdes)\?/;
      await koord.context().route(lists, (route) => route.abort("connectionrefused"));
      await koord.getByRole("button", { name: "Simpan musdes" }).click();
      await expect
        .poll(() => koord.textContent("[data-testid=musdes-result]"))
        .toBe(`${WATI.name}: ditetapkan, dicatat pada usulannya.`);
      await expect.poll(() => koord.textContent("main")).toContain("Daftar belum dapat dimuat.");
      await koord.context().unroute(lists);
      await koord.getByRole("link", { name: "Cetak lampiran musdes ini" }).click();
      const annex = koord.locator("[data-testid=musdes-annex]");
      await expect.poll(() => annex.textContent()).toContain("LAMPIRAN BERITA ACARA MUSYAWARAH DESA");
      const row = (await koord.locator("[data-testid=annex-table] tbody tr").allTextContents()).join("");
      expect(row).toContain("1Wati Lestari2 orangRT 003 / RW 001Ditetapkan");
      expect(await annex.textContent()).toContain("BA/05/2026");
      // On paper: the annex alone, the app's header and buttons left out.
      await koord.emulateMedia({ media: "print" });
      expect(await koord.locator("header.top").isVisible()).toBe(false);
      expect(await annex.isVisible()).toBe(true);
      expect(await koord.getByRole("button", { name: "Cetak" }).isVisible()).toBe(false);
      await koord.context().close();

      // 6. The manajer exports the desa's batch and downloads it as XLSX.
      const manajer = await signedInPage(app, "manajer");
      await manajer.getByRole("link", { name: "Ekspor", exact: true }).click();
      await manajer.getByLabel("Satu desa").check();
      await manajer.getByLabel("Desa/kelurahan", { exact: true }).selectOption(KALISAPU);
      await expect
        .poll(() => manajer.textContent("[data-testid=export-waiting]"))
        .toBe("1 usulan ditetapkan musdes menunggu ekspor.");
      await manajer.getByRole("button", { name: "Buat batch ekspor" }).click();
      await expect
        .poll(() => manajer.textContent(".alert"))
        .toMatch(
          /^Batch 0001\/USULAN-33\.28\/\d{4} \(Desa Kalisapu.*\) dibuat: 1 rumah tangga, 2 anggota\.$/,
        );
      const [download] = await Promise.all([
        manajer.waitForEvent("download"),
        manajer.getByRole("link", { name: "Unduh XLSX" }).first().click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      const sheet = workbook.getWorksheet("Usulan")!;
      expect(sheet.getRow(1).getCell(1).value).toBe("NIK");
      expect(sheet.getRow(1).getCell(3).value).toBe("Nama");
      expect(sheet.getRow(1).getCell(4).value).toBe("Hubungan keluarga (SHDK)");
      expect(sheet.rowCount).toBe(3);
      expect(sheet.getRow(2).getCell(1).value).toBe(WATI.nik);
      expect(sheet.getRow(2).getCell(3).value).toBe(WATI.name);
      expect(sheet.getRow(2).getCell(4).value).toBe("Kepala keluarga");
      expect(sheet.getRow(3).getCell(1).value).toBe(CHILD.nik);
      expect(sheet.getRow(3).getCell(3).value).toBe(CHILD.name);
      expect(sheet.getRow(3).getCell(4).value).toBe("Anak");
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(sheet.getRow(2).getCell(header.indexOf("Kondisi rumah") + 1).value).toBe("Tidak layak huni");
      expect(sheet.getRow(2).getCell(header.indexOf("Hasil verval") + 1).value).toBe("Layak");
      await manajer.context().close();

      // 7. The next DPM of the desa holds Wati: the loop closes.
      await admin.getByRole("link", { name: "DPM", exact: true }).click();
      await admin.getByLabel("Desa").selectOption(KALISAPU);
      await admin.setInputFiles("[data-testid=dpm-file]", {
        name: "dpm-kalisapu.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(dpmCsv([SITI, { ...WATI, decile: 1 }])),
      });
      await admin.getByRole("button", { name: "Impor" }).click();
      await expect
        .poll(() => admin.textContent("[data-testid=dpm-result]"))
        .toBe("2 baris diimpor, 0 baris ditolak.");
      await admin.context().close();

      await fo.goto(`/pengaduan/${complaintId}`);
      await expect
        .poll(() => fo.textContent("[data-testid=dpm-mark]"))
        .toMatch(/^Masuk DPM \d{1,2} \w+ \d{4}$/);
      expect(await fo.textContent("[data-testid=complaint-dpm]")).toContain("usulan: Diekspor ke pusat");
      await fo.context().close();

      const resident = await app.browser.newPage({ baseURL: app.server.url });
      await resident.goto("/status");
      await resident.getByLabel("Kode pelacakan").fill(code);
      await resident.getByLabel("4 angka terakhir NIK").fill(WATI.nik.slice(-4));
      await resident.getByRole("button", { name: "Cek status" }).click();
      await expect
        .poll(() => resident.textContent("[data-testid=public-proposal]"))
        .toMatch(/^Diekspor ke pusat; masuk DPM sejak \d{1,2} \w+ \d{4}$/);
      expect(await resident.textContent("main")).not.toContain("Wati");
      await resident.close();
      console.log(`proposal life walked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  );

  it("names who did each step, and lists none a proposal found tidak layak can no longer reach", async () => {
    const fo = await signedInPage(app, "fo.kalisapu");
    const registered = await (
      await post(fo, "/api/complaints", complaint({}, { nik: JOKO.nik, name: JOKO.name }))
    ).json();
    const proposal = await (
      await post(fo, "/api/proposals", {
        id: crypto.randomUUID(),
        complaintId: registered.id,
        members: [{ reporter: true, name: JOKO.name, relationship: "kepala-keluarga" }],
        houseCondition: "layak",
        incomeSource: "buruh-harian",
      })
    ).json();
    await fo.context().close();
    const survei = await signedInPage(app, "survei");
    await survei.setViewportSize({ width: 360, height: 640 });
    const today = dayIn("Asia/Jakarta");
    const steps = () => survei.textContent("[data-testid=proposal-steps]");
    await survei.goto(`/usulan/${proposal.id}`);
    await expect.poll(steps).toContain("Musyawarah desa belum");
    expect(await steps()).toContain("oleh Siti Rahayu");
    const scheduled = await post(survei, `/api/proposals/${proposal.id}/schedule`, {
      version: 1,
      visitDate: today,
      officers: ["Tim Survei Lapangan"],
    });
    expect(scheduled.status()).toBe(200);
    const verified = await post(survei, `/api/proposals/${proposal.id}/verify`, {
      version: 2,
      resultId: crypto.randomUUID(),
      result: "tidak-layak",
      reason: "Memiliki penghasilan tetap.",
      visitDate: today,
      members: [{ existing: 0, name: JOKO.name, relationship: "kepala-keluarga" }],
      houseCondition: "layak",
      incomeSource: "buruh-harian",
      assets: [],
      indicators: {},
    });
    expect(verified.status()).toBe(200);
    await survei.reload();
    await expect.poll(steps).toContain("Tidak layak");
    expect(await steps()).toContain("(dijadwalkan oleh Teguh Prasetyo)");
    expect(await steps()).not.toContain("Musyawarah desa");
    expect(await steps()).not.toContain("Masuk DPM");
    await survei.context().close();
  });

  it("shows the second surveyor's result refused on its record when another recorded the household first", async () => {
    const fo = await signedInPage(app, "fo.kalisapu");
    const registered = await (
      await post(fo, "/api/complaints", complaint({}, { nik: CHILD.nik, name: "Rahmat Hidayat" }))
    ).json();
    const proposal = await (
      await post(fo, "/api/proposals", {
        id: crypto.randomUUID(),
        complaintId: registered.id,
        members: [{ reporter: true, name: "Rahmat Hidayat", relationship: "kepala-keluarga" }],
        houseCondition: "kurang-layak",
        incomeSource: "tidak-ada",
      })
    ).json();
    await fo.context().close();
    const office = await signedInPage(app, "survei");
    // Before the visit is scheduled there is none to take along, and the page says so in words.
    await office.goto("/kunjungan");
    await office.getByRole("button", { name: "Bawa kunjungan hari ini" }).click();
    await expect
      .poll(() => office.textContent("main"))
      .toContain("Tidak ada kunjungan yang dijadwalkan untuk hari ini");
    const today = dayIn("Asia/Jakarta");
    await post(office, `/api/proposals/${proposal.id}/schedule`, {
      version: 1,
      visitDate: today,
      officers: ["Tim Survei Lapangan"],
    });

    const field = await signedInPage(app, "survei");
    await field.setViewportSize({ width: 360, height: 640 });
    await field.goto("/kunjungan");
    await field.getByRole("button", { name: "Bawa kunjungan hari ini" }).click();
    await expect
      .poll(() => field.textContent("main"))
      .toContain("kunjungan hari ini disimpan di perangkat ini");
    const visit = field.locator(`[data-testid=visit-${proposal.id}]`);
    await visit.getByRole("button", { name: "Catat hasil" }).click();
    await field.context().setOffline(true);
    await visit.getByLabel("Tidak layak", { exact: true }).check();
    await visit.getByLabel("Alasan").fill("Memiliki usaha warung yang cukup.");
    await visit.getByRole("button", { name: "Simpan hasil verval" }).click();
    await expect
      .poll(() => visit.locator("[data-testid=visit-state]").textContent())
      .toBe("Tersimpan di perangkat ini");
    // The count of visits taken no longer holds once a result is on its way.
    expect(await field.textContent("main")).not.toContain("kunjungan hari ini disimpan");

    // Meanwhile a colleague, online, records the same household.
    const colleague = await post(office, `/api/proposals/${proposal.id}/verify`, {
      version: 2,
      resultId: crypto.randomUUID(),
      result: "layak",
      reason: "Tidak ada penghasilan tetap.",
      visitDate: today,
      members: [{ existing: 0, name: "Rahmat Hidayat", relationship: "kepala-keluarga" }],
      houseCondition: "kurang-layak",
      incomeSource: "tidak-ada",
      assets: [],
      indicators: {},
    });
    expect(colleague.status()).toBe(200);
    await office.context().close();

    await field.context().setOffline(false);
    await expect
      .poll(() => visit.locator("[data-testid=visit-state]").textContent(), { timeout: 15_000 })
      .toBe("Ditolak server");
    expect(await visit.locator("[data-testid=visit-error]").textContent()).toMatch(
      /^Usulan ini sudah berubah: sekarang "Layak \(menunggu musdes\)"/,
    );

    // Signing out leaves no visit on the device (the refused result is asked about first).
    expect((await visitsKept(field, "survei")).length).toBeGreaterThan(0);
    await field.getByRole("button", { name: "Menu" }).click();
    await field.getByRole("button", { name: "Keluar" }).click();
    await answer(field, true);
    await field.waitForURL("**/masuk");
    await expect.poll(() => visitsKept(field, "survei")).toEqual([]);
    await field.context().close();
  });
});
