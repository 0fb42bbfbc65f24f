import { defineWorkflow } from "../workflow/index.ts";

export const TICKET_STATES = ["menunggu", "dilayani", "selesai", "batal"] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_STATE_LABELS: Record<TicketState, string> = {
  menunggu: "Menunggu",
  dilayani: "Sedang dilayani",
  selesai: "Selesai",
  batal: "Tidak hadir",
};

export interface TicketSubject {
  state: TicketState;
  /** The office whose queue it is: a desa, or the kabupaten's SLRT front office. */
  office: string;
}

const DESK = ["front-office", "koordinator"] as const;

/** A walk-in queue ticket, from the number to the visitor served, absent, or sent back to wait. */
export const TICKET_WORKFLOW = defineWorkflow({
  entity: "ticket",
  label: "Nomor antrian",
  states: TICKET_STATES,
  stateLabels: TICKET_STATE_LABELS,
  region: (t: TicketSubject) => t.office,
  actions: {
    call: {
      label: "Panggil",
      done: "Dipanggil",
      from: ["menunggu"],
      to: "dilayani",
      roles: DESK,
      operation: "queue.call",
    },
    register: {
      label: "Daftarkan pengaduan",
      done: "Pengaduan didaftarkan",
      from: ["dilayani"],
      // The visit ends with the complaint registered; the ticket then names it.
      to: "selesai",
      roles: DESK,
      operation: "complaints.register",
    },
    finish: {
      label: "Selesai",
      done: "Selesai dilayani",
      from: ["dilayani"],
      to: "selesai",
      roles: DESK,
      operation: "queue.finish",
    },
    absent: {
      label: "Tidak hadir",
      done: "Tidak hadir",
      from: ["menunggu"],
      to: "batal",
      roles: DESK,
      operation: "queue.absent",
      danger: true,
    },
    requeue: {
      label: "Kembalikan",
      done: "Kembali menunggu",
      from: ["dilayani", "batal"],
      to: "menunggu",
      roles: DESK,
      operation: "queue.requeue",
    },
  },
});
export type TicketAction = keyof typeof TICKET_WORKFLOW.actions;
export const TICKET_ACTIONS = Object.keys(TICKET_WORKFLOW.actions) as TicketAction[];
