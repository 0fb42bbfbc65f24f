import * as v from "valibot";
import { pageOf } from "../validation/fields.ts";

/** One line of the audit log: who, with which role, when, what, on which record, from where. */
export const AuditEntrySchema = v.object({
  id: v.string(),
  at: v.string(),
  by: v.string(),
  role: v.string(),
  ip: v.string(),
  action: v.string(),
  targetType: v.string(),
  targetId: v.string(),
  /** Indonesian one-line description shown in the log. */
  summary: v.string(),
});
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

export const AuditPageSchema = v.object({
  ...pageOf(AuditEntrySchema).entries,
  /** The kabupaten's day listed, when the log was read by day. */
  day: v.optional(v.string()),
});
export type AuditPage = v.InferOutput<typeof AuditPageSchema>;

/** What each kind of record an entry is about is called in the log (its `targetType`). */
export const AUDIT_TARGET_LABELS: Record<string, string> = {
  catalog: "Katalog",
  complaint: "Pengaduan",
  dpm: "DPM",
  facility: "Fasilitas",
  indicator: "Indikator",
  musdes: "Musdes",
  person: "Warga (kasus)",
  "privacy-request": "Permintaan warga",
  proposal: "Usulan",
  "proposal-export": "Ekspor usulan",
  psks: "PSKS",
  queue: "Antrian",
  referral: "Rujukan",
  region: "Daftar pengaduan",
  report: "Laporan",
  resident: "Warga",
  retention: "Retensi",
  settings: "Pengaturan",
  "trusted-sender": "Kunci serah terima",
  user: "Pengguna",
};
