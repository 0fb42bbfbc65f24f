import { GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { assertRole, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { putNew, transact, useDb } from "../db/index.ts";
import { ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import { kabupatenDay } from "../region/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import {
  MoveTicketSchema,
  TICKET_MOVES,
  TICKET_STATE_LABELS,
  ticketLabel,
  type Ticket,
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

/** The office is the caller's own scope: front office and koordinator of a desa, or the SLRT front office. */
function officeOf(): { caller: UserActor; office: string } {
  const caller = assertRole("front-office", "koordinator");
  return { caller, office: caller.scope.code };
}

export async function take(): Promise<Ticket> {
  const { caller, office } = officeOf();
  const db = useDb();
  const day = kabupatenDay();
  const counter = await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: { pk: partition(office, day), sk: "COUNTER" },
      UpdateExpression: "ADD #last :one",
      ExpressionAttributeNames: { "#last": "last" },
      ExpressionAttributeValues: { ":one": 1 },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  const number = Number(counter.Attributes?.last);
  const now = nowIso();
  const ticket: Ticket = {
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
      await transact(
        [
          putNew({ ...ticketKey(office, day, number), type: "ticket", ...ticket }),
          Audit.entry({
            action: "queue.take",
            target: { type: "queue", id: `${office}#${day}` },
            summary: `Memberi nomor antrian ${ticketLabel(number)}`,
          }),
        ],
        () => `Nomor antrian ${ticketLabel(number)} sudah tercatat.`,
      );
      return ticket;
    } catch (error) {
      if (attempt >= 4 || (error as { code?: string }).code === "conflict") throw error;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

export interface QueueToday {
  office: string;
  day: string;
  tickets: Ticket[];
  counts: Record<TicketState, number>;
}

/** Today's queue of the caller's office with counts per state. */
export async function today(): Promise<QueueToday> {
  const { office } = officeOf();
  const db = useDb();
  const day = kabupatenDay();
  const tickets: Ticket[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :ticket)",
        ExpressionAttributeValues: { ":pk": partition(office, day), ":ticket": "TICKET#" },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) tickets.push(toTicket(item));
    start = out.LastEvaluatedKey;
  } while (start);
  const counts = { menunggu: 0, dilayani: 0, selesai: 0, batal: 0 };
  for (const t of tickets) counts[t.state] += 1;
  return { office, day, tickets, counts };
}

function toTicket(item: Record<string, unknown>): Ticket {
  const { office, day, number, state, issuedAt, issuedBy, updatedAt, complaintId } =
    item as unknown as Ticket;
  return {
    office,
    day,
    number,
    state,
    issuedAt,
    issuedBy,
    updatedAt,
    ...(complaintId ? { complaintId } : {}),
  };
}

/** Moves today's ticket `number` (call, finish, mark absent), refusing a stale move with 409. */
export async function move(number: number, input: unknown): Promise<Ticket> {
  const { office } = officeOf();
  if (!Number.isInteger(number) || number < 1)
    throw ValidationError("Nomor antrian tidak valid.", [
      { field: "number", message: "Nomor antrian tidak valid." },
    ]);
  const { state } = parse(MoveTicketSchema, input);
  const db = useDb();
  const day = kabupatenDay();
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: ticketKey(office, day, number), ConsistentRead: true }),
  );
  if (!out.Item) throw NotFoundError("Nomor antrian");
  const ticket = toTicket(out.Item);
  if (!TICKET_MOVES[ticket.state].includes(state))
    throw ConflictError(
      `Nomor ${ticketLabel(number)} berstatus "${TICKET_STATE_LABELS[ticket.state]}" dan tidak dapat diubah menjadi "${TICKET_STATE_LABELS[state]}".`,
    );
  const updatedAt = nowIso();
  await transact(
    [
      {
        Update: {
          TableName: db.table,
          Key: ticketKey(office, day, number),
          UpdateExpression: "SET #state = :to, updatedAt = :now",
          ConditionExpression: "#state = :from",
          ExpressionAttributeNames: { "#state": "state" },
          ExpressionAttributeValues: { ":to": state, ":from": ticket.state, ":now": updatedAt },
        },
      },
      Audit.entry({
        action: "queue.move",
        target: { type: "queue", id: `${office}#${day}` },
        summary: `Antrian ${ticketLabel(number)}: ${TICKET_STATE_LABELS[ticket.state]} → ${TICKET_STATE_LABELS[state]}`,
      }),
    ],
    () => `Nomor ${ticketLabel(number)} baru saja diubah dari perangkat lain. Muat ulang antrian.`,
  );
  return { ...ticket, state, updatedAt };
}
