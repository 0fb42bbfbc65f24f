import { desaKindWord } from "../region/words.ts";
import type { Role } from "./schema.ts";

// Apart from schema.ts, whose role names every screen's header needs: only the home page shows these.
/**
 * What each role does, as the home page tells the user (DESIGN §2). `{desa}` is the user's own village in
 * its own word (userDuties).
 */
const ROLE_DUTIES: Record<Role, string> = {
  "front-office":
    "Memberi nomor antrian, mencatat pengaduan warga, memeriksa DPM, mencatat profil rumah tangga, dan mengusulkan rumah tangga yang belum terdaftar.",
  "back-office":
    "Menjawab dan menangani pengaduan yang diteruskan front office, membuka penanganan kasus untuk pekerja sosial, dan merujuk yang tidak dapat ditangani di {desa}.",
  koordinator: "Mengoordinasikan seluruh layanan Puskesos di {desa} dan menyusun laporan bulanan ke SLRT.",
  "kepala-desa":
    "Memantau dasbor, laporan, dan usulan Puskesos {desa}, serta mencatat hasil musyawarah {desa} (musdes) atas usulan rumah tangga.",
  supervisor:
    "Memeriksa rujukan dari desa/kelurahan di kecamatan Anda (meneruskan ke Manajer Daerah atau mengembalikan ke desa/kelurahan), serta menyetujui atau mengembalikan rencana intervensi dan terminasi kasus pekerja sosial di kecamatan Anda.",
  manajer:
    "Menyetujui atau menolak rujukan, menugaskan OPD dan program, menyetujui rencana dan terminasi kasus, serta mengelola laporan, ekspor, dan katalog kabupaten/kota.",
  survei: "Melakukan verifikasi dan validasi (verval) lapangan atas rumah tangga yang diusulkan.",
  opd: "Menerima atau menolak rujukan yang ditujukan ke OPD Anda dan mencatat hasil layanannya.",
  admin:
    "Mengelola pengguna, konfigurasi, impor DPM kabupaten/kota, dan kunci serah terima dengan kabupaten/kota lain. Admin tidak dapat melihat isi pengaduan atau kasus.",
  "pekerja-sosial":
    "Menangani kasus PPKS: asesmen, rencana, intervensi, evaluasi, dan terminasi; menempatkan klien di rumah singgah, panti, atau UPT; menyerahkan klien ke kabupaten/kota asalnya.",
  "pelindungan-data":
    "Menjawab warga yang bertanya siapa memakai datanya (laporan akses menurut NIK), mencatat dan menjawab permintaan warga (akses, koreksi, penghapusan, keberatan), dan menetapkan masa simpan data. Tidak dapat melihat isi pengaduan atau kasus.",
};

/**
 * A user's duties: one who serves one desa or kelurahan reads its own word ("kelurahan" for a lurah); one
 * over many (a kabupaten's front office) reads "desa/kelurahan".
 */
export const userDuties = (user: { role: Role; scope: { level: string; code: string } }): string =>
  ROLE_DUTIES[user.role].replaceAll(
    "{desa}",
    desaKindWord(user.scope.level === "desa" ? user.scope.code : undefined),
  );
