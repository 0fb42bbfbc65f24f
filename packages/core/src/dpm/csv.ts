import Papa from "papaparse";
import { checkNik } from "../resident/nik.ts";
import type { RowError } from "./schema.ts";

/**
 * Reading a DPM extract (CSV) as the kabupaten receives it. Column names vary between exports, so
 * the common spellings are accepted; each row is checked and the bad ones reported by line.
 */
export interface DpmRow {
  nik: string;
  name: string;
  address?: string;
  decile?: number;
}

export type { RowError };

const COLUMNS: Record<keyof DpmRow, string[]> = {
  nik: ["NIK", "NO_NIK", "NOMOR_NIK", "NIK_ART", "NIK_KRT"],
  name: ["NAMA", "NAMA_LENGKAP", "NAMA_ART", "NAMA_KRT", "NAMA_ANGGOTA"],
  address: ["ALAMAT", "ALAMAT_LENGKAP", "ALAMAT_RUMAH"],
  decile: ["DESIL", "DESIL_NASIONAL", "DECILE", "PERINGKAT_DESIL", "STATUS_DESIL"],
};

const normalizeHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

export interface ParsedDpm {
  rows: DpmRow[];
  errors: RowError[];
  /** Set when the file cannot be read at all (no NIK or NAMA column). */
  fatal?: string;
}

/** An Excel workbook (a zip) or another binary file sent where a CSV was expected, told apart by its start. */
function notCsv(text: string): string | undefined {
  if (text.startsWith("PK\u0003\u0004"))
    return "Berkas ini berkas Excel (.xlsx), bukan CSV. Di Excel pilih Simpan Sebagai → CSV, lalu impor berkas CSV itu.";
  if (text.slice(0, 1024).includes("\u0000"))
    return "Berkas ini bukan berkas teks CSV. Simpan daftar DPM sebagai CSV, lalu impor berkas itu.";
  return undefined;
}

export function parseDpmCsv(text: string, today: string): ParsedDpm {
  const binary = notCsv(text);
  if (binary) return { rows: [], errors: [], fatal: binary };
  const parsed = Papa.parse<string[]>(text.trim(), {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t", "|"],
  });
  const [header, ...body] = parsed.data;
  if (!header) return { rows: [], errors: [], fatal: "Berkas CSV kosong." };
  const names = header.map(normalizeHeader);
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, spellings]) => [key, names.findIndex((n) => spellings.includes(n))]),
  ) as Record<keyof DpmRow, number>;
  if (index.nik < 0 || index.name < 0)
    return {
      rows: [],
      errors: [],
      fatal: `Kolom ${index.nik < 0 ? "NIK" : "NAMA"} tidak ditemukan. Kolom yang ada: ${header.join(", ")}.`,
    };

  const rows: DpmRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (key: keyof DpmRow) => (index[key] >= 0 ? (cells[index[key]] ?? "").trim() : "");
    const nik = checkNik(cell("nik"), { today });
    if (!nik.ok) return errors.push({ line, field: "NIK", message: nik.reason });
    const earlier = seen.get(nik.value);
    if (earlier) return errors.push({ line, field: "NIK", message: `NIK sama dengan baris ${earlier}.` });
    const name = cell("name");
    if (!name) return errors.push({ line, field: "NAMA", message: "Nama kosong." });
    if (name.length > 100)
      return errors.push({ line, field: "NAMA", message: "Nama lebih dari 100 karakter." });
    const rawDecile = cell("decile");
    const decile = rawDecile === "" ? undefined : Number(rawDecile);
    if (decile !== undefined && !(Number.isInteger(decile) && decile >= 1 && decile <= 10))
      return errors.push({ line, field: "DESIL", message: `Desil "${rawDecile}" harus angka 1–10.` });
    seen.set(nik.value, line);
    const address = cell("address").slice(0, 200);
    rows.push({ nik: nik.value, name, ...(address ? { address } : {}), ...(decile ? { decile } : {}) });
  });
  return { rows, errors };
}
