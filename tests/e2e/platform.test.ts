import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { e2eApp, newPage as openPage } from "../support/browser.ts";

const app = e2eApp();
const newPage = () => openPage(app);

async function signIn(page: Page, username: string, password = "puskesos-demo") {
  await page.goto("/");
  await page.waitForURL("**/masuk");
  await page.fill("#username", username);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
}

describe("in Chromium", () => {
  it("shows a front office its desa home page and keeps admin pages closed", async () => {
    const page = await newPage();
    await signIn(page, "fo.kalisapu");
    await expect.poll(() => page.textContent("[data-testid=home-name]")).toBe("Siti Rahayu");
    expect(await page.textContent("[data-testid=home-role]")).toBe("Front Office");
    expect(await page.textContent("[data-testid=home-scope]")).toBe("Desa Kalisapu");
    await expect.poll(() => page.textContent(".facts")).toContain("Kabupaten Tegal, Jawa Tengah");
    expect(await page.textContent(".facts")).toContain("Slawi");
    expect(await page.locator("nav >> text=Pengguna").count()).toBe(0);
    // Each page names itself in the tab and the history: its kind, never a resident's name.
    await expect.poll(() => page.title()).toBe("Beranda · Puskesos");
    await page.click("nav >> text=Pengaduan");
    await expect.poll(() => page.title()).toBe("Pengaduan · Puskesos");
    await page.goto("/pengaduan/baru");
    await expect.poll(() => page.title()).toBe("Daftarkan pengaduan · Puskesos");
    await page.goBack();
    await expect.poll(() => page.title()).toBe("Pengaduan · Puskesos");
    await page.goto("/tidak-ada");
    await expect.poll(() => page.title()).toBe("Halaman tidak ditemukan · Puskesos");
    await page.goto("/pengguna");
    await expect.poll(() => page.textContent("main")).toContain("Halaman ini hanya untuk admin.");
    // A refused page leads on, not to a dead end.
    await page.getByRole("main").getByRole("link", { name: "← Beranda" }).click();
    await expect.poll(() => page.textContent("[data-testid=home-name]")).toBe("Siti Rahayu");
    // The sign-in page opened while she is still signed in (the next officer at a shared laptop) says who
    // is, instead of going into her pages; "not me" signs her out there.
    await page.goto("/masuk");
    await expect
      .poll(() => page.textContent("[data-testid=signed-in-as]"))
      .toBe("Perangkat ini masih masuk sebagai Siti Rahayu (fo.kalisapu).");
    expect(page.url()).toMatch(/\/masuk$/);
    await page.getByRole("button", { name: "Bukan saya: keluar" }).click();
    await page.waitForSelector("#username");
    await signIn(page, "fo.kalisapu");
    await page.click("text=Keluar");
    await page.waitForURL("**/masuk");
    // Signed out on the server too: going back does not show the home page.
    await page.goto("/");
    await page.waitForURL("**/masuk");
    await page.context().close();
  });

  it("shows a supervisor its kecamatan and the desa it covers", async () => {
    const page = await newPage();
    await signIn(page, "spv.slawi");
    await expect.poll(() => page.textContent("[data-testid=home-role]")).toBe("Supervisor SLRT");
    expect(await page.textContent("[data-testid=home-scope]")).toBe("Kecamatan Slawi");
    await expect
      .poll(() => page.textContent("[data-testid=home-coverage]"))
      .toBe("1 kecamatan, 10 desa/kelurahan.");
    await page.context().close();
  });

  it("tells the user in Indonesian when the password is wrong", async () => {
    const page = await newPage();
    await signIn(page, "manajer", "bukan-ini");
    await expect.poll(() => page.textContent(".alert")).toBe("Nama pengguna atau kata sandi salah.");
    expect(page.url()).toMatch(/\/masuk$/);
    await page.context().close();
  });

  it("lets an admin create a user who then signs in, must change the one-time password, and sees their home", async () => {
    const admin = await newPage();
    await signIn(admin, "admin");
    await admin.waitForSelector("[data-testid=home-name]");
    await admin.click("nav >> text=Pengguna");
    await admin.waitForSelector("[data-testid='user-row-fo.kalisapu']");
    await admin.click("text=Tambah pengguna");

    // The form checks with the server's own schema before sending anything.
    let posted = 0;
    admin.on("request", (r) => r.method() === "POST" && r.url().endsWith("/api/users") && posted++);
    await admin.click("button[type=submit]");
    await expect
      .poll(() => admin.textContent(".field.invalid"))
      .toContain("Nama pengguna minimal 3 karakter.");
    expect(posted).toBe(0);

    await admin.fill("#username", "fo.procot");
    await admin.fill("#name", "Ratna <b>Dewi</b>");
    await admin.selectOption("#role", "front-office");
    await admin.selectOption("#kecamatan", "33.28.10");
    await admin.selectOption("#desa", "33.28.10.1008");
    await admin.click("button[type=submit]");
    const otp = (await admin.textContent("[data-testid=temp-password]"))!.trim();
    expect(otp).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(posted).toBe(1);

    // The next user: the form keeps the role, area and OPD it shows, and empties only the person's fields.
    await admin.fill("#username", "opd.rsud");
    await admin.fill("#name", "Petugas RSUD");
    await admin.selectOption("#role", "opd");
    await admin.selectOption("#opd", { index: 1 });
    await admin.click("button[type=submit]");
    await expect.poll(() => admin.textContent("[data-testid=temp-password]")).not.toBe(otp);
    const second = (await admin.textContent("[data-testid=temp-password]"))!.trim();
    expect(await admin.inputValue("#role")).toBe("opd");
    expect(await admin.inputValue("#username")).toBe("");
    await admin.fill("#username", "opd.rsud2");
    await admin.fill("#name", "Petugas RSUD Dua");
    await admin.click("button[type=submit]");
    await expect.poll(() => admin.textContent("[data-testid=temp-password]")).not.toBe(second);
    expect(posted).toBe(3);

    // Markup typed into a name is shown as text, never rendered.
    await admin.click("text=Daftar pengguna");
    const row = admin.locator("[data-testid='user-row-fo.procot']");
    await row.waitFor();
    expect(await row.locator("td").nth(1).textContent()).toBe("Ratna <b>Dewi</b>");
    expect(await row.locator("b").count()).toBe(0);

    const user = await newPage();
    await signIn(user, "fo.procot", otp);
    await user.waitForURL("**/ganti-sandi");
    await user.fill("#currentPassword", otp);
    await user.fill("#newPassword", "pagi cerah di procot");
    await user.fill("#confirm", "pagi cerah di procot");
    await user.click("button[type=submit]");
    await user.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => user.textContent("[data-testid=home-name]")).toBe("Ratna <b>Dewi</b>");
    expect(await user.textContent("[data-testid=home-scope]")).toBe("Kelurahan Procot");
    expect(await user.textContent(".alert.success")).toBe("Kata sandi berhasil diganti.");

    // The admin sees the change in the audit log.
    await admin.click("nav >> text=Log audit");
    await expect
      .poll(() => admin.textContent("[data-testid=audit-table]"))
      .toContain("Mengganti kata sandi sendiri");
    expect(await admin.textContent("[data-testid=audit-table]")).toContain("Membuat pengguna fo.procot");
    // The record's kind in words, not the code's ("user").
    expect(await admin.textContent("[data-testid=audit-table]")).toContain("Pengguna fo.procot");
    await admin.context().close();
    await user.context().close();
  });

  it("paints the intake and home frames before any script runs, with nobody's data, and checks the session with the page", async () => {
    const page = await newPage();
    await signIn(page, "fo.kalisapu");
    await expect.poll(() => page.textContent("[data-testid=home-name]")).toBe("Siti Rahayu");
    // The HTML the signed-in officer gets: the screen's frame and its chunks, the same for everyone.
    const intake = await (await page.request.get("/pengaduan/baru")).text();
    expect(intake).toContain("<h1>Daftarkan pengaduan</h1>");
    expect(intake).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/intake-[\w-]+\.js">/);
    expect(intake).toContain('<link rel="preload" href="/api/auth/me" as="fetch"');
    const home = await (await page.request.get("/")).text();
    expect(home).toContain("Memuat beranda");
    expect(home).not.toContain("intake-");
    const other = await (await page.request.get("/laporan")).text();
    expect(other).toContain("Memuat Puskesos");
    for (const html of [intake, home, other]) {
      expect(html).not.toContain("Siti Rahayu");
      expect(html).not.toContain("Kalisapu");
    }
    // Without JavaScript the frame is there; with it, the form, whose session answer is the one the
    // HTML asked for (a preload), not a second request after the code.
    const still = await app.browser.newContext({
      baseURL: app.server.url,
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    const bare = await still.newPage();
    await bare.goto("/pengaduan/baru");
    expect(await bare.textContent("h1")).toBe("Daftarkan pengaduan");
    expect(await bare.locator("#nik").count()).toBe(0);
    await still.close();
    const sessions: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/auth/me")) sessions.push(request.url());
    });
    await page.goto("/pengaduan/baru");
    await page.waitForSelector("#nik");
    expect(sessions).toHaveLength(1);
    expect(
      await page.evaluate(
        () =>
          (performance.getEntriesByName(`${location.origin}/api/auth/me`)[0] as PerformanceResourceTiming)
            .initiatorType,
      ),
    ).toBe("link");
    await page.context().close();
  });

  it("serves client routes and the API reference from the same origin", async () => {
    const page = await newPage();
    const res = await page.goto("/api/docs");
    expect(res?.status()).toBe(200);
    expect(await page.textContent("h1")).toContain("Puskesos · SLRT API");
    const deep = await page.goto("/wilayah");
    expect(deep?.status()).toBe(200);
    // A file that is not there is not the app's HTML (a stale page would take it for its script).
    const gone = await page.request.get("/assets/index-gone.js");
    expect(gone.status()).toBe(404);
    expect(gone.headers()["content-type"] ?? "").not.toContain("text/html");
    await page.waitForURL("**/masuk");
    await page.context().close();
  });
});

describe("a page left open across the kabupaten's midnight", () => {
  it("moves to the new day without overwriting a date already chosen", async () => {
    // 23:58:30 in Kabupaten Tegal (WIB) on 5 December; the device's own zone is another (the test's).
    const beforeMidnight = new Date("2026-12-05T16:58:30Z");
    const field = await newPage();
    await field.clock.install({ time: beforeMidnight });
    await signIn(field, "survei");
    await field.waitForSelector("[data-testid=home-name]");
    await field.getByRole("link", { name: "Kunjungan", exact: true }).click();
    await expect.poll(() => field.textContent("main")).toContain("Hari ini 5 Desember 2026.");

    const pdp = await newPage();
    await pdp.clock.install({ time: beforeMidnight });
    await signIn(pdp, "pdp");
    await pdp.waitForSelector("[data-testid=home-name]");
    await pdp.getByRole("navigation").getByRole("link", { name: "Permintaan warga", exact: true }).click();
    const received = pdp.locator("input#request-received");
    await expect.poll(() => received.getAttribute("max")).toBe("2026-12-05");
    expect(await received.inputValue()).toBe("2026-12-05");
    await received.fill("2026-12-04");

    for (const page of [field, pdp]) await page.clock.fastForward("02:00");
    await expect.poll(() => field.textContent("main")).toContain("Hari ini 6 Desember 2026.");
    await expect.poll(() => received.getAttribute("max")).toBe("2026-12-06");
    expect(await received.inputValue()).toBe("2026-12-04");
    for (const page of [field, pdp]) await page.context().close();
  });
});

describe("when the app's code cannot be loaded", () => {
  it("says, after a while, what to do instead of loading for ever", async () => {
    const page = await newPage();
    await page.route("**/assets/index-*.js", (route) => route.abort("connectionreset"));
    await page.goto("/masuk");
    const late = page.locator(".boot-late");
    const shown = () => late.evaluate((e) => getComputedStyle(e).visibility);
    expect(await page.textContent("main")).toBe("Memuat Puskesos…");
    expect(await shown()).toBe("hidden");
    // Twenty seconds on, as the stylesheet times it.
    await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
    expect(await shown()).toBe("visible");
    expect((await late.textContent())?.replace(/\s+/g, " ").trim()).toBe(
      "Bila halaman ini tetap begini, periksa sambungan internet lalu muat ulang halaman.",
    );
    // Its link loads the page again; with the code back, the app starts and the note is gone.
    await page.unroute("**/assets/index-*.js");
    await late.getByRole("link", { name: "muat ulang halaman" }).click();
    await expect.poll(() => page.locator("#username").count()).toBe(1);
    expect(await late.count()).toBe(0);
    await page.context().close();
  });
});
