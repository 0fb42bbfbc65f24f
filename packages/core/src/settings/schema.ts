import * as v from "valibot";

/** Per-kabupaten settings the manager edits without a redeploy. */
export interface Settings {
  /** Days each step may take before it is overdue. */
  dueDays: { supervisor: number; manajer: number; opd: number };
  /** Letterhead of the referral letter, one line each (e.g. PEMERINTAH KABUPATEN TEGAL / DINAS SOSIAL). */
  letterhead: string[];
  updatedAt?: string;
  updatedBy?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  dueDays: { supervisor: 3, manajer: 5, opd: 14 },
  letterhead: [
    "PEMERINTAH KABUPATEN",
    "DINAS SOSIAL",
    "SEKRETARIAT SISTEM LAYANAN DAN RUJUKAN TERPADU (SLRT)",
  ],
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
      v.array(
        v.pipe(
          v.string("Baris kop surat harus berupa teks."),
          v.trim(),
          v.maxLength(120, "Baris kop surat maksimal 120 karakter."),
        ),
        "Kop surat harus berupa daftar baris.",
      ),
      v.title("Kop surat"),
      v.minLength(1, "Kop surat minimal satu baris."),
      v.maxLength(6, "Kop surat maksimal 6 baris."),
    ),
  },
  "Pengaturan harus berupa objek JSON.",
);
