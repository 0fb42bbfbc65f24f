import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const WEB_DIST = resolve(ROOT, "packages/web/dist");

/** Debian's Chromium, headless, with the flags this offline machine needs. */
export function launchChromium(): Promise<Browser> {
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
    ],
  });
}

/** The built SPA; built here if a test run starts without it. */
export function ensureWebBuilt(): string {
  if (!existsSync(resolve(WEB_DIST, "index.html")))
    execFileSync("npm", ["run", "build", "--workspace", "@puskesos/web"], { cwd: ROOT, stdio: "inherit" });
  return WEB_DIST;
}
