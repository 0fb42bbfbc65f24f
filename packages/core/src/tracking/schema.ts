import * as v from "valibot";
import { COMPLAINT_STATES } from "../complaint/schema.ts";
import { TimeZoneSchema } from "../region/schema.ts";

export const StatusQuerySchema = v.strictObject(
  {
    code: v.pipe(
      v.string("Kode pelacakan harus berupa teks."),
      v.title("Kode pelacakan"),
      v.trim(),
      v.toUpperCase(),
      v.transform((s) => s.replace(/[^A-Z0-9]/g, "")),
      v.regex(/^[A-Z0-9]{8}$/, "Kode pelacakan terdiri dari 8 huruf/angka, mis. K7MP-2QXD."),
      v.transform((s) => `${s.slice(0, 4)}-${s.slice(4)}`),
    ),
    nikLast4: v.pipe(
      v.string("4 angka terakhir NIK harus berupa teks."),
      v.title("4 angka terakhir NIK"),
      v.regex(/^\d{4}$/, "Isi 4 angka terakhir NIK pelapor."),
    ),
  },
  "Data harus berupa objek JSON.",
);

/** What the resident's status page shows: the complaint's state and nothing personal. */
export const PublicStatusSchema = v.object({
  code: v.string(),
  state: v.picklist(COMPLAINT_STATES),
  stateLabel: v.string(),
  /** The category's name. */
  category: v.string(),
  /** "Desa Kalisapu" or "Kelurahan …". */
  desa: v.string(),
  /** The kabupaten's day it was registered. */
  registeredOn: v.string(),
  /** The latest change to the complaint or its referral. */
  updatedAt: v.string(),
  /** The kabupaten's zone, so a resident's phone set to another zone still reads the kabupaten's dates. */
  timeZone: TimeZoneSchema,
  /** The household's proposal for the DPM, when there is one: its step, and "masuk DPM" once an import holds it. */
  proposal: v.optional(v.object({ stateLabel: v.string(), inDpmOn: v.optional(v.string()) })),
  /** The complaint's referral, when there is one: its step, and the agency once one is assigned (no reasons). */
  referral: v.optional(v.object({ stateLabel: v.string(), opd: v.optional(v.string()) })),
});
export type PublicStatus = v.InferOutput<typeof PublicStatusSchema>;
