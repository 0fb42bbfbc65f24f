import * as v from "valibot";
import { CATALOGS, CATEGORY_CODES, PPKS_CODES } from "../catalog/schema.ts";
import { DPM_STANDINGS } from "../complaint/schema.ts";
import { COMPLAINT_STATES } from "../complaint/workflow.ts";
import { choice, CursorSchema, RegionCodeSchema } from "../validation/fields.ts";

/** The queries of the lists and files of oversight. */
const RUMPUN_CODES = CATALOGS.rumpun.map((r) => r.code);

/** A month `YYYY-MM` of the kabupaten's calendar, not after the current one. */
export const MonthSchema = v.pipe(
  v.string("Bulan harus berupa teks."),
  v.title("Bulan"),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Bulan harus berformat TTTT-BB, misalnya 2026-11."),
);

export const MonthlyQuerySchema = v.strictObject(
  { desa: v.optional(RegionCodeSchema), month: MonthSchema },
  "Parameter tidak dikenal.",
);

/** A month `YYYY-MM` or a year `YYYY`. */
export const PeriodSchema = v.pipe(
  v.string("Periode harus berupa teks."),
  v.title("Periode"),
  v.regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "Periode harus berformat TTTT-BB (bulan) atau TTTT (tahun)."),
);

export const DashboardQuerySchema = v.strictObject(
  { period: PeriodSchema, area: v.optional(RegionCodeSchema) },
  "Parameter tidak dikenal.",
);

export const FileFormatSchema = choice(["xlsx", "csv"] as const, "Format", "Format harus xlsx atau csv.");

/** The complaint list of an area: one month, one way of picking, sorted by desa then date. */
export const BrowseQuerySchema = v.strictObject(
  {
    /** Required unless the list is of what is overdue now (any month). */
    month: v.optional(MonthSchema),
    kecamatan: v.optional(RegionCodeSchema),
    desa: v.optional(RegionCodeSchema),
    state: v.optional(choice(COMPLAINT_STATES, "Status")),
    category: v.optional(choice(CATEGORY_CODES, "Kategori")),
    ppks: v.optional(choice(PPKS_CODES, "Jenis PPKS")),
    rumpun: v.optional(choice(RUMPUN_CODES, "Rumpun")),
    dpm: v.optional(choice(DPM_STANDINGS, "DPM", "DPM harus ada, tidak, atau belum (tidak dicocokkan).")),
    overdue: v.optional(choice(["ya"] as const, "Lewat batas waktu", "Lewat batas waktu harus ya.")),
    sort: v.optional(choice(["terbaru", "terlama"] as const, "Urutan", "Urutan harus terbaru atau terlama.")),
    cursor: v.optional(CursorSchema),
  },
  "Parameter tidak dikenal.",
);
export const BrowseFileQuerySchema = v.strictObject(
  {
    ...v.omit(BrowseQuerySchema, ["cursor"]).entries,
    format: FileFormatSchema,
    nik: v.optional(choice(["samar", "lengkap"] as const, "NIK", "NIK harus samar atau lengkap.")),
  },
  "Parameter tidak dikenal.",
);

export const MonthlyFileQuerySchema = v.strictObject(
  {
    ...MonthlyQuerySchema.entries,
    /** A version sent to the SLRT; without it, the figures now. */
    version: v.optional(
      v.pipe(
        v.string("Versi harus berupa teks."),
        v.title("Versi"),
        v.regex(/^[1-9]\d{0,3}$/, "Versi harus bilangan bulat positif."),
      ),
    ),
    format: FileFormatSchema,
  },
  "Parameter tidak dikenal.",
);

export const DashboardFileQuerySchema = v.strictObject(
  { ...DashboardQuerySchema.entries, format: FileFormatSchema },
  "Parameter tidak dikenal.",
);

/** A download: what the route sends as it is. */
export interface FileOut {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}
