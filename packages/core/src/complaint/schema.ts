import * as v from "valibot";
import { CATEGORY_CODES, PPKS_CODES } from "../catalog/schema.ts";
import { checkKk, checkNik } from "../resident/nik.ts";
import { FullNameSchema, RegionCodeSchema } from "../user/schema.ts";

/** Complaint states of DESIGN §3. */
export const COMPLAINT_STATES = [
  "baru",
  "menunggu-verval",
  "diteruskan",
  "ditangani",
  "dirujuk",
  "selesai",
  "ditutup",
  "dibatalkan",
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = {
  baru: "Baru",
  "menunggu-verval": "Menunggu verifikasi lapangan",
  diteruskan: "Diteruskan ke back office",
  ditangani: "Sedang ditangani",
  dirujuk: "Dirujuk",
  selesai: "Selesai",
  ditutup: "Ditutup",
  dibatalkan: "Dibatalkan",
};

/** Legal basis for processing the resident's data (UU 27/2022 Pasal 20). */
export const LEGAL_BASES = ["persetujuan", "kewajiban-hukum", "kepentingan-umum"] as const;
export const LEGAL_BASIS_LABELS: Record<(typeof LEGAL_BASES)[number], string> = {
  persetujuan: "Persetujuan warga (subjek data)",
  "kewajiban-hukum": "Pemenuhan kewajiban hukum",
  "kepentingan-umum": "Pelaksanaan tugas kepentingan umum / kewenangan",
};

const digitsOnly = (s: string) => s.replace(/[\s.-]/g, "");

export const NikSchema = v.pipe(
  v.string("NIK harus berupa teks."),
  v.title("NIK"),
  v.transform(digitsOnly),
  v.check(
    (nik) => checkNik(nik).ok,
    (issue) => {
      const result = checkNik(String(issue.input));
      return result.ok ? "NIK tidak valid." : result.reason;
    },
  ),
);

export const KkSchema = v.pipe(
  v.string("No. KK harus berupa teks."),
  v.title("No. KK"),
  v.transform(digitsOnly),
  v.check(
    (kk) => checkKk(kk).ok,
    (issue) => {
      const result = checkKk(String(issue.input));
      return result.ok ? "No. KK tidak valid." : result.reason;
    },
  ),
);

const text = (label: string, min: number, max: number) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.trim(),
    v.minLength(min, min === 1 ? `${label} wajib diisi.` : `${label} minimal ${min} karakter.`),
    v.maxLength(max, `${label} maksimal ${max} karakter.`),
    v.regex(/^[^\p{Cc}]*$/u, `${label} berisi karakter yang tidak diizinkan.`),
  );

const rtRw = (label: string) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.trim(),
    v.regex(/^\d{1,3}$/, `${label} harus 1–3 angka, mis. 003.`),
    v.transform((s) => s.padStart(3, "0")),
  );

export const PhoneSchema = v.pipe(
  v.string("Nomor HP harus berupa teks."),
  v.title("Nomor HP"),
  v.transform((s) => s.replace(/[\s-]/g, "")),
  v.regex(/^(\+62|62|0)8\d{7,11}$/, "Nomor HP harus nomor seluler Indonesia, mis. 081234567890."),
);

export const ReporterSchema = v.pipe(
  v.strictObject(
    {
      nik: NikSchema,
      kk: v.optional(KkSchema),
      name: v.pipe(FullNameSchema, v.title("Nama pelapor")),
      rt: rtRw("RT"),
      rw: rtRw("RW"),
      dusun: v.optional(text("Dusun", 0, 60)),
      phone: v.optional(PhoneSchema),
    },
    "Data pelapor harus berupa objek.",
  ),
  v.title("Data pelapor"),
);

export const RegisterComplaintSchema = v.pipe(
  v.strictObject(
    {
      /** Made on the device so a resend of the same registration is recognised (offline outbox). */
      id: v.pipe(
        v.string("ID pengaduan harus berupa teks."),
        v.title("ID pengaduan"),
        v.uuid("ID pengaduan harus UUID."),
      ),
      queueNumber: v.optional(
        v.pipe(
          v.number("Nomor antrian harus berupa angka."),
          v.title("Nomor antrian"),
          v.integer("Nomor antrian harus bilangan bulat."),
          v.minValue(1, "Nomor antrian minimal 1."),
          v.maxValue(9999, "Nomor antrian maksimal 9999."),
        ),
      ),
      /** Only the kabupaten's SLRT front office names the desa; a desa office registers in its own. */
      desaCode: v.optional(RegionCodeSchema),
      reporter: ReporterSchema,
      category: v.pipe(v.picklist(CATEGORY_CODES, "Kategori pengaduan tidak dikenal."), v.title("Kategori")),
      description: text("Uraian pengaduan", 5, 2000),
      ppks: v.pipe(
        v.array(v.picklist(PPKS_CODES, "Jenis PPKS tidak dikenal."), "Jenis PPKS harus berupa daftar."),
        v.title("Jenis PPKS"),
        v.maxLength(26, "Jenis PPKS terlalu banyak."),
        v.check((list) => new Set(list).size === list.length, "Jenis PPKS tidak boleh ganda."),
      ),
      legalBasis: v.pipe(
        v.picklist(LEGAL_BASES, "Dasar pemrosesan data tidak dikenal."),
        v.title("Dasar pemrosesan data"),
      ),
      consent: v.pipe(v.boolean("Persetujuan harus bernilai ya/tidak."), v.title("Persetujuan")),
      /** The officer checked a NIK/KK whose region code is unknown against the card and confirms it. */
      idConfirmed: v.optional(v.boolean("Konfirmasi NIK harus bernilai ya/tidak.")),
    },
    "Data pengaduan harus berupa objek JSON.",
  ),
  v.forward(
    v.check(
      (input) => input.legalBasis !== "persetujuan" || input.consent,
      "Persetujuan warga wajib dicatat bila dasar pemrosesan adalah persetujuan.",
    ),
    ["consent"],
  ),
);
export type RegisterComplaintInput = v.InferInput<typeof RegisterComplaintSchema>;

export const ListComplaintsSchema = v.object({
  desa: v.optional(RegionCodeSchema),
  day: v.optional(v.pipe(v.string(), v.isoDate("Tanggal harus berformat TTTT-BB-HH."))),
  state: v.optional(v.picklist(COMPLAINT_STATES, "Status pengaduan tidak dikenal.")),
  category: v.optional(v.picklist(CATEGORY_CODES, "Kategori pengaduan tidak dikenal.")),
  name: v.optional(
    v.pipe(v.string(), v.trim(), v.minLength(2, "Nama yang dicari minimal 2 huruf."), v.maxLength(60)),
  ),
  nik: v.optional(NikSchema),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "Penanda halaman terlalu panjang."))),
});

/** A complaint as the officer's screens show it: NIK masked. */
export interface ComplaintView {
  id: string;
  desaCode: string;
  state: ComplaintState;
  trackingCode: string;
  queueDay: string;
  queueNumber?: number;
  reporter: {
    nikMasked: string;
    kkMasked?: string;
    name: string;
    rt: string;
    rw: string;
    dusun?: string;
    phone?: string;
  };
  category: string;
  description: string;
  ppks: string[];
  legalBasis: string;
  consent: boolean;
  dpm: { checked: boolean; found: boolean; decile?: number; name?: string };
  proposalId?: string;
  referralId?: string;
  handling?: {
    answer: string;
    handling?: string;
    villageProgram?: string;
    psks: string[];
    by: string;
    at: string;
  };
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}
