import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx, type Sheet } from "../sheet/index.ts";
import { figuresOf, headlineOf } from "./figures.ts";
import type { Dashboard } from "./schema.ts";
import { dashboardSheets, figureSheets } from "./tables.ts";

// The longest category name: cut off behind its count in a label column 12 characters wide.
const LONG = "Bantuan sosial (tidak menerima / salah sasaran)";
const LONG_AREA = "Desa Sukamaju Kidul Wetan Kecamatan Ciranjang Lor";

async function readBack(sheets: Sheet[]): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const bytes = await toXlsx(sheets, { title: "Uji", created: new Date("2026-03-01T00:00:00Z") });
  await book.xlsx.load(bytes.buffer);
  return book;
}

const width = (book: ExcelJS.Workbook, sheet: string, column: number) =>
  book.getWorksheet(sheet)!.getColumn(column).width ?? 0;

describe("the report workbooks' columns", () => {
  const figures = figuresOf({ n: 3, "c.bansos": 3 }, []);

  it("fit the monthly report's longest label and keep a count's column narrow", async () => {
    const book = await readBack(figureSheets(figures, "desa"));
    const categories = book.getWorksheet("Kategori")!;
    const row = categories.getColumn(1).values.indexOf(LONG);
    expect(row).toBeGreaterThan(1);
    expect(width(book, "Kategori", 1)).toBeGreaterThanOrEqual(LONG.length);
    // "Jumlah" over one- and two-digit counts: no wider than the header needs.
    expect(width(book, "Kategori", 2)).toBeLessThanOrEqual(10);
    // Still a number Excel adds up, not the text of one.
    expect(categories.getRow(row).getCell(2).value).toBe(3);
    expect(width(book, "Ringkasan", 1)).toBeGreaterThanOrEqual("Usulan tidak ditetapkan musdes".length);
  });

  it("fit the dashboard's area names, and keep its codes as text", async () => {
    const dashboard: Dashboard = {
      area: { level: "kecamatan", code: "33.28.01", name: "Ciranjang", villages: "desa" },
      period: "2026-02",
      totals: figures,
      rows: [{ code: "33.28.01.2001", name: LONG_AREA, figures: headlineOf(figures) }],
      trend: [{ month: "2026-02", complaints: 3, resolved: 0, referred: 0, open: 3, tickets: 0 }],
      psks: { regionCode: "33.28.01", kinds: [], total: 0 },
      overdueNow: { total: 0, byStep: [], byOpd: [] },
    };
    const book = await readBack(dashboardSheets(dashboard, "1 Mar 2026, 07.00 WIB"));
    expect(width(book, "Per wilayah", 2)).toBeGreaterThanOrEqual(LONG_AREA.length);
    expect(width(book, "Per wilayah", 4)).toBeLessThanOrEqual("Pengaduan".length + 3);
    expect(width(book, "Kategori", 1)).toBeGreaterThanOrEqual(LONG.length);
    const areas = book.getWorksheet("Per wilayah")!;
    expect(areas.getRow(2).getCell(1).value).toBe("33.28.01.2001");
    expect(areas.getRow(2).getCell(4).value).toBe(3);
  });

  it("name a desa's rows by their month, once", async () => {
    const dashboard: Dashboard = {
      area: { level: "desa", code: "33.28.01.2001", name: "Sukamaju", villages: "desa" },
      period: "2026",
      totals: figures,
      rows: ["2026-01", "2026-02"].map((m) => ({ code: m, name: m, figures: headlineOf(figures) })),
      trend: [],
      psks: { regionCode: "33.28.01.2001", kinds: [], total: 0 },
      overdueNow: { total: 0, byStep: [], byOpd: [] },
    };
    const book = await readBack(dashboardSheets(dashboard, "1 Mar 2026, 07.00 WIB"));
    expect(book.getWorksheet("Per wilayah")).toBeUndefined();
    const months = book.getWorksheet("Per bulan")!;
    expect(months.getRow(1).values).toEqual([
      undefined,
      "Bulan",
      expect.any(String),
      "Pengaduan",
      ...Array(9).fill(expect.anything()),
    ]);
    expect(months.getRow(2).getCell(1).value).toBe("Januari 2026");
    expect(months.getRow(3).getCell(1).value).toBe("Februari 2026");
    expect(months.getRow(2).getCell(3).value).toBe(3);
  });

  it("stop at 60 characters and leave a short column at least 8 wide", async () => {
    const book = await readBack([{ name: "Uji", header: ["Catatan", "N"], rows: [["x".repeat(200), 1]] }]);
    expect(width(book, "Uji", 1)).toBe(60);
    expect(width(book, "Uji", 2)).toBe(8);
  });
});
