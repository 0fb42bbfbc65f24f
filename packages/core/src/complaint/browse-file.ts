import { assertCan } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { categoryName, ppksName } from "../catalog/schema.ts";
import { ForbiddenError, ValidationError } from "../error/index.ts";
import { PROPOSAL_STATE_LABELS } from "../proposal/workflow.ts";
import * as Region from "../region/index.ts";
import { fileOf } from "../report/files.ts";
import { BrowseFileQuerySchema, type FileOut } from "../report/schema.ts";
import { parse } from "../validation/index.ts";
import { browsePage } from "./browse.ts";
import { DPM_STANDING_LABELS, dpmStanding } from "./schema.ts";
import type { ComplaintRecord } from "./record.ts";
import { COMPLAINT_STATE_LABELS, COMPLAINT_WORKFLOW } from "./workflow.ts";

/** More than this is a list to narrow down, not to download. */
export const FILE_LIMIT = 5000;

/**
 * The complaint list as XLSX or CSV, every page of the same pick. NIK masked; in full only for a role
 * that may reveal it (the complaint workflow's `reveal-nik`), and then every resident in the file is
 * in the audit log before the file is handed out.
 */
export async function browseFile(query: unknown): Promise<FileOut> {
  const caller = assertCan("complaint.export");
  const { format, nik, ...q } = parse(BrowseFileQuerySchema, query);
  const full = nik === "lengkap";
  if (full && !(COMPLAINT_WORKFLOW.actions["reveal-nik"].roles as readonly string[]).includes(caller.role))
    throw ForbiddenError("Peran Anda tidak dapat mengunduh NIK lengkap.");
  const records: ComplaintRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await browsePage(caller, { ...q, ...(cursor ? { cursor } : {}) }, 100);
    records.push(...page.items);
    cursor = page.cursor;
    if (records.length > FILE_LIMIT)
      throw ValidationError(
        `Lebih dari ${FILE_LIMIT} pengaduan; persempit dengan kecamatan, desa, atau saringan.`,
        [{ field: "month", message: `Lebih dari ${FILE_LIMIT} pengaduan; persempit pilihan.` }],
      );
  } while (cursor);
  const places = new Map<string, string>();
  for (const code of new Set(records.map((r) => r.desaCode))) {
    const desa = await Region.find(code);
    places.set(code, desa?.level === "desa" ? `${desa.name}, ${desa.kecamatanName}` : code);
  }
  const sheet = {
    name: "Pengaduan",
    header: [
      "Tanggal",
      "Kode pelacakan",
      "Kode desa",
      "Desa, kecamatan",
      "Nama pelapor",
      "NIK",
      "Kategori",
      "Jenis PPKS",
      "DPM",
      "Status",
      "Usulan",
      "ID pengaduan",
    ],
    textColumns: ["NIK", "Kode desa", "Kode pelacakan"],
    rows: records.map((r) => [
      r.queueDay,
      r.trackingCode,
      r.desaCode,
      places.get(r.desaCode) ?? r.desaCode,
      r.reporter.name,
      full ? r.reporter.nik : r.reporter.nikMasked,
      categoryName(r.category) ?? r.category,
      r.ppks.map((p) => ppksName(p) ?? p).join("; "),
      DPM_STANDING_LABELS[dpmStanding(r.dpm)],
      COMPLAINT_STATE_LABELS[r.state],
      r.proposalState ? PROPOSAL_STATE_LABELS[r.proposalState] : "",
      r.id,
    ]),
  };
  const area = q.desa ?? q.kecamatan ?? caller.scope.code;
  const period = q.overdue ? "lewat-batas" : (q.month ?? "");
  await Audit.record({
    action: "complaint.export",
    target: { type: "region", id: area },
    summary: `Mengunduh ${records.length} pengaduan ${period} (${format.toUpperCase()}, NIK ${full ? "lengkap" : "disamarkan"})`,
  });
  // Each resident in the file finds the download in their access report, NIK in full or not.
  await Audit.recordMany(
    records.map((r) => ({
      action: "complaint.export",
      target: { type: "resident", id: r.reporter.nikh },
      summary: `Data pengaduan ${r.id} dalam berkas daftar pengaduan (NIK ${full ? "lengkap" : "disamarkan"})`,
    })),
  );
  return fileOf([sheet], format, `pengaduan-${area}-${period}`, `Pengaduan ${area} ${period}`);
}
