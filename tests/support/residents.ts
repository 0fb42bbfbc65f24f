import { randomUUID } from "node:crypto";

/**
 * Fictitious residents of Desa Kalisapu with valid NIKs (region 33.28.10, real dates, serials not 0000).
 * None is a real person.
 */
export const SITI = { nik: "3328104503850001", name: "Siti Aminah", decile: 2 };
export const BUDI = { nik: "3328101207900002", name: "Budi Santoso", decile: 1 };
export const WATI = { nik: "3328105806920003", name: "Wati Lestari" };
export const JOKO = { nik: "3328100101700004", name: "Joko Susilo" };

export const dpmCsv = (
  rows: { nik: string; name: string; decile?: number }[],
  header = "NIK,NAMA,ALAMAT,DESIL",
) =>
  [header, ...rows.map((r) => `${r.nik},${r.name},"RT 001 RW 002, Kalisapu",${r.decile ?? ""}`)].join("\n");

export const complaint = (over: Record<string, unknown> = {}, reporter: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  reporter: { nik: WATI.nik, name: WATI.name, rt: "1", rw: "2", ...reporter },
  category: "kesehatan",
  description: "Anak sakit dan tidak punya BPJS.",
  ppks: ["fakir-miskin"],
  legalBasis: "persetujuan",
  consent: true,
  ...over,
});

/** A referral's body for a complaint at the back office (reason, needs, Dinas Kesehatan, KIS PBI). */
export const referral = (complaintId: string, over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  complaintId,
  reason: "Biaya perawatan di luar kemampuan desa.",
  urgency: "segera",
  needs: "Jaminan kesehatan.",
  opds: ["dinas-kesehatan"],
  programs: ["kis-pbi"],
  ...over,
});

/** A fictitious resident of Kalisapu numbered `n` (1–9999), with a valid NIK of its own. */
export const person = (n: number) => ({
  nik: `33281001018${String(n).padStart(5, "0")}`,
  name: `Warga Nomor ${n}`,
});
