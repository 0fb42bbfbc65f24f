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

// Excel's General format shows a number in at most 11 characters (more digits are rounded away).
const GENERAL_DIGITS = 11;
// Below 8 a column of one-digit counts is too thin to read or click; above 60 one column fills a laptop's
// screen, so a longer text is cut there (no cell wraps).
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** The characters a cell shows on its widest line, in code points (an emoji is one on screen, two in JS). */
function shownLength(cell: Cell | undefined): number {
  if (cell === undefined) return 0;
  if (typeof cell === "number") return Math.min(String(cell).length, GENERAL_DIGITS);
  return Math.max(...cell.split(/\r?\n/).map((line) => [...line].length));
}

/**
 * Each column's width in characters: its widest text, header included, so a long label is not cut off
 * by the number beside it. Two more for the bold header and the cell's margins.
 */
export function columnWidths(sheet: Sheet): number[] {
  return sheet.header.map((header, i) => {
    const widest = sheet.rows.reduce((w, row) => Math.max(w, shownLength(row[i])), shownLength(header));
    return Math.min(Math.max(widest + 2, MIN_WIDTH), MAX_WIDTH);
  });
}

/**
 * The XLSX workbook: one sheet per table, header bold and frozen, columns as wide as their content,
 * identifiers stored and formatted as text. exceljs is about 1 MB: it is imported here, on the first
 * XLSX download, so it stays out of the Lambda's entry chunk (the bundle is split; infra/bundling.ts)
 * and out of every cold start.
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
    const widths = columnWidths(sheet);
    ws.columns = sheet.header.map((header, i) => ({
      header,
      width: widths[i],
      ...(text.has(header) ? { style: { numFmt: "@" } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    ws.addRows(sheet.rows);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
