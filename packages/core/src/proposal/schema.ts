import * as v from "valibot";
import { KkSchema, NikSchema } from "../complaint/schema.ts";
import { FullNameSchema, RegionCodeSchema } from "../user/schema.ts";

export const PROPOSAL_STATES = [
  "diusulkan",
  "dijadwalkan",
  "layak",
  "tidak-layak",
  "ditetapkan-musdes",
  "diekspor",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  diusulkan: "Diusulkan",
  dijadwalkan: "Dijadwalkan verval",
  layak: "Layak",
  "tidak-layak": "Tidak layak",
  "ditetapkan-musdes": "Ditetapkan musdes",
  diekspor: "Diekspor",
};

export const RELATIONSHIPS = {
  "kepala-keluarga": "Kepala keluarga",
  "suami-istri": "Suami/istri",
  anak: "Anak",
  menantu: "Menantu",
  cucu: "Cucu",
  "orang-tua": "Orang tua/mertua",
  "famili-lain": "Famili lain",
  lainnya: "Lainnya",
} as const;

export const HOUSE_CONDITIONS = {
  layak: "Layak huni",
  "kurang-layak": "Kurang layak (perlu perbaikan)",
  "tidak-layak": "Tidak layak huni",
  "tidak-punya": "Tidak punya rumah (menumpang)",
} as const;

export const INCOME_SOURCES = {
  "tidak-ada": "Tidak ada penghasilan tetap",
  "buruh-harian": "Buruh harian lepas",
  "petani-nelayan": "Petani / nelayan / peternak",
  "usaha-kecil": "Pedagang / usaha kecil",
  karyawan: "Karyawan / pegawai",
  "kiriman-keluarga": "Kiriman keluarga",
  lainnya: "Lainnya",
} as const;

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const MemberSchema = v.strictObject(
  {
    nik: NikSchema,
    name: v.pipe(FullNameSchema, v.title("Nama anggota")),
    relationship: v.pipe(
      v.picklist(keys(RELATIONSHIPS), "Hubungan keluarga tidak dikenal."),
      v.title("Hubungan keluarga"),
    ),
  },
  "Anggota rumah tangga harus berupa objek.",
);

export const CreateProposalSchema = v.pipe(
  v.strictObject(
    {
      id: v.pipe(
        v.string("ID usulan harus berupa teks."),
        v.title("ID usulan"),
        v.uuid("ID usulan harus UUID."),
      ),
      complaintId: v.pipe(
        v.string("ID pengaduan harus berupa teks."),
        v.title("ID pengaduan"),
        v.uuid("ID pengaduan harus UUID."),
      ),
      kk: v.optional(KkSchema),
      members: v.pipe(
        v.array(MemberSchema, "Anggota rumah tangga harus berupa daftar."),
        v.title("Anggota rumah tangga"),
        v.minLength(1, "Catat minimal satu anggota rumah tangga."),
        v.maxLength(20, "Anggota rumah tangga maksimal 20 orang."),
        v.check(
          (m) => new Set(m.map((x) => x.nik)).size === m.length,
          "NIK anggota rumah tangga tidak boleh ganda.",
        ),
      ),
      houseCondition: v.pipe(
        v.picklist(keys(HOUSE_CONDITIONS), "Kondisi rumah tidak dikenal."),
        v.title("Kondisi rumah"),
      ),
      incomeSource: v.pipe(
        v.picklist(keys(INCOME_SOURCES), "Sumber penghasilan tidak dikenal."),
        v.title("Sumber penghasilan"),
      ),
      notes: v.optional(
        v.pipe(
          v.string("Catatan harus berupa teks."),
          v.trim(),
          v.maxLength(1000, "Catatan maksimal 1000 karakter."),
        ),
      ),
      idConfirmed: v.optional(v.boolean("Konfirmasi NIK harus bernilai ya/tidak.")),
    },
    "Data usulan harus berupa objek JSON.",
  ),
);

export const ListProposalsSchema = v.object({
  kecamatan: v.optional(RegionCodeSchema),
  desa: v.optional(RegionCodeSchema),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048, "Penanda halaman terlalu panjang."))),
});

export interface ProposalView {
  id: string;
  complaintId: string;
  desaCode: string;
  kecamatanCode: string;
  state: ProposalState;
  kkMasked?: string;
  members: { nikMasked: string; name: string; relationship: string }[];
  houseCondition: string;
  incomeSource: string;
  notes?: string;
  createdAt: string;
  createdBy: string;
}
