import * as v from "valibot";
import { IndicatorValueSchema } from "../indicator/schema.ts";
import { NikSchema } from "../resident/schema.ts";
import { choice, fullName, isoDate, note, text, uuid, VersionSchema } from "../validation/fields.ts";
import { defineWorkflow } from "../workflow/index.ts";
import { ASSETS, codesOf, HOUSE_CONDITIONS, INCOME_SOURCES, RELATIONSHIPS } from "./f1.ts";

/** Proposal states of DESIGN §3 (usulan F1 → verval → musdes → export), and its withdrawal. */
export const PROPOSAL_STATES = [
  "diusulkan",
  "dijadwalkan",
  "layak",
  "tidak-layak",
  "ditetapkan-musdes",
  "tidak-ditetapkan",
  "diekspor",
  "dibatalkan",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  diusulkan: "Diusulkan",
  dijadwalkan: "Dijadwalkan verval",
  layak: "Layak (menunggu musdes)",
  "tidak-layak": "Tidak layak",
  "ditetapkan-musdes": "Ditetapkan musdes",
  "tidak-ditetapkan": "Tidak ditetapkan musdes",
  diekspor: "Diekspor ke pusat",
  dibatalkan: "Dibatalkan",
};

/** States after which a household may be proposed again from its complaint. */
export const PROPOSAL_ENDED: readonly ProposalState[] = ["tidak-layak", "tidak-ditetapkan", "dibatalkan"];

const body = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject({ version: VersionSchema, ...entries }, "Data harus berupa objek JSON.");

export const ScheduleSchema = body({
  visitDate: isoDate("Tanggal kunjungan"),
  officers: v.pipe(
    v.array(fullName("Nama petugas"), "Petugas harus berupa daftar."),
    v.title("Petugas yang berangkat"),
    v.minLength(1, "Catat minimal satu petugas yang berangkat."),
    v.maxLength(5, "Petugas maksimal 5 orang."),
  ),
});

/** A member as the surveyor found the household: one already proposed (by its place), or a new one. */
export const VisitedMemberSchema = v.pipe(
  v.strictObject(
    {
      existing: v.optional(
        v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(19), v.title("Anggota")),
      ),
      nik: v.optional(NikSchema),
      name: fullName("Nama anggota"),
      relationship: choice(codesOf(RELATIONSHIPS), "Hubungan keluarga"),
    },
    "Anggota rumah tangga harus berupa objek.",
  ),
  v.forward(
    v.check((m) => (m.existing === undefined) !== (m.nik === undefined), "NIK anggota baru wajib diisi."),
    ["nik"],
  ),
);

export const VerifySchema = body({
  /** Made on the device: the same result sent twice from the outbox is recorded once. */
  resultId: uuid("ID hasil"),
  result: choice(["layak", "tidak-layak"], "Hasil verval"),
  reason: note("Alasan", 5, 1000),
  visitDate: isoDate("Tanggal kunjungan"),
  members: v.pipe(
    v.array(VisitedMemberSchema, "Anggota rumah tangga harus berupa daftar."),
    v.title("Anggota rumah tangga"),
    v.minLength(1, "Catat minimal satu anggota rumah tangga."),
    v.maxLength(20, "Anggota rumah tangga maksimal 20 orang."),
  ),
  houseCondition: choice(codesOf(HOUSE_CONDITIONS), "Kondisi rumah"),
  incomeSource: choice(codesOf(INCOME_SOURCES), "Sumber penghasilan"),
  assets: v.pipe(
    v.array(choice(codesOf(ASSETS), "Aset"), "Aset harus berupa daftar."),
    v.title("Aset"),
    v.maxLength(8, "Aset terlalu banyak."),
  ),
  indicators: v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(48)), IndicatorValueSchema, "Indikator harus berupa objek."),
    v.title("Indikator kabupaten"),
  ),
  /** The surveyor checked a new member's NIK whose region code is unknown against the card. */
  idConfirmed: v.optional(v.boolean("Konfirmasi NIK harus bernilai ya/tidak.")),
});

export const DecideSchema = v.pipe(
  body({
    musdesId: uuid("ID musdes"),
    confirmed: v.pipe(v.boolean("Keputusan harus bernilai ya/tidak."), v.title("Ditetapkan")),
    reason: v.optional(note("Alasan", 0, 500)),
  }),
  v.forward(
    v.check((d) => d.confirmed || (d.reason?.length ?? 0) >= 5, "Alasan tidak ditetapkan wajib diisi."),
    ["reason"],
  ),
);

/** What the workflow needs to know of a proposal. */
export interface ProposalSubject {
  state: ProposalState;
  desaCode: string;
  version: number;
}

/**
 * A household proposed for the DPM: verified in the field by the survey team, confirmed at the
 * Musyawarah Desa by the desa, and exported by the manajer for upload to the national system. It is
 * made from its complaint (the complaint's `propose`) and withdrawn with it (`cancel`).
 */
export const PROPOSAL_WORKFLOW = defineWorkflow({
  entity: "proposal",
  label: "Usulan",
  states: PROPOSAL_STATES,
  stateLabels: PROPOSAL_STATE_LABELS,
  region: (p: ProposalSubject) => p.desaCode,
  actions: {
    schedule: {
      label: "Jadwalkan kunjungan",
      done: "Kunjungan verval dijadwalkan",
      from: ["diusulkan", "dijadwalkan"],
      to: "dijadwalkan",
      roles: ["survei"],
      input: ScheduleSchema,
      operation: "proposals.schedule",
    },
    verify: {
      label: "Catat hasil verval",
      done: "Hasil verval dicatat",
      from: ["dijadwalkan"],
      outcomes: ["layak", "tidak-layak"],
      roles: ["survei"],
      input: VerifySchema,
      operation: "proposals.verify",
    },
    decide: {
      label: "Putuskan di musdes",
      done: "Diputuskan Musyawarah Desa",
      from: ["layak"],
      outcomes: ["ditetapkan-musdes", "tidak-ditetapkan"],
      roles: ["koordinator", "kepala-desa"],
      input: DecideSchema,
      operation: "proposals.decide",
    },
    export: {
      label: "Ekspor",
      done: "Diekspor untuk diunggah ke DTSEN/SIKS-NG",
      from: ["ditetapkan-musdes"],
      to: "diekspor",
      roles: ["manajer"],
      operation: "proposalExports.create",
    },
  },
});
export type ProposalAction = keyof typeof PROPOSAL_WORKFLOW.actions;
export const PROPOSAL_ACTIONS = Object.keys(PROPOSAL_WORKFLOW.actions) as ProposalAction[];

/** Reasons, notes and names kept short enough to print on the musdes annex. */
export const MusdesPlaceSchema = text("Tempat musdes", 3, 120);
