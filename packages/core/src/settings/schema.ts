import * as v from "valibot";
import { DEFAULT_RETENTION, RetentionSchema, UpdateRetentionSchema } from "../retention/schema.ts";
import { text } from "../validation/fields.ts";

/** Per-kabupaten settings the manager edits without a redeploy. */
export const SettingsSchema = v.object({
  /** Days each step may take before it is overdue. */
  dueDays: v.object({ supervisor: v.number(), manajer: v.number(), opd: v.number() }),
  /** Letterhead of the referral letter, one line each (e.g. PEMERINTAH KABUPATEN TEGAL / DINAS SOSIAL). */
  letterhead: v.array(v.string()),
  /** Months personal data is kept after a record is finished, per kind (retention/). */
  retention: RetentionSchema,
  updatedAt: v.optional(v.string()),
  updatedBy: v.optional(v.string()),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** The referral steps that have a due date, in the order a referral passes them, as the settings form names them. */
export const DUE_STEPS: { step: keyof Settings["dueDays"]; label: string }[] = [
  { step: "supervisor", label: "Supervisor kecamatan" },
  { step: "manajer", label: "Manajer daerah" },
  { step: "opd", label: "OPD" },
];

export const DEFAULT_SETTINGS: Settings = {
  dueDays: { supervisor: 3, manajer: 5, opd: 14 },
  letterhead: [
    "PEMERINTAH KABUPATEN",
    "DINAS SOSIAL",
    "SEKRETARIAT SISTEM LAYANAN DAN RUJUKAN TERPADU (SLRT)",
  ],
  retention: DEFAULT_RETENTION,
};

const days = (label: string) =>
  v.pipe(
    v.number(`${label} harus berupa angka.`),
    v.title(label),
    v.integer(`${label} harus bilangan bulat.`),
    v.minValue(1, `${label} minimal 1 hari.`),
    v.maxValue(90, `${label} maksimal 90 hari.`),
  );

export const UpdateSettingsSchema = v.strictObject(
  {
    dueDays: v.strictObject(
      {
        supervisor: days("Batas hari supervisor"),
        manajer: days("Batas hari manajer"),
        opd: days("Batas hari OPD"),
      },
      "Batas hari harus berupa objek.",
    ),
    letterhead: v.pipe(
      v.array(text("Baris kop surat", 0, 120), "Kop surat harus berupa daftar baris."),
      v.title("Kop surat"),
      v.minLength(1, "Kop surat minimal satu baris."),
      v.maxLength(6, "Kop surat maksimal 6 baris."),
    ),
    /** Left out, the periods stay as they are (a client that does not know them yet). */
    retention: v.optional(UpdateRetentionSchema),
  },
  "Pengaturan harus berupa objek JSON.",
);

/** The retention periods alone, as the data protection officer sets them. */
export const UpdateRetentionOnlySchema = v.strictObject(
  { retention: UpdateRetentionSchema },
  "Data harus berupa objek JSON.",
);
