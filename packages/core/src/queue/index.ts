import { assertCan, useUser, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { getItem, putNew, queryAll, transact, update, updateNow, type Write } from "../db/index.ts";
import { AppError, ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import { nowIso, today } from "../time/index.ts";
import { countsOfTicket, tally } from "../report/tally.ts";
import { parse } from "../validation/index.ts";
import { actionsFor, assertMayTake, authorize, permits } from "../workflow/index.ts";
import {
  MoveTicketSchema,
  TICKET_STATE_LABELS,
  TICKET_WORKFLOW,
  ticketLabel,
  type QueueToday,
  type Ticket,
  type TicketAction,
  type TicketState,
} from "./schema.ts";

export * from "./schema.ts";

/**
 * The walk-in queue of one office (a desa's Puskesos, or the kabupaten's SLRT front office) for one
 * day in the kabupaten's time zone. Numbers come from one atomic counter per office and day, so they
 * are unique and gapless however many devices ask at once.
 */
const partition = (office: string, day: string) => `QUEUE#${office}#${day}`;
const ticketKey = (office: string, day: string, number: number) => ({
  pk: partition(office, day),
  sk: `TICKET#${String(number).padStart(6, "0")}`,
});

type StoredTicket = Omit<Ticket, "actions">;

/** The office is the caller's own scope: front office and koordinator of a desa, or the SLRT front office. */
function officeOf(): { caller: UserActor; office: string } {
  const caller = assertCan("queue.use");
  return { caller, office: caller.scope.code };
}

function toTicket(item: Record<string, unknown>, caller: UserActor): Ticket {
  const { office, day, number, state, issuedAt, issuedBy, updatedAt, complaintId } =
    item as unknown as StoredTicket;
  const ticket = {
    office,
    day,
    number,
    state,
    issuedAt,
    issuedBy,
    updatedAt,
    ...(complaintId ? { complaintId } : {}),
  };
  return { ...ticket, actions: actionsFor(TICKET_WORKFLOW, ticket, caller) };
}

export async function take(): Promise<Ticket> {
  const { caller, office } = officeOf();
  const day = today();
  const counter = await updateNow({
    key: { pk: partition(office, day), sk: "COUNTER" },
    add: { last: 1 },
    upsert: true,
  });
  const number = Number(counter.last);
  const now = nowIso();
  const ticket: StoredTicket = {
    office,
    day,
    number,
    state: "menunggu",
    issuedAt: now,
    issuedBy: caller.username,
    updatedAt: now,
  };
  // The number is already ours; writing its ticket retries until it lands so no number goes missing.
  for (let attempt = 0; ; attempt++) {
    try {
      await transact([
        putNew(
          "ticket",
          { ...ticketKey(office, day, number), type: "ticket", ...ticket },
          `Nomor antrian ${ticketLabel(number)} sudah tercatat.`,
        ),
        Audit.entry({
          action: "queue.take",
          target: { type: "queue", id: `${office}#${day}` },
          summary: `Memberi nomor antrian ${ticketLabel(number)}`,
        }),
        ...tally(undefined, countsOfTicket({ office, day })),
      ]);
      return toTicket(ticket as unknown as Record<string, unknown>, caller);
    } catch (error) {
      if (attempt >= 4 || (error instanceof AppError && error.code === "conflict")) throw error;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

/** Today's queue of the caller's office with counts per state. */
export async function todayQueue(): Promise<QueueToday> {
  const { caller, office } = officeOf();
  const day = today();
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :ticket)",
    ExpressionAttributeValues: { ":pk": partition(office, day), ":ticket": "TICKET#" },
  });
  const tickets = items.map((item) => toTicket(item, caller));
  const counts = { menunggu: 0, dilayani: 0, selesai: 0, batal: 0 };
  for (const t of tickets) counts[t.state] += 1;
  return { office, day, tickets, counts };
}

function ticketNumber(raw: number | string): number {
  const number = Number(raw);
  if (!Number.isInteger(number) || number < 1)
    throw ValidationError("Nomor antrian tidak valid.", [
      { field: "number", message: "Nomor antrian tidak valid." },
    ]);
  return number;
}

const refused = (number: number, from: TicketState, to: TicketState | undefined) =>
  ConflictError(
    `Nomor ${ticketLabel(number)} berstatus "${TICKET_STATE_LABELS[from]}" dan tidak dapat diubah${to ? ` menjadi "${TICKET_STATE_LABELS[to]}"` : ""}.`,
  );

/** Moves today's ticket `number` by one of the declared actions, refusing a move its state does not allow (409). */
export async function act(action: Exclude<TicketAction, "register">, raw: number | string): Promise<Ticket> {
  const caller = useUser();
  assertMayTake(TICKET_WORKFLOW, action, caller);
  const { office } = officeOf();
  const number = ticketNumber(raw);
  const day = today();
  const item = await getItem<Record<string, unknown>>(ticketKey(office, day, number));
  if (!item) throw NotFoundError("Nomor antrian");
  const ticket = toTicket(item, caller);
  const to = TICKET_WORKFLOW.actions[action].to;
  authorize(TICKET_WORKFLOW, action, ticket, caller, { stale: () => refused(number, ticket.state, to) });
  const updatedAt = nowIso();
  await transact([
    update("ticket", {
      key: ticketKey(office, day, number),
      set: { state: to, updatedAt },
      expect: { state: ticket.state },
      conflict: `Nomor ${ticketLabel(number)} baru saja diubah dari perangkat lain. Muat ulang antrian.`,
    }),
    Audit.entry({
      action: `queue.${action}`,
      target: { type: "queue", id: `${office}#${day}` },
      summary: `Antrian ${ticketLabel(number)}: ${TICKET_STATE_LABELS[ticket.state]} → ${TICKET_STATE_LABELS[to]}`,
    }),
  ]);
  const { actions: _before, ...moved } = ticket;
  return toTicket({ ...moved, state: to, updatedAt }, caller);
}

/** The earlier route's form, "move to this state": the declared action that leads there from here. */
export async function moveTo(raw: number | string, input: unknown): Promise<Ticket> {
  officeOf();
  const number = ticketNumber(raw);
  const { state } = parse(MoveTicketSchema, input);
  const { office } = officeOf();
  const item = await getItem<StoredTicket>(ticketKey(office, today(), number));
  if (!item) throw NotFoundError("Nomor antrian");
  // Registering a complaint is not a move a queue page makes; it happens with the complaint.
  const action = (Object.keys(TICKET_WORKFLOW.actions) as TicketAction[]).find((name) => {
    const spec = TICKET_WORKFLOW.actions[name];
    return (
      name !== "register" && spec.to === state && (spec.from as readonly TicketState[]).includes(item.state)
    );
  });
  if (!action || action === "register") throw refused(number, item.state, state);
  return act(action, number);
}

/**
 * The writes that close the caller's ticket `number` of today in the transaction that registers a
 * complaint from it: only a ticket of the caller's office being served moves, to the state `finish`
 * leads to, carrying the complaint's id, and only if it is still being served when the complaint is
 * written. Any other number (waiting, finished, another day's, a provisional one made offline) moves
 * nothing: the complaint keeps it as typed.
 */
export async function registeredFrom(raw: number, complaintId: string): Promise<Write[]> {
  const caller = useUser();
  const office = caller.scope.code;
  const number = ticketNumber(raw);
  const day = today();
  const item = await getItem<Record<string, unknown>>(ticketKey(office, day, number));
  if (!item) return [];
  const ticket = toTicket(item, caller);
  if (!permits(TICKET_WORKFLOW, "register", ticket, caller)) return [];
  const to = TICKET_WORKFLOW.actions.register.to;
  return [
    update("ticket", {
      key: ticketKey(office, day, number),
      set: { state: to, complaintId, updatedAt: nowIso() },
      expect: { state: ticket.state },
      conflict: `Nomor ${ticketLabel(number)} baru saja diubah dari perangkat lain. Muat ulang antrian.`,
    }),
    Audit.entry({
      action: "queue.register",
      target: { type: "queue", id: `${office}#${day}` },
      summary: `Antrian ${ticketLabel(number)}: ${TICKET_STATE_LABELS[ticket.state]} → ${TICKET_STATE_LABELS[to]}, pengaduan ${complaintId}`,
    }),
  ];
}
