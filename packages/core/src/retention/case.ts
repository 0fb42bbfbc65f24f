import { key, load, type CaseRecord } from "../casework/record.ts";
import { queryAll, removeNow, updateIf } from "../db/index.ts";
import { yearsBetween } from "../time/calendar.ts";
import { ERASED, unchanged, type Eraser } from "./erase.ts";

type Stored = CaseRecord & { anonymizedAt?: string };

/**
 * A case made anonymous: the client's name, NIK and its hash, birth date (an age at opening stays),
 * origin and what was known, the plan's goals, the return note, every entry's recorded fields, the
 * client's name on each stay and the signed handover file go; state, sex, PPKS type, home desa,
 * worker, facilities and dates stay, and the case counters are separate items left as they are.
 */
export const caseEraser: Eraser<Stored> = {
  load,
  changedAt: (r) => r.updatedAt,
  erase(r, at) {
    const { name: _n, nik: _nik, nikh: _h, birthDate, origin: _o, known: _k, ...client } = r.client;
    const age = client.estimatedAge ?? (birthDate ? yearsBetween(birthDate, r.openedAt) : undefined);
    return {
      key: key(r.id),
      set: {
        client: { ...client, name: ERASED, ...(age !== undefined ? { estimatedAge: age } : {}) },
        ...(r.plan
          ? {
              plan: {
                goals: [],
                submittedAt: r.plan.submittedAt,
                ...(r.plan.approvedAt ? { approvedAt: r.plan.approvedAt } : {}),
              },
            }
          : {}),
        anonymizedAt: at,
      },
      remove: ["returnNote"],
      add: { version: 1 },
      expect: unchanged(r),
    };
  },
  async followUp(r) {
    const entries = await queryAll<{ pk: string; sk: string; data?: Record<string, unknown> }>({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :entry)",
      ExpressionAttributeValues: { ":pk": key(r.id).pk, ":entry": "ENTRY#" },
    });
    await Promise.all([
      ...entries
        .filter((e) => Object.keys(e.data ?? {}).length)
        .map((e) => updateIf({ key: { pk: e.pk, sk: e.sk }, set: { data: {} } })),
      ...r.stays.map((s) =>
        updateIf({ key: { pk: `STAY#${s.id}`, sk: "STAY" }, set: { clientName: ERASED } }),
      ),
      ...(r.handover ? [removeNow({ pk: `HANDOVER#${r.handover.documentId}`, sk: "HANDOVER" })] : []),
    ]);
  },
};
