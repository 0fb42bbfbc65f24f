import * as v from "valibot";
import type { ComplaintState } from "../complaint/workflow.ts";
import type { Settings } from "../settings/schema.ts";
import { code, isoDate, note, text, VersionSchema } from "../validation/fields.ts";
import { defineWorkflow, type ActionSpec } from "../workflow/index.ts";

/** Referral states of DESIGN §3. */
export const REFERRAL_STATES = [
  "diajukan",
  "dikembalikan",
  "diteruskan",
  "disetujui",
  "ditolak",
  "diterima-opd",
  "ditolak-opd",
  "selesai",
  "dibatalkan",
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_STATE_LABELS: Record<ReferralState, string> = {
  diajukan: "Diajukan ke supervisor",
  dikembalikan: "Dikembalikan ke desa/kelurahan",
  diteruskan: "Diteruskan ke manajer",
  disetujui: "Disetujui, menunggu OPD",
  ditolak: "Ditolak manajer",
  "diterima-opd": "Diterima OPD",
  "ditolak-opd": "Ditolak OPD",
  selesai: "Selesai",
  dibatalkan: "Dibatalkan (pengaduan dibatalkan)",
};

/**
 * What the resident reads on the public status page: where the referral stands, in the words of someone
 * outside the office (no internal step names, no reasons).
 */
export const REFERRAL_PUBLIC_LABELS: Record<ReferralState, string> = {
  diajukan: "Diperiksa supervisor kecamatan",
  dikembalikan: "Dilengkapi lagi oleh Puskesos desa",
  diteruskan: "Diperiksa SLRT kabupaten",
  disetujui: "Disetujui, dikirim ke dinas tujuan",
  ditolak: "Tidak disetujui SLRT kabupaten",
  "diterima-opd": "Sedang dilayani dinas tujuan",
  "ditolak-opd": "Diperiksa lagi oleh SLRT kabupaten",
  selesai: "Selesai dilayani dinas tujuan",
  dibatalkan: "Dibatalkan",
};

/**
 * Who holds a referral in each state that has a due date (the OPD holds it until it records the
 * outcome); in the others (back at the desa, closed) no step's clock runs.
 */
export const STEP_OF: Partial<Record<ReferralState, "supervisor" | "manajer" | "opd">> = {
  diajukan: "supervisor",
  diteruskan: "manajer",
  "ditolak-opd": "manajer",
  disetujui: "opd",
  "diterima-opd": "opd",
};

/** States in which a referral waits for someone, and so can be overdue. */
export const OPEN_REFERRAL_STATES: readonly ReferralState[] = REFERRAL_STATES.filter(
  (s) => s !== "ditolak" && s !== "selesai" && s !== "dibatalkan",
);

const body = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject({ version: VersionSchema, ...entries }, "Data harus berupa objek JSON.");

/** Each action's body names the version it was decided on, so a decision on stale data is refused (409). */
export const ForwardSchema = body({ recommendation: v.optional(note("Rekomendasi", 0, 1000)) });
export const ReturnToDesaSchema = body({ note: note("Catatan pengembalian", 5, 1000) });
export const ResubmitSchema = body({
  note: note("Catatan perbaikan", 5, 1000),
  reason: v.optional(note("Alasan rujukan", 5, 1000)),
  needs: v.optional(note("Kebutuhan warga", 5, 1000)),
});
export const ApproveSchema = body({
  opd: code("OPD tujuan"),
  program: code("Program"),
  /** A due day for the OPD other than the kabupaten's default, in the kabupaten's calendar. */
  dueDate: v.optional(isoDate("Batas waktu")),
});
export const RejectSchema = body({ reason: note("Alasan penolakan", 5, 1000) });
export const ReturnToSupervisorSchema = body({ note: note("Catatan pengembalian", 5, 1000) });
export const AcceptSchema = body({});
export const DeclineSchema = body({ reason: note("Alasan penolakan", 5, 1000) });
export const CompleteSchema = body({
  service: note("Layanan yang diberikan", 5, 1000),
  servedOn: isoDate("Tanggal layanan"),
  reference: text("Nomor referensi", 1, 60),
});

/** What the workflow needs to know of a referral. */
export interface ReferralSubject {
  state: ReferralState;
  desaCode: string;
  opd?: string | undefined;
  dueAt: string;
  version: number;
}

/** The manager may step past a supervisor only once the supervisor's deadline has passed. */
const escalation = {
  allows: (r: ReferralSubject, now: Date) => r.state !== "diajukan" || r.dueAt < now.toISOString(),
  refusal: "Rujukan ini masih di supervisor dan belum lewat batas waktu; manajer belum dapat memutuskannya.",
};

type DueStep = keyof Settings["dueDays"];

/** A referral action: who, from where, to where, and what it sets in motion. */
interface ReferralStep extends ActionSpec<ReferralState, ReferralSubject> {
  /** Whose due days the next step gets (kabupaten settings). */
  due?: DueStep;
  /** What the complaint becomes when this step ends the referral. */
  complaintTo?: ComplaintState;
}

const MANAGER_DECIDES = ["diteruskan", "ditolak-opd", "diajukan"] as const;

export const REFERRAL_WORKFLOW = defineWorkflow({
  entity: "referral",
  label: "Rujukan",
  states: REFERRAL_STATES,
  stateLabels: REFERRAL_STATE_LABELS,
  region: (r: ReferralSubject) => r.desaCode,
  opd: (r: ReferralSubject) => r.opd,
  reach: { opd: "opd" },
  actions: {
    forward: {
      label: "Teruskan ke manajer",
      done: "Diteruskan ke manajer",
      from: ["diajukan"],
      to: "diteruskan",
      roles: ["supervisor"],
      input: ForwardSchema,
      operation: "referrals.forward",
      due: "manajer",
    },
    "return-to-desa": {
      label: "Kembalikan ke desa/kelurahan",
      done: "Dikembalikan ke desa/kelurahan",
      from: ["diajukan"],
      to: "dikembalikan",
      roles: ["supervisor"],
      input: ReturnToDesaSchema,
      operation: "referrals.returnToDesa",
      due: "supervisor",
      danger: true,
    },
    resubmit: {
      label: "Ajukan kembali",
      done: "Diajukan kembali ke supervisor",
      from: ["dikembalikan"],
      to: "diajukan",
      roles: ["back-office", "koordinator"],
      input: ResubmitSchema,
      operation: "referrals.resubmit",
      due: "supervisor",
    },
    approve: {
      label: "Setujui dan tugaskan OPD",
      done: "Disetujui dan ditugaskan ke OPD",
      from: MANAGER_DECIDES,
      to: "disetujui",
      roles: ["manajer"],
      input: ApproveSchema,
      operation: "referrals.approve",
      guard: escalation,
      due: "opd",
    },
    reject: {
      label: "Tolak",
      done: "Ditolak manajer; pengaduan ditutup",
      from: MANAGER_DECIDES,
      to: "ditolak",
      roles: ["manajer"],
      input: RejectSchema,
      operation: "referrals.reject",
      guard: escalation,
      complaintTo: "ditutup",
      danger: true,
    },
    "return-to-supervisor": {
      label: "Kembalikan ke supervisor",
      done: "Dikembalikan ke supervisor",
      from: ["diteruskan"],
      to: "diajukan",
      roles: ["manajer"],
      input: ReturnToSupervisorSchema,
      operation: "referrals.returnToSupervisor",
      due: "supervisor",
    },
    accept: {
      label: "Terima rujukan",
      done: "Diterima OPD",
      from: ["disetujui"],
      to: "diterima-opd",
      roles: ["opd"],
      input: AcceptSchema,
      operation: "referrals.accept",
    },
    decline: {
      label: "Tolak rujukan",
      done: "Ditolak OPD; kembali ke manajer",
      from: ["disetujui"],
      to: "ditolak-opd",
      roles: ["opd"],
      input: DeclineSchema,
      operation: "referrals.decline",
      due: "manajer",
      danger: true,
    },
    complete: {
      label: "Catat hasil layanan",
      done: "Selesai dilayani OPD; pengaduan selesai",
      from: ["diterima-opd"],
      to: "selesai",
      roles: ["opd"],
      input: CompleteSchema,
      operation: "referrals.complete",
      complaintTo: "selesai",
    },
  } satisfies Record<string, ReferralStep>,
});
export type ReferralAction = keyof typeof REFERRAL_WORKFLOW.actions;
export const REFERRAL_ACTIONS = Object.keys(REFERRAL_WORKFLOW.actions) as ReferralAction[];
