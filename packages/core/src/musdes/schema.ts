import * as v from "valibot";
import { RegionCodeSchema } from "../user/schema.ts";
import { isoDate, note, text, uuid, VersionSchema } from "../validation/fields.ts";

/**
 * A Musyawarah Desa (seed 003 §3.3.1 (2)): the desa's deliberation, at least twice a year, that
 * confirms which verified households go to the DPM. Recorded by the koordinator or the kepala desa
 * with its decision on each `layak` proposal.
 */
export const MusdesDecisionSchema = v.pipe(
  v.strictObject(
    {
      proposalId: uuid("ID usulan"),
      version: VersionSchema,
      confirmed: v.pipe(v.boolean("Keputusan harus bernilai ya/tidak."), v.title("Ditetapkan")),
      reason: v.optional(note("Alasan", 0, 500)),
    },
    "Keputusan harus berupa objek.",
  ),
  v.forward(
    v.check((d) => d.confirmed || (d.reason?.length ?? 0) >= 5, "Alasan tidak ditetapkan wajib diisi."),
    ["reason"],
  ),
);

export const RecordMusdesSchema = v.strictObject(
  {
    /** Made on the device, so sending the same musdes again records it once. */
    id: uuid("ID musdes"),
    date: isoDate("Tanggal musdes"),
    place: text("Tempat musdes", 3, 120),
    present: v.pipe(
      v.number("Jumlah hadir harus berupa angka."),
      v.title("Jumlah hadir"),
      v.integer("Jumlah hadir harus bilangan bulat."),
      v.minValue(1, "Jumlah hadir minimal 1."),
      v.maxValue(5000, "Jumlah hadir maksimal 5000."),
    ),
    minutesRef: text("Nomor berita acara", 1, 120),
    decisions: v.pipe(
      v.array(MusdesDecisionSchema, "Keputusan harus berupa daftar."),
      v.title("Keputusan"),
      v.minLength(1, "Putuskan minimal satu usulan."),
      v.maxLength(100, "Keputusan maksimal 100 usulan sekali musdes."),
    ),
  },
  "Data musdes harus berupa objek JSON.",
);

export const MusdesViewSchema = v.object({
  id: v.string(),
  desaCode: v.string(),
  date: v.string(),
  place: v.string(),
  present: v.number(),
  minutesRef: v.string(),
  decisions: v.array(
    v.object({
      proposalId: v.string(),
      confirmed: v.boolean(),
      reason: v.optional(v.string()),
      /** Whether the proposal took the decision (a race may have moved it first). */
      applied: v.boolean(),
      message: v.optional(v.string()),
    }),
  ),
  createdAt: v.string(),
  createdBy: v.string(),
});
export type MusdesView = v.InferOutput<typeof MusdesViewSchema>;
export const MusdesListSchema = v.array(MusdesViewSchema);

/** The musdes annex: the households decided, for an A4 list with columns for signatures. */
export const MusdesAnnexSchema = v.object({
  musdes: MusdesViewSchema,
  desa: v.string(),
  /** A kelurahan holds a musyawarah kelurahan, and its annex says so. */
  desaKind: v.picklist(["desa", "kelurahan"]),
  kecamatan: v.string(),
  kabupaten: v.string(),
  households: v.array(
    v.object({
      proposalId: v.string(),
      head: v.string(),
      members: v.number(),
      address: v.string(),
      result: v.string(),
      confirmed: v.boolean(),
      reason: v.optional(v.string()),
    }),
  ),
});
export type MusdesAnnex = v.InferOutput<typeof MusdesAnnexSchema>;

export const ListMusdesSchema = v.object({ desa: v.optional(RegionCodeSchema) });
