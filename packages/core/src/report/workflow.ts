import { defineWorkflow } from "../workflow/index.ts";

/** A desa's monthly Puskesos report to the SLRT (seed 003 §3.3.1 item 7). */
export const REPORT_STATES = ["belum-dikirim", "dikirim"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  "belum-dikirim": "Belum dikirim",
  dikirim: "Dikirim ke SLRT",
};

export interface ReportSubject {
  state: ReportState;
  desaCode: string;
}

export const REPORT_WORKFLOW = defineWorkflow({
  entity: "report",
  label: "Laporan bulanan",
  states: REPORT_STATES,
  stateLabels: REPORT_STATE_LABELS,
  region: (r: ReportSubject) => r.desaCode,
  actions: {
    submit: {
      label: "Kirim ke SLRT",
      done: "Laporan dikirim ke SLRT",
      from: ["belum-dikirim"],
      to: "dikirim",
      roles: ["koordinator"],
      operation: "reports.submit",
    },
    correct: {
      label: "Kirim koreksi",
      done: "Koreksi laporan dikirim ke SLRT",
      from: ["dikirim"],
      to: "dikirim",
      roles: ["koordinator"],
      operation: "reports.submit",
    },
  },
});
export type ReportAction = keyof typeof REPORT_WORKFLOW.actions;
export const REPORT_ACTIONS = Object.keys(REPORT_WORKFLOW.actions) as ReportAction[];
