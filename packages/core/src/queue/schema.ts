import * as v from "valibot";
import { TICKET_ACTIONS, TICKET_STATES } from "./workflow.ts";

export * from "./workflow.ts";

export const TicketSchema = v.object({
  office: v.string(),
  /** The kabupaten's calendar day the number belongs to. */
  day: v.string(),
  number: v.number(),
  state: v.picklist(TICKET_STATES),
  issuedAt: v.string(),
  issuedBy: v.string(),
  updatedAt: v.string(),
  /** The complaint registered for this visitor, once there is one. */
  complaintId: v.optional(v.string()),
  actions: v.array(v.picklist(TICKET_ACTIONS)),
});
export type Ticket = v.InferOutput<typeof TicketSchema>;

export const QueueTodaySchema = v.object({
  office: v.string(),
  day: v.string(),
  tickets: v.array(TicketSchema),
  counts: v.object({ menunggu: v.number(), dilayani: v.number(), selesai: v.number(), batal: v.number() }),
});
export type QueueToday = v.InferOutput<typeof QueueTodaySchema>;

/** The earlier single route's body (kept for pages still open from before an update): the state to move to. */
export const MoveTicketSchema = v.strictObject(
  {
    state: v.pipe(v.picklist(TICKET_STATES, "Status antrian tidak dikenal."), v.title("Status antrian")),
  },
  "Data harus berupa objek JSON.",
);

/** Ticket numbers are shown as three digits on screen and paper: 007. */
export const ticketLabel = (n: number) => String(n).padStart(3, "0");
