import * as v from "valibot";
import { note, VersionSchema } from "../validation/fields.ts";
import { defineWorkflow } from "../workflow/index.ts";

/** A resident's request about their data (UU PDP 27/2022): its kinds, states and the officer's actions. */
export const REQUEST_KINDS = ["akses", "koreksi", "penghapusan", "keberatan"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  akses: "Akses: siapa memakai data saya",
  koreksi: "Koreksi data",
  penghapusan: "Penghapusan data",
  keberatan: "Keberatan atas pemrosesan",
};

export const REQUEST_STATES = ["terbuka", "dijawab", "ditolak"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  terbuka: "Menunggu jawaban",
  dijawab: "Dijawab",
  ditolak: "Ditolak",
};

/**
 * Days the officer has to answer, counted in the kabupaten's calendar from the day the request came in:
 * UU PDP gives the controller 3 × 24 hours for access and correction (Pasal 30–33); the same limit is
 * used for every kind so no request waits longer than the shortest one.
 */
export const ANSWER_DAYS = 3;

export const AnswerRequestSchema = v.strictObject(
  { version: VersionSchema, answer: note("Jawaban", 5, 2000) },
  "Data harus berupa objek JSON.",
);

export const DeclineRequestSchema = v.strictObject(
  { version: VersionSchema, reason: note("Alasan penolakan", 5, 1000) },
  "Data harus berupa objek JSON.",
);

export interface RequestSubject {
  state: RequestState;
  version: number;
  kabupatenCode: string;
}

export const REQUEST_WORKFLOW = defineWorkflow({
  entity: "privacy-request",
  label: "Permintaan warga",
  states: REQUEST_STATES,
  stateLabels: REQUEST_STATE_LABELS,
  region: (r: RequestSubject) => r.kabupatenCode,
  actions: {
    answer: {
      label: "Catat jawaban",
      done: "Permintaan dijawab",
      from: ["terbuka"],
      to: "dijawab",
      roles: ["pelindungan-data"],
      input: AnswerRequestSchema,
      operation: "privacyRequests.answer",
    },
    decline: {
      label: "Tolak",
      done: "Permintaan ditolak",
      from: ["terbuka"],
      to: "ditolak",
      roles: ["pelindungan-data"],
      input: DeclineRequestSchema,
      operation: "privacyRequests.decline",
      danger: true,
    },
  },
});
export type RequestAction = keyof typeof REQUEST_WORKFLOW.actions;
export const REQUEST_ACTIONS = Object.keys(REQUEST_WORKFLOW.actions) as RequestAction[];
