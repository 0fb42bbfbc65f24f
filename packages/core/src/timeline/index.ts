import { randomUUID } from "node:crypto";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { describe, use } from "../actor/index.ts";
import { useDb, type TransactItem } from "../db/index.ts";

/**
 * The timeline of a complaint and its referral: who did what, when, from which state to which, and why.
 * Events sit in the complaint's partition and are written in the same transaction as the change.
 */
import type { TimelineEvent } from "./schema.ts";

export type { TimelineEvent };

export function event(complaintId: string, input: Omit<TimelineEvent, "at" | "by" | "role">): TransactItem {
  const at = new Date().toISOString();
  const who = describe(use());
  const item: TimelineEvent = { at, by: who.by, role: who.role, ...input };
  return {
    Put: {
      TableName: useDb().table,
      Item: { pk: `COMPLAINT#${complaintId}`, sk: `EVENT#${at}#${randomUUID()}`, type: "event", ...item },
    },
  };
}

/** Oldest first. The caller has already checked that the complaint is in scope. */
export async function list(complaintId: string): Promise<TimelineEvent[]> {
  const db = useDb();
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :event)",
      ExpressionAttributeValues: { ":pk": `COMPLAINT#${complaintId}`, ":event": "EVENT#" },
    }),
  );
  return (out.Items ?? []).map(
    ({ at, by, role, action, from, to, note }) => ({ at, by, role, action, from, to, note }) as TimelineEvent,
  );
}
