import Papa from "papaparse";

/**
 * Tables as files people open in Excel or LibreOffice: CSV for any tool, XLSX for a workbook with one
 * sheet per table. Used by every download (proposal exports, complaint lists, reports, dashboards).
 */
export type Cell = string | number;

export interface Sheet {
  /** The sheet's tab name (at most 31 characters) and, in a CSV of several tables, its title row. */
  name: string;
  header: string[];
  rows: Cell[][];
  /** Columns kept as text (NIK, codes): 16 digits lose their last one as a number. */
  textColumns?: string[];
}

/**
 * CSV separated by ";" (Excel in an Indonesian locale reads "," as the decimal mark and ";" as the
 * list separator), with a UTF-8 byte-order mark so Excel reads names with accents right, CRLF lines.
 * A typed text that Excel would run as a formula ("=...", "+...", "@...") gets a leading "'"; a lone
 * "-" (an unknown RT) is left as it is. Several tables follow each other, each under its name.
 */
export function toCsv(sheets: Sheet[]): Uint8Array<ArrayBuffer> {
  const parts = sheets.map((sheet) => {
    const table = Papa.unparse(
      { fields: sheet.header, data: sheet.rows },
      { delimiter: ";", newline: "\r\n", escapeFormulae: /^([=+@\t\r]|-.)/ },
    );
    return sheets.length > 1 ? `${Papa.unparse([[sheet.name]], { delimiter: ";" })}\r\n${table}` : table;
  });
  return new TextEncoder().encode(`\uFEFF${parts.join("\r\n\r\n")}\r\n`);
}

/**
 * The XLSX workbook: one sheet per table, header bold and frozen, identifiers stored and formatted
 * as text. exceljs is about 1 MB: it is imported here, on the first XLSX download, so it stays out of
 * the Lambda's entry chunk (the bundle is split; infra/bundling.ts) and out of every cold start.
 */
export async function toXlsx(
  sheets: Sheet[],
  meta: { title: string; created: Date },
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Puskesos SLRT";
  workbook.title = meta.title;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  for (const sheet of sheets) {
    const text = new Set(sheet.textColumns ?? []);
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.header.map((header) => ({
      header,
      width: Math.min(Math.max(header.length + 2, text.has(header) ? 18 : 12), 40),
      ...(text.has(header) ? { style: { numFmt: "@" } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    ws.addRows(sheet.rows);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
