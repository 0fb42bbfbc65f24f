import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { DEMO_PASSWORD } from "@puskesos/core/demo";
import { startLocal, type LocalServer } from "@puskesos/functions/local";

export const ROOT = resolve(import.meta.dirname, "../..");
export const WEB_DIST = resolve(ROOT, "packages/web/dist");

/** Debian's Chromium, headless, with the flags this offline machine needs. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium tidak ditemukan di ${executablePath}. Pasang dengan: apt-get install -y chromium`,
    );
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      ...extraArgs,
    ],
  });
}

/** The built SPA; built here if a test run starts without it. */
export function ensureWebBuilt(): string {
  if (!existsSync(resolve(WEB_DIST, "index.html")))
    execFileSync("npm", ["run", "build", "--workspace", "@puskesos/web"], { cwd: ROOT, stdio: "inherit" });
  return WEB_DIST;
}

/**
 * The local app with the demo users, for one end-to-end file: its own table on the project's one
 * DynamoDB Local (a Java per file spent minutes of the suite's CPU starting and compiling itself).
 */
export function startE2eServer(): Promise<LocalServer> {
  return startLocal({
    port: 0,
    dataDir: undefined,
    webDir: ensureWebBuilt(),
    seedDemo: true,
    dynamoEndpoint: inject("dynamoEndpoint"),
    tableName: `e2e-${randomUUID()}`,
  });
}

/** The local app and Chromium for one end-to-end test file: started before its tests, stopped after them. */
export function e2eApp(): { server: LocalServer; browser: Browser } {
  const app = {} as { server: LocalServer; browser: Browser };
  beforeAll(async () => {
    app.server = await startE2eServer();
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** A fresh browser profile (no cookies) that fails the test on any script error in the page. */
export async function newPage(
  app: { server: LocalServer; browser: Browser },
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await app.browser.newContext({
    baseURL: app.server.url,
    ...(viewport ? { viewport } : {}),
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  return page;
}

/** A fresh profile signed in as `username` on its home page. */
export async function signedInPage(
  app: { server: LocalServer; browser: Browser },
  username: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await newPage(app, viewport);
  await page.goto("/masuk");
  await page.fill("#username", username);
  await page.fill("#password", "puskesos-demo");
  await page.click("button[type=submit]");
  await page.waitForSelector("[data-testid=home-name]");
  return page;
}

/**
 * A browser profile signed in as `username` through the API, with no page: a test's setup acts through
 * `context.request` (sharing the profile's session cookie) without loading and drawing the app for each
 * user, which on a loaded two-core machine took most of a minute per file.
 */
export async function signedInContext(
  app: { server: LocalServer; browser: Browser },
  username: string,
): Promise<BrowserContext> {
  const context = await app.browser.newContext({ baseURL: app.server.url });
  const res = await context.request.post("/api/auth/login", {
    headers: { origin: app.server.url },
    data: { username, password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`sign-in of ${username}: ${res.status()} ${await res.text()}`);
  return context;
}

/** Whether the element is wholly on screen, without scrolling (to the pixel: a scroll lands on whole ones). */
export const inViewport = (locator: Locator) =>
  locator.evaluate((e) => {
    const box = e.getBoundingClientRect();
    return box.top >= -1 && box.bottom <= window.innerHeight + 1;
  });

/** Answers the app's own question (web lib/ask.ts) with its action or "Batal", and gives its text. */
export async function answer(page: Page, yes: boolean): Promise<string> {
  const dialog = page.locator("dialog.ask[open]");
  await dialog.waitFor();
  const text = (await dialog.locator("#ask-question").textContent()) ?? "";
  await dialog.locator(yes ? "button.danger" : "button.secondary").click();
  await dialog.waitFor({ state: "detached" });
  return text;
}

/** A control's refusal marks: whether it has the focus, its aria-invalid and its aria-describedby. */
export const refusalMarks = (page: Page, id: string) =>
  page.evaluate((id) => {
    const control = document.getElementById(id)!;
    return [
      control === document.activeElement,
      control.getAttribute("aria-invalid"),
      control.getAttribute("aria-describedby"),
    ];
  }, id);

/** Requests to `url` reach the server, and their answers never reach the page (a link dropped on the way back). */
export const loseAnswers = (page: Page, url: string) =>
  page.context().route(url, async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
