import type { Role } from "../actor/schema.ts";
import { defineWorkflow, type ActionSpec } from "../workflow/index.ts";
import {
  AssessmentSchema,
  PlanSchema,
  InterventionSchema,
  EvaluationSchema,
  TerminationSchema,
  ApproveCaseSchema,
  ReturnCaseSchema,
  AdmitSchema,
  DischargeSchema,
  HandOverSchema,
} from "./inputs.ts";

export * from "./inputs.ts";

/**
 * The case workflow (DESIGN §3, seed 001): assessment, a plan the supervisor approves, interventions
 * and evaluations in turn, a termination the supervisor approves; or a handover to another kabupaten.
 */
export const CASE_STATES = [
  "asesmen",
  "rencana",
  "intervensi",
  "evaluasi",
  "terminasi",
  "ditutup",
  "diserahkan",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  asesmen: "Asesmen",
  rencana: "Rencana menunggu persetujuan",
  intervensi: "Intervensi",
  evaluasi: "Evaluasi",
  terminasi: "Terminasi menunggu persetujuan",
  ditutup: "Ditutup",
  diserahkan: "Diserahkan ke kabupaten/kota lain",
};

export const CLOSED_CASE_STATES: readonly CaseState[] = ["ditutup", "diserahkan"];
const WORKING = ["asesmen", "intervensi", "evaluasi"] as const;
const PLANNED = ["intervensi", "evaluasi"] as const;

/** What the workflow needs to know of a case. */
export interface CaseSubject {
  state: CaseState;
  supervisionCode: string;
  worker: string;
  version: number;
  /** An assessment has been recorded. */
  assessed?: boolean;
  stays: readonly { dischargedOn?: string | undefined }[];
}

const worker = ["pekerja-sosial"] as const;
const approvers = ["supervisor", "manajer"] as const;

export const CASE_WORKFLOW = defineWorkflow({
  entity: "case",
  label: "Kasus",
  states: CASE_STATES,
  stateLabels: CASE_STATE_LABELS,
  // The worker's supervisor reaches the case through the worker's area; the manajer through the kabupaten.
  region: (c: CaseSubject) => c.supervisionCode,
  worker: (c: CaseSubject) => c.worker,
  reach: { "pekerja-sosial": "worker" },
  actions: {
    assess: {
      label: "Catat asesmen",
      done: "Asesmen dicatat",
      from: ["asesmen"],
      roles: worker,
      input: AssessmentSchema,
      operation: "cases.assess",
    },
    "submit-plan": {
      label: "Ajukan rencana",
      done: "Rencana intervensi diajukan ke supervisor",
      from: ["asesmen"],
      to: "rencana",
      roles: worker,
      input: PlanSchema,
      operation: "cases.submitPlan",
      guard: {
        allows: (c: CaseSubject) => Boolean(c.assessed),
        refusal: "Catat asesmen terlebih dahulu sebelum mengajukan rencana.",
      },
    },
    "approve-plan": {
      label: "Setujui rencana",
      done: "Rencana disetujui",
      from: ["rencana"],
      to: "intervensi",
      roles: approvers,
      input: ApproveCaseSchema,
      operation: "cases.approvePlan",
    },
    "return-plan": {
      label: "Kembalikan rencana",
      done: "Rencana dikembalikan ke pekerja sosial",
      from: ["rencana"],
      to: "asesmen",
      roles: approvers,
      input: ReturnCaseSchema,
      operation: "cases.returnPlan",
      danger: true,
    },
    intervene: {
      label: "Catat intervensi",
      done: "Intervensi dicatat",
      from: PLANNED,
      to: "intervensi",
      roles: worker,
      input: InterventionSchema,
      operation: "cases.intervene",
    },
    evaluate: {
      label: "Catat evaluasi",
      done: "Evaluasi dicatat",
      from: PLANNED,
      to: "evaluasi",
      roles: worker,
      input: EvaluationSchema,
      operation: "cases.evaluate",
    },
    "submit-termination": {
      label: "Ajukan terminasi",
      done: "Terminasi diajukan ke supervisor",
      from: PLANNED,
      to: "terminasi",
      roles: worker,
      input: TerminationSchema,
      operation: "cases.submitTermination",
      // A bed left taken by a closed case would never be freed.
      guard: {
        allows: (c: CaseSubject) => c.stays.every((s) => s.dischargedOn),
        refusal: "Klien masih tinggal di fasilitas; catat keluarnya sebelum terminasi.",
      },
    },
    "approve-termination": {
      label: "Setujui terminasi",
      done: "Terminasi disetujui; kasus ditutup",
      from: ["terminasi"],
      to: "ditutup",
      roles: approvers,
      input: ApproveCaseSchema,
      operation: "cases.approveTermination",
    },
    "return-termination": {
      label: "Kembalikan terminasi",
      done: "Terminasi dikembalikan ke pekerja sosial",
      from: ["terminasi"],
      to: "evaluasi",
      roles: approvers,
      input: ReturnCaseSchema,
      operation: "cases.returnTermination",
      danger: true,
    },
    admit: {
      label: "Tempatkan di fasilitas",
      done: "Ditempatkan di fasilitas",
      from: WORKING,
      roles: worker,
      input: AdmitSchema,
      operation: "cases.admit",
      guard: {
        allows: (c: CaseSubject) => c.stays.every((s) => s.dischargedOn),
        refusal: "Klien masih tinggal di fasilitas; catat keluarnya terlebih dahulu.",
      },
    },
    discharge: {
      label: "Catat keluar dari fasilitas",
      done: "Keluar dari fasilitas",
      from: [...WORKING, "rencana", "terminasi"],
      roles: worker,
      input: DischargeSchema,
      operation: "cases.discharge",
      guard: {
        allows: (c: CaseSubject) => c.stays.some((s) => !s.dischargedOn),
        refusal: "Klien tidak sedang tinggal di fasilitas.",
      },
    },
    "hand-over": {
      label: "Serahkan ke kabupaten/kota lain",
      done: "Diserahkan ke kabupaten/kota lain",
      from: WORKING,
      to: "diserahkan",
      roles: worker,
      input: HandOverSchema,
      operation: "cases.handOver",
      danger: true,
      confirm:
        "Kasus ini akan ditutup di sini, dan berkas bertanda tangan dibuat untuk kabupaten tujuan. Serah terima tidak dapat dibatalkan: bila keliru, kabupaten tujuan yang menyerahkan klien kembali.",
      guard: {
        allows: (c: CaseSubject) => c.stays.every((s) => s.dischargedOn),
        refusal: "Klien masih tinggal di fasilitas; catat keluarnya terlebih dahulu.",
      },
    },
  } satisfies Record<string, ActionSpec<CaseState, CaseSubject>>,
});
export type CaseAction = keyof typeof CASE_WORKFLOW.actions;
export const CASE_ACTIONS = Object.keys(CASE_WORKFLOW.actions) as CaseAction[];

/** Whether a role reaches cases as their responsible worker (and so may be one), as the declaration says. */
export const isCaseWorker = (role: Role) => CASE_WORKFLOW.reach?.[role] === "worker";

/** Actions that wait for the supervisor: what puts a case in the supervisor's "Perlu tindakan". */
export const AWAITING_APPROVAL: readonly CaseState[] = ["rencana", "terminasi"];
