import * as v from "valibot";
import { KkSchema, NikSchema } from "../resident/schema.ts";
import { RegionCodeSchema } from "../user/schema.ts";
import { choice, CursorSchema, fullName, note, pageOf, uuid } from "../validation/fields.ts";
import { PROPOSAL_ACTIONS, PROPOSAL_STATES } from "./workflow.ts";

export * from "./workflow.ts";

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
    name: fullName("Nama anggota"),
    relationship: choice(keys(RELATIONSHIPS), "Hubungan keluarga"),
  },
  "Anggota rumah tangga harus berupa objek.",
);

export const CreateProposalSchema = v.pipe(
  v.strictObject(
    {
      id: uuid("ID usulan"),
      complaintId: uuid("ID pengaduan"),
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
      houseCondition: choice(keys(HOUSE_CONDITIONS), "Kondisi rumah"),
      incomeSource: choice(keys(INCOME_SOURCES), "Sumber penghasilan"),
      notes: v.optional(note("Catatan", 0, 1000)),
      idConfirmed: v.optional(v.boolean("Konfirmasi NIK harus bernilai ya/tidak.")),
    },
    "Data usulan harus berupa objek JSON.",
  ),
);

export const ListProposalsSchema = v.object({
  kecamatan: v.optional(RegionCodeSchema),
  desa: v.optional(RegionCodeSchema),
  cursor: v.optional(CursorSchema),
});

/** A proposal as the API shows it: member NIKs masked, with what the caller may do on it now. */
export const ProposalViewSchema = v.object({
  id: v.string(),
  complaintId: v.string(),
  desaCode: v.string(),
  kecamatanCode: v.string(),
  state: v.picklist(PROPOSAL_STATES),
  kkMasked: v.optional(v.string()),
  members: v.array(v.object({ nikMasked: v.string(), name: v.string(), relationship: v.string() })),
  houseCondition: v.string(),
  incomeSource: v.string(),
  notes: v.optional(v.string()),
  createdAt: v.string(),
  createdBy: v.string(),
  actions: v.array(v.picklist(PROPOSAL_ACTIONS)),
});
export type ProposalView = v.InferOutput<typeof ProposalViewSchema>;

export const ProposalPageSchema = pageOf(ProposalViewSchema);
