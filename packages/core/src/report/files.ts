import { assertCan, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { NotFoundError } from "../error/index.ts";
import { EXPORT_CONTENT_TYPES } from "../proposal-export/schema.ts";
import { toCsv, toXlsx, type Sheet } from "../sheet/index.ts";
import { formatLocal, formatMonth, nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import * as Dashboard from "./dashboard.ts";
import * as Monthly from "./monthly.ts";
import { DashboardFileQuerySchema, MonthlyFileQuerySchema, type FileOut } from "./schema.ts";
import { figureSheets, dashboardSheets } from "./tables.ts";
import { desaLabel } from "../region/words.ts";
import { slug } from "../catalog/schema.ts";

export async function fileOf(
  sheets: Sheet[],
  format: "xlsx" | "csv",
  name: string,
  title: string,
): Promise<FileOut> {
  const body = format === "csv" ? toCsv(sheets) : await toXlsx(sheets, { title, created: new Date() });
  return { filename: `${name}.${format}`, contentType: EXPORT_CONTENT_TYPES[format], body };
}

/** A desa's monthly report as XLSX or CSV: a version sent to the SLRT, or the figures now. */
export async function monthlyFile(query: unknown): Promise<FileOut> {
  assertCan("report.read");
  const { format, version, ...q } = parse(MonthlyFileQuerySchema, query);
  const report = await Monthly.get(q);
  const sent = version ? report.submissions.find((s) => s.version === Number(version)) : undefined;
  if (version && !sent) throw NotFoundError("Versi laporan");
  const villages = report.desaKind;
  const last = report.submissions[0];
  const heading: Sheet = {
    name: "Laporan",
    header: ["Uraian", "Isi"],
    rows: [
      [
        "Laporan bulanan Puskesos",
        `${desaLabel({ kind: report.desaKind, name: report.desaName })}, Kec. ${report.kecamatanName}, ${report.kabupatenName}`,
      ],
      [`Kode ${villages}`, report.desaCode],
      ["Bulan", formatMonth(report.month)],
      // Times as the kabupaten's officers read them; figures not yet sent say when they were taken.
      [
        "Versi",
        sent
          ? `${sent.version}, dikirim ${formatLocal(sent.submittedAt)} oleh ${sent.submittedByName}`
          : `Angka per ${formatLocal(nowIso())} (${last ? `angka saat ini; versi ${last.version} dikirim ${formatLocal(last.submittedAt)}` : "belum dikirim"})`,
      ],
      ...(sent?.note ? [["Koreksi", sent.note]] : []),
    ],
    textColumns: ["Isi"],
  };
  const figures = sent?.figures ?? report.figures;
  await Audit.record({
    action: "report.download",
    target: { type: "report", id: `${report.desaCode}#${report.month}` },
    summary: `Mengunduh laporan bulanan ${report.month} ${sent ? `versi ${sent.version}` : "(angka saat ini)"} (${format.toUpperCase()})`,
  });
  return fileOf(
    [heading, ...figureSheets(figures, villages)],
    format,
    `laporan-${report.desaCode}-${slug(report.desaName)}-${report.month}${sent ? `-v${sent.version}` : ""}`,
    `Laporan bulanan ${report.desaName} ${report.month}`,
  );
}

/** The dashboard of an area and period as XLSX or CSV. */
export async function dashboardFile(query: unknown): Promise<FileOut> {
  useUser();
  const { format, ...q } = parse(DashboardFileQuerySchema, query);
  const d = await Dashboard.get(q);
  await Audit.record({
    action: "dashboard.download",
    target: { type: "region", id: d.area.code },
    summary: `Mengunduh dasbor ${d.area.name} ${d.period} (${format.toUpperCase()})`,
  });
  return fileOf(
    dashboardSheets(d, formatLocal(nowIso())),
    format,
    `dasbor-${d.area.code}-${slug(d.area.name)}-${d.period}`,
    `Dasbor ${d.area.name} ${d.period}`,
  );
}
