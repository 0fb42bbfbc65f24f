import { DEFAULT_RETENTION, RETENTION_NOUNS, type RetentionKind } from "./schema.ts";

/**
 * What the settings page says of each kind: its name, what is erased, and why its default is what it
 * is (the English of each reason is beside it here and in the README). Apart from ./schema.ts so the
 * API's cold start does not carry the texts.
 */
export interface RetentionRule {
  months: number;
  label: string;
  noun: string;
  erases: string;
  reason: string;
}

const rule = (kind: RetentionKind, label: string, erases: string, reason: string): RetentionRule => ({
  months: DEFAULT_RETENTION[kind],
  label,
  noun: RETENTION_NOUNS[kind],
  erases,
  reason,
});

export const RETENTION_RULES: Record<RetentionKind, RetentionRule> = {
  // Two years after closing: a resident's repeat complaint can still be linked to the earlier handling,
  // and audits of the previous budget year can still trace it.
  complaint: rule(
    "complaint",
    "Pengaduan",
    "identitas pelapor, uraian, jawaban, catatan riwayat, kode pelacakan",
    "Dua tahun setelah selesai: pengaduan ulang warga masih dapat dikaitkan dengan penanganan sebelumnya, dan pemeriksaan atas tahun anggaran sebelumnya masih dapat menelusurinya.",
  ),
  // The same as its complaint: the letter and the OPD's service are reviewed together with it.
  referral: rule(
    "referral",
    "Rujukan",
    "identitas warga, alasan, kebutuhan, catatan, uraian layanan",
    "Sama dengan pengaduan asalnya: surat rujukan dan layanan OPD diperiksa bersama pengaduannya. Nomor surat, OPD, program, dan tanggal tetap disimpan.",
  ),
  // Two DTSEN update cycles: a household not in the DPM by then is proposed again with a new field
  // verification, so the old member data is no longer needed.
  proposal: rule(
    "proposal",
    "Usulan DTSEN",
    "anggota rumah tangga (NIK, nama), No. KK, alamat, catatan, alasan",
    "Dua siklus pemutakhiran DTSEN: rumah tangga yang belum masuk DPM setelah itu diusulkan ulang dengan verval baru, sehingga data anggota lama tidak diperlukan lagi.",
  ),
  // Five years: PPKS clients (children, persons with disabilities, victims of violence) often return,
  // and their assessment and intervention history is needed to help them again.
  case: rule(
    "case",
    "Kasus",
    "identitas klien, keterangan, isi asesmen dan intervensi, berkas serah terima",
    "Lima tahun: klien PPKS (anak, penyandang disabilitas, korban kekerasan) sering kembali, dan riwayat asesmen serta intervensi diperlukan untuk penanganan lanjutan.",
  ),
  // Five years, as long as the access log: the answer to a resident's request is the kabupaten's proof
  // that it met UU PDP's deadline, and is checked against the log the request asked about.
  request: rule(
    "request",
    "Permintaan warga",
    "NIK, nama, kontak, isi permintaan dan jawaban; jenis, tanggal, dan petugas yang menjawab tetap",
    "Lima tahun, sama dengan log akses: jawaban atas permintaan warga adalah bukti kabupaten/kota menjawab dalam batas waktu UU PDP, dan diperiksa bersama log akses yang ditanyakan.",
  ),
  // No shorter than the data it records access to: as long as a person's data exists, they may ask
  // who accessed it.
  audit: rule(
    "audit",
    "Log akses",
    "tautan entri log ke NIK warga (hash) dan NIK tersamar; entrinya tetap",
    "Tidak lebih pendek dari data yang diaksesnya: selama data seseorang ada, ia berhak tahu siapa yang mengaksesnya.",
  ),
};
