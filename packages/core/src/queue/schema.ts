import * as v from "valibot";

export const TICKET_STATES = ["menunggu", "dilayani", "selesai", "batal"] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_STATE_LABELS: Record<TicketState, string> = {
  menunggu: "Menunggu",
  dilayani: "Sedang dilayani",
  selesai: "Selesai",
  batal: "Tidak hadir",
};

/** Which state a ticket may move to from which. */
export const TICKET_MOVES: Record<TicketState, readonly TicketState[]> = {
  menunggu: ["dilayani", "batal"],
  dilayani: ["selesai", "menunggu"],
  selesai: [],
  batal: ["menunggu"],
};

export interface Ticket {
  office: string;
  day: string;
  number: number;
  state: TicketState;
  issuedAt: string;
  issuedBy: string;
  updatedAt: string;
  /** The complaint registered for this visitor, once there is one. */
  complaintId?: string;
}

export const MoveTicketSchema = v.strictObject(
  {
    state: v.pipe(v.picklist(TICKET_STATES, "Status antrian tidak dikenal."), v.title("Status antrian")),
  },
  "Data harus berupa objek JSON.",
);

/** Ticket numbers are shown as three digits on screen and paper: 007. */
export const ticketLabel = (n: number) => String(n).padStart(3, "0");
