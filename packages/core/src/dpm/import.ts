import { randomUUID } from "node:crypto";
import { assertCan } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { transact, update } from "../db/index.ts";
import { AppError, ValidationError } from "../error/index.ts";
import { log } from "../log/index.ts";
import { markIncluded } from "../proposal/dpm-loop.ts";
import * as Region from "../region/index.ts";
import { maskNik, nikHash } from "../resident/index.ts";
import { nowIso, today } from "../time/index.ts";
import { nameKey } from "./name.ts";
import type { DpmPointer, ImportResult } from "./schema.ts";
import { batchWrite, dropPartition, partition, pointer, pointerKey } from "./store.ts";

// Imports are an admin's monthly task: this loads with the first one, not at every cold start.
/** Admin: replaces a desa's DPM with the rows of a CSV file. */
export async function importCsv(desaCode: string, csv: string): Promise<ImportResult> {
  const admin = assertCan("dpm.import");
  const region = await Region.find(desaCode);
  if (!region || region.level !== "desa")
    throw ValidationError("Desa tidak ada di kabupaten ini.", [
      { field: "desa", message: `Kode desa ${desaCode} tidak ada di kabupaten ini.` },
    ]);
  // The CSV reader (papaparse) is loaded by the import alone, not by every cold start. It is given
  // the day rather than importing the clock: a dynamically imported module that reaches code the cold
  // start also loads splits that code into a chunk of its own (routes/on-demand.ts).
  const { parseDpmCsv } = await import("./csv.ts");
  const parsed = parseDpmCsv(csv, today());
  if (parsed.fatal) throw ValidationError(parsed.fatal, [{ field: "file", message: parsed.fatal }]);
  if (!parsed.rows.length)
    throw new AppError("validation", "Tidak ada baris yang valid; DPM tidak diubah.", {
      fields: parsed.errors
        .slice(0, 500)
        .map((e) => ({ field: `baris ${e.line}`, message: `${e.field}: ${e.message}` })),
    });

  const previous = await pointer(desaCode);
  const importId = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  const pk = partition(desaCode, importId);
  await batchWrite(
    parsed.rows.map((row) => {
      const nikh = nikHash(row.nik);
      const key = nameKey(row.name);
      return {
        PutRequest: {
          Item: {
            pk,
            sk: `NIK#${nikh}`,
            gsi1pk: pk,
            gsi1sk: `NAME#${key}#${nikh}`,
            type: "dpm",
            nikMasked: maskNik(row.nik),
            name: row.name,
            ...(row.address ? { address: row.address } : {}),
            ...(row.decile ? { decile: row.decile } : {}),
          },
        },
      };
    }),
  );
  const next: DpmPointer = {
    desaCode,
    importId,
    count: parsed.rows.length,
    importedAt: nowIso(),
    importedBy: admin.username,
  };
  await transact([
    // Two imports of one desa at once: the later flip must not undo the earlier one silently.
    update("dpm-pointer", {
      key: pointerKey(desaCode),
      set: { type: "dpm-pointer", ...next },
      expect: { importId: previous?.importId },
      conflict: "DPM ini baru saja diimpor dari perangkat lain. Muat ulang lalu ulangi bila perlu.",
    }),
    Audit.entry({
      action: "dpm.import",
      target: { type: "dpm", id: desaCode },
      summary: `Impor DPM ${region.name}: ${parsed.rows.length} baris diterima, ${parsed.errors.length} ditolak`,
    }),
  ]);
  if (previous) await dropPartition(desaCode, previous.importId);
  // The import stands on its own; a proposal not marked now is marked by the desa's next import.
  await markIncluded(
    desaCode,
    new Set(parsed.rows.map((row) => nikHash(row.nik))),
    importId,
    next.importedAt,
  ).catch((error: unknown) =>
    log("error", "dpm import: marking proposals in the DPM failed", { desaCode, error: String(error) }),
  );
  return {
    desaCode,
    importId,
    imported: parsed.rows.length,
    rejected: parsed.errors.length,
    errors: parsed.errors.slice(0, 500),
  };
}
