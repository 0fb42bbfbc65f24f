import * as v from "valibot";
import { KkSchema, NikSchema } from "../resident/schema.ts";
import {
  choice,
  CursorSchema,
  fullName,
  isoDate,
  note,
  pageOf,
  uuid,
  RegionCodeSchema,
} from "../validation/fields.ts";
import { codesOf, HOUSE_CONDITIONS, INCOME_SOURCES, RELATIONSHIPS } from "./f1.ts";
import { PROPOSAL_ACTIONS, PROPOSAL_STATES } from "./workflow.ts";

export * from "./workflow.ts";

export * from "./f1.ts";

/**
 * A member of the proposed household: with the NIK typed, or the complaint's reporter (whose NIK the
 * server already holds, so a proposal made later from the complaint's page needs no card at hand).
 */
export const MemberSchema = v.pipe(
  v.strictObject(
    {
      nik: v.optional(NikSchema),
      reporter: v.optional(v.literal(true, "Penanda pelapor harus bernilai true.")),
      name: fullName("Nama anggota"),
      relationship: choice(codesOf(RELATIONSHIPS), "Hubungan keluarga"),
    },
    "Anggota rumah tangga harus berupa objek.",
  ),
  v.forward(
    v.check((m) => (m.nik === undefined) !== (m.reporter === undefined), "NIK anggota wajib diisi."),
    ["nik"],
  ),
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
      houseCondition: choice(codesOf(HOUSE_CONDITIONS), "Kondisi rumah"),
      incomeSource: choice(codesOf(INCOME_SOURCES), "Sumber penghasilan"),
      notes: v.optional(note("Catatan", 0, 1000)),
      idConfirmed: v.optional(v.boolean("Konfirmasi NIK harus bernilai ya/tidak.")),
    },
    "Data usulan harus berupa objek JSON.",
  ),
);

/** The survey team's and the desa's list: by state, kecamatan and desa; all of the caller's scope by default. */
export const ListProposalsSchema = v.object({
  state: v.optional(v.picklist(PROPOSAL_STATES, "Status usulan tidak dikenal.")),
  kecamatan: v.optional(RegionCodeSchema),
  desa: v.optional(RegionCodeSchema),
  /** Scheduled visits of one kabupaten day, for the surveyor to take along. */
  visitDate: v.optional(isoDate("Tanggal kunjungan")),
  cursor: v.optional(CursorSchema),
});

/** A proposal as the API shows it: member NIKs masked, each step's record, what the caller may do now. */
export const ProposalViewSchema = v.object({
  id: v.string(),
  complaintId: v.string(),
  desaCode: v.string(),
  kecamatanCode: v.string(),
  state: v.picklist(PROPOSAL_STATES),
  version: v.number(),
  kkMasked: v.optional(v.string()),
  /** Where the household lives, for the visit. */
  address: v.object({ rt: v.string(), rw: v.string(), dusun: v.optional(v.string()) }),
  members: v.array(v.object({ nikMasked: v.string(), name: v.string(), relationship: v.string() })),
  houseCondition: v.string(),
  incomeSource: v.string(),
  assets: v.array(v.string()),
  notes: v.optional(v.string()),
  schedule: v.optional(
    v.object({
      visitDate: v.string(),
      officers: v.array(v.string()),
      by: v.string(),
      /** Kept since 2026-12: the scheduler's name (before it, the username only). */
      byName: v.optional(v.string()),
      at: v.string(),
    }),
  ),
  verification: v.optional(
    v.object({
      result: v.picklist(["layak", "tidak-layak"]),
      reason: v.string(),
      visitDate: v.string(),
      indicators: v.record(v.string(), v.union([v.boolean(), v.number(), v.string()])),
      by: v.string(),
      byName: v.string(),
      at: v.string(),
    }),
  ),
  musdes: v.optional(
    v.object({
      id: v.string(),
      date: v.string(),
      confirmed: v.boolean(),
      reason: v.optional(v.string()),
      by: v.string(),
      at: v.string(),
    }),
  ),
  export: v.optional(v.object({ batchId: v.string(), number: v.string(), at: v.string(), by: v.string() })),
  /** A later DPM import of the desa held one of its members: "masuk DPM". */
  inDpm: v.optional(v.object({ importedAt: v.string(), importId: v.string() })),
  withdrawn: v.optional(
    v.object({ reason: v.string(), at: v.string(), by: v.string(), byName: v.optional(v.string()) }),
  ),
  createdAt: v.string(),
  createdBy: v.string(),
  /** Kept since 2026-12: the proposer's name (before it, the username only). */
  createdByName: v.optional(v.string()),
  updatedAt: v.string(),
  actions: v.array(v.picklist(PROPOSAL_ACTIONS)),
});
export type ProposalView = v.InferOutput<typeof ProposalViewSchema>;

export const ProposalPageSchema = pageOf(ProposalViewSchema);
