import * as v from "valibot";
import { PSKS_CODES } from "../catalog/schema.ts";
import { PhoneSchema } from "../resident/schema.ts";
import { choice, fullName, note, text, VersionSchema, RegionCodeSchema } from "../validation/fields.ts";

/**
 * The registry of Potensi dan Sumber Kesejahteraan Sosial (seed 003 §2.3.3 b, 12 kinds): who in a desa,
 * a kecamatan or the kabupaten can help (Karang Taruna, PSM, TKSK, LKS, Tagana, WKSBM, CSR partners, …),
 * with a contact person and whether they are active.
 */
export const PsksEntrySchema = v.object({
  id: v.string(),
  kind: v.string(),
  name: v.string(),
  /** The desa, kecamatan or kabupaten it serves. */
  regionCode: v.string(),
  contactName: v.string(),
  contactPhone: v.optional(v.string()),
  notes: v.optional(v.string()),
  active: v.boolean(),
  version: v.number(),
  updatedAt: v.string(),
  updatedBy: v.string(),
});
export type PsksEntry = v.InferOutput<typeof PsksEntrySchema>;
export const PsksListSchema = v.array(PsksEntrySchema);

const fields = {
  kind: choice(PSKS_CODES, "Jenis PSKS"),
  name: text("Nama", 3, 120),
  contactName: fullName("Narahubung"),
  contactPhone: v.optional(PhoneSchema),
  notes: v.optional(note("Catatan", 0, 1000)),
};

export const AddPsksSchema = v.strictObject(
  { ...fields, regionCode: v.optional(RegionCodeSchema) },
  "Data PSKS harus berupa objek JSON.",
);

export const UpdatePsksSchema = v.strictObject(
  {
    version: VersionSchema,
    ...fields,
    active: v.boolean("Aktif harus benar atau salah."),
  },
  "Data PSKS harus berupa objek JSON.",
);

export const ListPsksSchema = v.strictObject(
  {
    region: v.optional(RegionCodeSchema),
    kind: v.optional(choice(PSKS_CODES, "Jenis PSKS")),
  },
  "Parameter tidak dikenal.",
);

/** Active entries by kind for an area (its own, and every desa and kecamatan inside it). */
export const PsksCountsSchema = v.object({
  regionCode: v.string(),
  kinds: v.array(v.object({ code: v.string(), name: v.string(), count: v.number() })),
  total: v.number(),
});
export type PsksCounts = v.InferOutput<typeof PsksCountsSchema>;
