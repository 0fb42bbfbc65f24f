import * as v from "valibot";
import { PSKS_CODES, SERVICE_FIELD_CODES } from "../catalog/schema.ts";
import { PROPOSAL_ENDED, type ProposalState } from "../proposal/workflow.ts";
import { CreateProposalSchema } from "../proposal/schema.ts";
import { CreateReferralSchema } from "../referral/schema.ts";
import { KkSchema, NikSchema, PhoneSchema } from "../resident/schema.ts";
import { fullName, note, text, uuid, VersionSchema } from "../validation/fields.ts";
import { defineWorkflow } from "../workflow/index.ts";
import { rtRw } from "./registration.ts";

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

/**
 * The states as the resident reads them on the public status page: in plain words, without the offices'
 * own names for each other ("back office").
 */
export const COMPLAINT_PUBLIC_LABELS: Record<ComplaintState, string> = {
  ...COMPLAINT_STATE_LABELS,
  baru: "Diterima",
  "menunggu-verval": "Menunggu kunjungan petugas ke rumah",
  diteruskan: "Sedang diperiksa petugas Puskesos",
  // The whole way: the referral's own row says where it stands (the supervisor, the kabupaten, an agency).
  dirujuk: "Dalam proses rujukan ke kabupaten dan dinas terkait",
};

/** What the desa's back office gave and did (DESIGN §3 step 4). */
export const HandlingSchema = v.strictObject(
  {
    version: VersionSchema,
    answer: note("Jawaban/informasi", 5, 2000),
    handling: v.optional(note("Penanganan", 0, 2000)),
    villageProgram: v.optional(text("Program", 0, 200)),
    serviceField: v.optional(
      v.pipe(
        v.picklist(
          SERVICE_FIELD_CODES,
          "Bidang layanan harus rehabilitasi, perlindungan, jaminan, atau pemberdayaan sosial.",
        ),
        v.title("Bidang layanan"),
      ),
    ),
    /** Entries of the PSKS registry involved (ids, of the complaint's desa, kecamatan or kabupaten). */
    psksIds: v.optional(
      v.pipe(
        v.array(uuid("PSKS"), "PSKS harus berupa daftar."),
        v.title("PSKS yang dilibatkan"),
        v.maxLength(20, "PSKS yang dilibatkan terlalu banyak."),
      ),
    ),
    psks: v.optional(
      v.pipe(
        v.array(v.picklist(PSKS_CODES, "Jenis PSKS tidak dikenal."), "PSKS harus berupa daftar."),
        v.title("PSKS"),
        v.maxLength(12, "PSKS terlalu banyak."),
      ),
    ),
  },
  "Data penanganan harus berupa objek JSON.",
);

/** What the workflow needs to know of a complaint. */
export interface ComplaintSubject {
  state: ComplaintState;
  desaCode: string;
  version: number;
  dpm: { found: boolean };
  proposalId?: string | undefined;
  proposalState?: ProposalState | undefined;
}

/**
 * Where the desa's back office acts: every complaint goes there at once, in the DPM or not
 * (`menunggu-verval` is where complaints of residents not in the DPM were parked before; they are
 * handled from there too).
 */
const AT_BACK_OFFICE = ["diteruskan", "ditangani", "menunggu-verval"] as const;

/** Open: not yet finished, closed or cancelled. */
export const OPEN_COMPLAINT_STATES = [
  "baru",
  "menunggu-verval",
  "diteruskan",
  "ditangani",
  "dirujuk",
] as const;

export const CancelSchema = v.strictObject(
  { version: VersionSchema, reason: note("Alasan pembatalan", 5, 500) },
  "Data harus berupa objek JSON.",
);

/** The reporter's details that can be corrected at the resident's request (UU PDP); the reason is kept. */
export const CORRECTABLE_FIELDS = ["name", "nik", "kk", "phone", "rt", "rw", "dusun"] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_LABELS: Record<CorrectableField, string> = {
  name: "Nama",
  nik: "NIK",
  kk: "No. KK",
  phone: "Nomor HP",
  rt: "RT",
  rw: "RW",
  dusun: "Dusun",
};

export const CorrectReporterSchema = v.strictObject(
  {
    version: VersionSchema,
    reason: note("Alasan koreksi", 5, 500),
    /** The officer saw the document for a NIK or No. KK that looks unusual (as at registration). */
    idConfirmed: v.optional(v.boolean("Konfirmasi identitas harus ya atau tidak.")),
    reporter: v.pipe(
      v.strictObject(
        {
          name: v.optional(fullName("Nama pelapor")),
          nik: v.optional(NikSchema),
          kk: v.optional(KkSchema),
          phone: v.optional(PhoneSchema),
          rt: v.optional(rtRw("RT")),
          rw: v.optional(rtRw("RW")),
          dusun: v.optional(text("Dusun", 0, 60)),
        },
        "Data pelapor harus berupa objek.",
      ),
      v.title("Data pelapor"),
    ),
  },
  "Data harus berupa objek JSON.",
);

export const COMPLAINT_WORKFLOW = defineWorkflow({
  entity: "complaint",
  label: "Pengaduan",
  states: COMPLAINT_STATES,
  stateLabels: COMPLAINT_STATE_LABELS,
  region: (c: ComplaintSubject) => c.desaCode,
  actions: {
    propose: {
      label: "Usulkan rumah tangga ke DPM",
      done: "Rumah tangga diusulkan masuk DPM",
      // The complaint goes on where it is; the proposal runs beside it.
      from: COMPLAINT_STATES.filter((s) => s !== "dibatalkan"),
      roles: ["front-office", "koordinator"],
      input: CreateProposalSchema,
      operation: "proposals.create",
      event: "proposal.create",
      guard: {
        allows: (c) =>
          !c.dpm.found && (!c.proposalId || PROPOSAL_ENDED.includes(c.proposalState ?? "diusulkan")),
        refusal: (c) =>
          c.dpm.found
            ? "Pelapor sudah ada di DPM; usulan rumah tangga tidak diperlukan."
            : "Rumah tangga ini sudah diusulkan dan usulannya masih berjalan.",
      },
    },
    handle: {
      label: "Simpan penanganan",
      done: "Penanganan dicatat",
      from: AT_BACK_OFFICE,
      to: "ditangani",
      roles: ["back-office", "koordinator"],
      input: HandlingSchema,
      operation: "complaints.handle",
    },
    resolve: {
      label: "Selesaikan pengaduan",
      done: "Diselesaikan di Puskesos",
      from: AT_BACK_OFFICE,
      to: "selesai",
      roles: ["back-office", "koordinator"],
      input: HandlingSchema,
      operation: "complaints.resolve",
    },
    refer: {
      label: "Rujuk",
      done: "Dirujuk ke supervisor kecamatan",
      from: AT_BACK_OFFICE,
      to: "dirujuk",
      roles: ["back-office", "koordinator"],
      input: CreateReferralSchema,
      operation: "referrals.create",
      event: "referral.create",
    },
    cancel: {
      label: "Batalkan pengaduan",
      done: "Pengaduan dibatalkan",
      from: OPEN_COMPLAINT_STATES,
      to: "dibatalkan",
      roles: ["front-office", "koordinator"],
      input: CancelSchema,
      operation: "complaints.cancel",
      danger: true,
    },
    correct: {
      label: "Koreksi data pelapor",
      done: "Data pelapor dikoreksi",
      // A resident may ask for a correction at any time, also after the complaint is closed.
      from: COMPLAINT_STATES,
      roles: ["front-office", "koordinator"],
      input: CorrectReporterSchema,
      operation: "complaints.correct",
    },
    "reveal-nik": {
      label: "Tampilkan",
      done: "NIK lengkap ditampilkan",
      from: COMPLAINT_STATES,
      roles: ["front-office", "back-office", "koordinator", "manajer"],
      operation: "complaints.revealNik",
    },
  },
});
export type ComplaintAction = keyof typeof COMPLAINT_WORKFLOW.actions;
export const COMPLAINT_ACTIONS = Object.keys(COMPLAINT_WORKFLOW.actions) as ComplaintAction[];
