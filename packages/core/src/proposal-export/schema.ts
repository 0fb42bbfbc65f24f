import * as v from "valibot";
import { choice, CursorSchema, pageOf, uuid } from "../validation/fields.ts";

/**
 * A batch of confirmed household proposals exported for upload to the national system (DTSEN /
 * SIKS-NG): numbered per kabupaten per year, for one desa or the whole kabupaten. The answers carry
 * counts only; full NIKs are only inside the file, which is rebuilt from the proposals on each
 * download.
 */
export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

export const CreateExportSchema = v.strictObject(
  {
    /** Made on the device, so a resend of the same request makes one batch. */
    id: uuid("ID ekspor"),
    /** One desa; absent for the whole kabupaten. */
    desaCode: v.optional(
      v.pipe(
        v.string("Desa harus berupa teks."),
        v.title("Desa"),
        v.trim(),
        v.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, "Kode desa harus berformat PP.KK.CC.DDDD."),
      ),
    ),
  },
  "Data ekspor harus berupa objek JSON.",
);

export const ListExportsSchema = v.object({ cursor: v.optional(CursorSchema) });

export const ExportFileQuerySchema = v.object({
  format: v.optional(choice(EXPORT_FORMATS, "Format berkas", "Format berkas harus xlsx atau csv."), "xlsx"),
});

export const ProposalExportViewSchema = v.object({
  id: v.string(),
  /** `0001/USULAN-33.28/2026`. */
  number: v.string(),
  /** The desa exported; absent when the batch covers the whole kabupaten. */
  desaCode: v.optional(v.string()),
  /** The area in words: "Desa Kalisapu, Kec. Slawi" or "Kabupaten Tegal". */
  area: v.string(),
  at: v.string(),
  by: v.string(),
  byName: v.string(),
  /** Households and members in the file. */
  households: v.number(),
  members: v.number(),
  /** Chosen for the batch but moved by someone else before it could take them. */
  skipped: v.number(),
  /** Confirmed proposals of the area left for a next batch (a batch holds at most 1,000). */
  remaining: v.number(),
  /** False while the proposals are still being moved (a resend of the same `id` finishes it). */
  complete: v.boolean(),
});
export type ProposalExportView = v.InferOutput<typeof ProposalExportViewSchema>;

export const ProposalExportPageSchema = pageOf(ProposalExportViewSchema);
