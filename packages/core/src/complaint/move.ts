import { useDb, type TransactItem } from "../db/index.ts";
import { nowIso } from "../time/index.ts";
import type { ComplaintState } from "./schema.ts";

/**
 * A complaint's state change as one item of a transaction: the state and its index (gsi2) move together,
 * conditional on the state and version the caller read, with any extra attributes set alongside.
 */
export function moveItem(
  complaint: { id: string; desaCode: string; state: ComplaintState; version: number },
  to: ComplaintState,
  set: Record<string, unknown> = {},
): TransactItem {
  const now = nowIso();
  const extra = Object.keys(set);
  return {
    Update: {
      TableName: useDb().table,
      Key: { pk: `COMPLAINT#${complaint.id}`, sk: "COMPLAINT" },
      UpdateExpression: `SET #state = :to, updatedAt = :now, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk, version = version + :one${extra.map((k, i) => `, #x${i} = :x${i}`).join("")}`,
      ConditionExpression: "#state = :from AND version = :version",
      ExpressionAttributeNames: {
        "#state": "state",
        ...Object.fromEntries(extra.map((k, i) => [`#x${i}`, k])),
      },
      ExpressionAttributeValues: {
        ":to": to,
        ":from": complaint.state,
        ":version": complaint.version,
        ":now": now,
        ":gsi2pk": `DESA#${complaint.desaCode}#STATE#${to}`,
        ":gsi2sk": `${now}#${complaint.id}`,
        ":one": 1,
        ...Object.fromEntries(extra.map((k, i) => [`:x${i}`, set[k]])),
      },
    },
  };
}
