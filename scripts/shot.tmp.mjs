import { chromium } from "playwright-core";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
const errors = [];
page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
page.on("pageerror", (e) => errors.push(String(e)));
await page.goto("http://localhost:3000/");
await page.waitForSelector("#username");
await page.screenshot({ path: "/tmp/s1.png" });
await page.fill("#username", "spv.slawi");
await page.fill("#password", "salah-sandi");
await page.click("button[type=submit]");
await page.waitForSelector(".alert");
await page.screenshot({ path: "/tmp/s2.png" });
await page.fill("#password", "puskesos-demo");
await page.click("button[type=submit]");
await page.waitForSelector("[data-testid=home-name]");
await page.waitForSelector("[data-testid=home-coverage]");
await page.screenshot({ path: "/tmp/s3.png", fullPage: true });
await page.click("text=Keluar");
await page.waitForSelector("#username");
await page.fill("#username", "admin");
await page.fill("#password", "puskesos-demo");
await page.click("button[type=submit]");
await page.waitForSelector("[data-testid=home-name]");
await page.click("nav >> text=Pengguna");
await page.waitForSelector("[data-testid=user-row-admin]");
await page.screenshot({ path: "/tmp/s4.png", fullPage: true });
await page.click("text=Tambah pengguna");
await page.waitForSelector("#name");
await page.click("button[type=submit]");
await page.screenshot({ path: "/tmp/s5.png", fullPage: true });
console.log("errors", errors);
await browser.close();
