import * as v from "valibot";
import { choice, code, isoDate, kabupatenCode, note, text, VersionSchema } from "../validation/fields.ts";

/** The input of each case action (seed 001's stages), and the lists its fields pick from. */

const body = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject({ version: VersionSchema, ...entries }, "Data harus berupa objek JSON.");

/** The label of a code in one of these `[code, label]` lists; an unknown code as it is. */
export const labelOf = (list: readonly (readonly [string, string])[], code: unknown): string =>
  list.find(([c]) => c === code)?.[1] ?? String(code);

/** Conditions an assessment records in a structured way (seed 001: problems, needs, strengths, family). */
export const CONDITIONS = [
  ["tanpa-tempat-tinggal", "Tidak punya tempat tinggal"],
  ["tanpa-identitas", "Tidak punya dokumen identitas"],
  ["disabilitas", "Disabilitas"],
  ["sakit-kronis", "Sakit menahun"],
  ["gangguan-jiwa", "Gangguan jiwa"],
  ["korban-kekerasan", "Korban kekerasan atau eksploitasi"],
  ["berhadapan-hukum", "Berhadapan dengan hukum"],
  ["tanpa-penghasilan", "Tidak punya penghasilan"],
  ["terpisah-keluarga", "Terpisah dari keluarga"],
] as const;
export const CONDITION_CODES = CONDITIONS.map(([c]) => c);

const psksIds = v.optional(
  v.pipe(v.array(v.string("PSKS harus berupa teks."), "PSKS harus berupa daftar."), v.maxLength(10)),
);

export const AssessmentSchema = body({
  problems: note("Masalah", 5, 2000),
  needs: note("Kebutuhan", 5, 2000),
  strengths: v.optional(note("Kekuatan klien", 0, 2000)),
  family: v.optional(note("Keluarga dan sumber bantuan lain", 0, 2000)),
  conditions: v.optional(v.array(choice(CONDITION_CODES, "Kondisi"), "Kondisi harus berupa daftar.")),
  psksIds,
  notes: v.optional(note("Catatan asesmen", 0, 4000)),
});

const StepInput = v.strictObject(
  { step: text("Langkah", 3, 300), targetDate: isoDate("Tanggal target") },
  "Langkah harus berupa objek.",
);
export const PlanSchema = body({
  goals: v.pipe(
    v.array(
      v.strictObject(
        {
          goal: text("Tujuan", 5, 300),
          strategy: note("Strategi", 5, 1000),
          steps: v.pipe(
            v.array(StepInput, "Langkah harus berupa daftar."),
            v.title("Langkah tujuan"),
            v.minLength(1, "Setiap tujuan perlu minimal satu langkah."),
            v.maxLength(10, "Paling banyak 10 langkah per tujuan."),
          ),
        },
        "Tujuan harus berupa objek.",
      ),
      "Tujuan harus berupa daftar.",
    ),
    v.minLength(1, "Rencana perlu minimal satu tujuan."),
    v.maxLength(8, "Paling banyak 8 tujuan."),
  ),
  notes: v.optional(note("Catatan rencana", 0, 2000)),
});

export const INTERVENTION_KINDS = [
  ["konseling", "Konseling"],
  ["rujukan", "Rujukan"],
  ["bantuan", "Bantuan"],
  ["penempatan", "Penempatan"],
  ["pendampingan", "Pendampingan"],
  ["reunifikasi", "Reunifikasi keluarga"],
  ["lainnya", "Lainnya"],
] as const;

export const InterventionSchema = body({
  date: isoDate("Tanggal intervensi"),
  kind: choice(
    INTERVENTION_KINDS.map(([c]) => c),
    "Jenis intervensi",
  ),
  goalId: text("Tujuan", 1, 10),
  /** The plan step this action completes, if it does. */
  completesStep: v.optional(text("Langkah yang selesai", 1, 10)),
  description: note("Uraian intervensi", 5, 2000),
  psksIds,
});

export const PROGRESS = [
  ["belum", "Belum ada kemajuan"],
  ["sebagian", "Sebagian tercapai"],
  ["tercapai", "Tercapai"],
] as const;

export const EvaluationSchema = body({
  date: isoDate("Tanggal evaluasi"),
  goals: v.pipe(
    v.array(
      v.strictObject(
        {
          goalId: text("Tujuan", 1, 10),
          progress: choice(
            PROGRESS.map(([c]) => c),
            "Kemajuan",
          ),
          note: v.optional(note("Catatan kemajuan", 0, 1000)),
        },
        "Kemajuan tujuan harus berupa objek.",
      ),
      "Kemajuan harus berupa daftar.",
    ),
    v.minLength(1, "Nilai kemajuan minimal satu tujuan."),
  ),
  /** The plan adjusted: new target dates for steps not yet done. */
  targetChanges: v.optional(
    v.array(
      v.strictObject(
        { stepId: text("Langkah", 1, 10), targetDate: isoDate("Tanggal target baru") },
        "Perubahan target harus berupa objek.",
      ),
    ),
  ),
  notes: v.optional(note("Catatan evaluasi", 0, 2000)),
});

export const TERMINATION_REASONS = [
  ["tujuan-tercapai", "Tujuan tercapai"],
  ["kembali-ke-keluarga", "Kembali ke keluarga"],
  ["ditempatkan-di-lembaga", "Ditempatkan di lembaga"],
  ["dirujuk", "Dirujuk ke layanan lain"],
  ["pindah", "Pindah"],
  ["meninggal", "Meninggal dunia"],
] as const;

export const TerminationSchema = body({
  date: isoDate("Tanggal terminasi"),
  reason: choice(
    TERMINATION_REASONS.map(([c]) => c),
    "Alasan terminasi",
  ),
  destination: text("Keberadaan klien setelah terminasi", 3, 200),
  notes: v.optional(note("Catatan terminasi", 0, 2000)),
});

export const ApproveCaseSchema = body({ note: v.optional(note("Catatan", 0, 1000)) });
export const ReturnCaseSchema = body({ note: note("Catatan pengembalian", 5, 1000) });

export const AdmitSchema = body({
  facility: code("Fasilitas"),
  admittedOn: isoDate("Tanggal masuk"),
  note: v.optional(note("Catatan penempatan", 0, 1000)),
});
export const DischargeSchema = body({
  stayId: text("Penempatan", 1, 64),
  dischargedOn: isoDate("Tanggal keluar"),
  note: v.optional(note("Catatan", 0, 1000)),
});

export const HandOverSchema = body({
  toKabupatenCode: kabupatenCode("Kabupaten tujuan"),
  receiver: text("Penerima (Dinas Sosial tujuan)", 3, 200),
  reason: note("Alasan serah terima", 5, 1000),
});
