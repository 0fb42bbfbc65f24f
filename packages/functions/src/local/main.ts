import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fromEnv } from "@puskesos/core/config";
import * as Demo from "@puskesos/core/demo";
import { ROLE_LABELS } from "@puskesos/core/actor";
import * as Region from "@puskesos/core/region";
import { timeZoneOf, ZONE_NAMES } from "@puskesos/core/time/calendar";
import { startLocal } from "./server.ts";

/**
 * `npm start`: the app on http://localhost:3000 (or $PORT) with data kept in `.data/` at the
 * repository root. `npm start -- --memory` (or PUSKESOS_MEMORY=1) keeps nothing after exit.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const memory = process.argv.includes("--memory") || process.env.PUSKESOS_MEMORY === "1";
const port = Number(process.env.PORT ?? 3000);
const webDir = resolve(root, "packages/web/dist");
const dataDir = resolve(root, process.env.PUSKESOS_DATA_DIR ?? ".data");

// Another `npm start` from the same folder (a second kabupaten on another port) rebuilds the web files
// as this one starts: its build empties the folder for a few seconds, so the files are waited for.
for (let waited = 0; !existsSync(resolve(webDir, "index.html")); waited += 500) {
  if (waited >= 90_000) {
    console.error("Aplikasi web belum dibangun. Jalankan: npm run build --workspace @puskesos/web");
    process.exit(1);
  }
  if (waited === 0) console.log("Menunggu berkas aplikasi web (sedang dibangun)…");
  await new Promise((done) => setTimeout(done, 500));
}

/** Rows as columns padded to their widest cell, indented under the heading. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map((row) => `  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}`.trimEnd())
    .join("\n");
}

try {
  const server = await startLocal({
    port,
    dataDir: memory ? undefined : dataDir,
    webDir,
    seedDemo: true,
    config: fromEnv(),
  });
  const kabupaten = await Region.current();
  const zone = timeZoneOf(kabupaten.code);
  const demo = (await Demo.users()).map((u) => [u.username, ROLE_LABELS[u.role], u.scopeName]);
  console.log(`
Puskesos · SLRT berjalan di ${server.url}
Wilayah: ${kabupaten.name} (${kabupaten.code}), ${kabupaten.provinceName} · zona waktu ${ZONE_NAMES[zone]} (${zone})
Penyimpanan: ${memory ? "memori saja (hilang saat berhenti)" : dataDir}
DynamoDB Local: ${server.endpoint} (tabel puskesos; untuk npm run admin:create)
Dokumentasi API: ${server.url}/api/docs
Node.js: ${process.version} (${process.execPath})

Pengguna demo (kata sandi semua: ${Demo.DEMO_PASSWORD}):
${table([["Nama pengguna", "Peran", "Wilayah tugas"], ...demo])}

Tekan Ctrl+C untuk berhenti.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nMenghentikan server dan DynamoDB Local...");
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
