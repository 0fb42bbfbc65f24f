import { assertCan, assertInScope } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { queryPage, type Page } from "../db/index.ts";
import { NotFoundError } from "../error/index.ts";
import * as Indicator from "../indicator/index.ts";
import * as Region from "../region/index.ts";
import { parse } from "../validation/index.ts";
import type { Places } from "./file.ts";
import {
  EXPORT_CONTENT_TYPES,
  ExportFileQuerySchema,
  ListExportsSchema,
  type ProposalExportView,
} from "./schema.ts";
import { inTurns, listIndex, load, view, type ExportRecord } from "./create.ts";
import { load as loadProposal, type ProposalRecord } from "../proposal/record.ts";

/** The kabupaten's export batches, newest first, with their counts (never a NIK). */
export async function listExports(query: unknown): Promise<Page<ProposalExportView>> {
  assertCan("proposal.export");
  const q = parse(ListExportsSchema, query);
  const page = await queryPage<ExportRecord>(
    {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": listIndex() },
      ScanIndexForward: false,
    },
    { limit: 25, cursor: q.cursor },
  );
  return { ...page, items: page.items.map(view) };
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

async function placesOf(proposals: ProposalRecord[]): Promise<Places> {
  const codes = [...new Set(proposals.map((p) => p.desaCode))];
  const found = await Promise.all(codes.map((code) => Region.find(code)));
  return new Map(
    found.flatMap((desa) =>
      desa?.level === "desa"
        ? [[desa.code, { desa: desa.name, kecamatan: desa.kecamatanName }] as const]
        : [],
    ),
  );
}

/**
 * A batch's file again, rebuilt from its proposals (those the batch moved), as XLSX or CSV. It holds
 * full NIKs, so every download is in the audit log: once against the batch, and once against each member
 * whose NIK the file holds (their access report names the batch).
 */
export async function exportFile(id: string, query: unknown): Promise<ExportFile> {
  assertCan("proposal.export");
  const { format } = parse(ExportFileQuerySchema, query);
  const batch = await load(id);
  if (!batch) throw NotFoundError("Ekspor usulan");
  if (batch.desaCode) assertInScope(batch.desaCode, "Ekspor usulan");
  const proposals = (await inTurns(batch.proposalIds, loadProposal)).filter(
    (p): p is ProposalRecord => p?.export?.batchId === batch.id,
  );
  const [indicators, places] = await Promise.all([Indicator.load(), placesOf(proposals)]);
  // The file writers (papaparse, exceljs) load with the first download, not with every cold start.
  const { sheetOf, toCsv, toXlsx } = await import("./file.ts");
  const sheet = sheetOf(proposals, indicators, places);
  const body =
    format === "csv"
      ? toCsv([sheet])
      : await toXlsx([sheet], { title: `Usulan ${batch.number}`, created: new Date(batch.at) });
  await Audit.record({
    action: "proposal.export-download",
    target: { type: "proposal-export", id: batch.id },
    summary: `Berkas ${format.toUpperCase()} batch ${batch.number} diunduh: ${proposals.length} rumah tangga, ${sheet.rows.length} anggota, NIK lengkap`,
  });
  // Every member's NIK is in the file: each member finds the download in their access report.
  await Audit.recordMany(
    proposals.flatMap((p) =>
      p.members.map((m) => ({
        action: "proposal.export-download",
        target: { type: "resident", id: m.nikh },
        summary: `NIK rumah tangga ini (${p.members.length} anggota) dalam berkas batch ${batch.number}`,
      })),
    ),
  );
  return {
    filename: `usulan-${batch.number.replaceAll("/", "-")}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    body,
  };
}
