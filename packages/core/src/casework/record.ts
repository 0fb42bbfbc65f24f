import { randomUUID } from "node:crypto";
import { can, use, type UserActor } from "../actor/index.ts";
import { useConfig } from "../config/index.ts";
import { getItem, put, putNew, queryAll, type Write } from "../db/index.ts";
import { ConflictError } from "../error/index.ts";
import { maskNik } from "../resident/nik.ts";
import { formatLocal, today } from "../time/index.ts";
import { isUuid } from "../validation/fields.ts";
import { actionsFor, reaches } from "../workflow/index.ts";
import { moved } from "./counts.ts";
import { clientNameKey } from "./same-client.ts";
import type { CaseEntry, CaseView, Stay } from "./schema.ts";
import { CASE_STATE_LABELS, CASE_WORKFLOW, CLOSED_CASE_STATES, type CaseState } from "./workflow.ts";

export interface PlanStep {
  id: string;
  step: string;
  targetDate: string;
  doneOn?: string;
}
export interface PlanGoal {
  id: string;
  goal: string;
  strategy: string;
  steps: PlanStep[];
  progress?: string;
}

/** The stored case: the client with the full NIK (and its keyed hash, for the access report by person). */
export interface CaseRecord {
  id: string;
  state: CaseState;
  version: number;
  source: CaseView["source"];
  client: Omit<CaseView["client"], "nikMasked"> & { nik?: string; nikh?: string };
  regionCode: string;
  supervisionCode: string;
  worker: string;
  workerName: string;
  assessed?: boolean;
  plan?: { goals: PlanGoal[]; submittedAt: string; approvedAt?: string };
  stays: Stay[];
  returnNote?: string;
  handover?: CaseView["handover"];
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * A new case in assessment, with its responsible worker and the area of the worker's supervisor, and
 * the writes that open it: the case with its index keys, and its state counted.
 */
export function opened(
  fields: Pick<CaseRecord, "id" | "source" | "client" | "regionCode">,
  worker: { username: string; name: string; scopeCode: string },
  by: string,
): { record: CaseRecord; writes: Write[] } {
  const now = new Date().toISOString();
  const record: CaseRecord = {
    ...fields,
    state: "asesmen",
    version: 1,
    supervisionCode: worker.scopeCode,
    worker: worker.username,
    workerName: worker.name,
    stays: [],
    openedAt: now,
    openedBy: by,
    updatedAt: now,
    updatedBy: by,
  };
  return {
    record,
    writes: [
      putNew("case", { ...key(record.id), type: "case", ...indexKeys(record), ...record }),
      ...moved(undefined, "asesmen"),
    ],
  };
}

/** A case and its entries share a partition: one Query reads the whole file. */
export const key = (id: string) => ({ pk: `CASE#${id}`, sk: "CASE" });

const isClosed = (state: CaseState) => CLOSED_CASE_STATES.includes(state);

/**
 * Index keys: gsi1 the worker's cases, gsi2 the kabupaten's by the worker's area (so a supervisor's is a
 * `begins_with`), each split into open and closed so "Perlu tindakan" reads only open ones.
 */
export function indexKeys(
  c: Pick<CaseRecord, "id" | "state" | "worker" | "supervisionCode" | "openedAt" | "client">,
) {
  const status = isClosed(c.state) ? "closed" : "open";
  return {
    gsi1pk: `CASEWORKER#${c.worker}`,
    gsi1sk: `${status}#${c.openedAt}#${c.id}`,
    gsi2pk: `CASES#${useConfig().kabupatenCode}#${status}`,
    gsi2sk: `${c.supervisionCode}#${c.openedAt}#${c.id}`,
    // Open cases only (sparse): a new case for a client of the same name is warned of (same-client.ts).
    ...(status === "open"
      ? { gsi3pk: `CASECLIENT#${useConfig().kabupatenCode}#${clientNameKey(c.client.name)}`, gsi3sk: c.id }
      : {}),
  };
}

/** The index keys a closing change removes. */
export const CLOSED_INDEX_REMOVALS = ["gsi3pk", "gsi3sk"];

/** Plan steps not done whose target day has passed in the kabupaten. */
export function overdueSteps(record: Pick<CaseRecord, "plan" | "state">, day = today()): number {
  if (isClosed(record.state) || !record.plan) return 0;
  return record.plan.goals.flatMap((g) => g.steps).filter((s) => !s.doneOn && s.targetDate < day).length;
}

/** Whether the caller may open the case's page: its worker, their supervisor, the manajer. */
export const readableBy = (record: CaseRecord, caller: UserActor) =>
  can(caller.role, "case.read") && reaches(CASE_WORKFLOW, record, caller);

export function toView(record: CaseRecord, caller: UserActor): CaseView {
  const { nik, nikh: _h, ...client } = record.client;
  const day = today();
  return {
    id: record.id,
    state: record.state,
    version: record.version,
    source: record.source,
    client: { ...client, ...(nik ? { nikMasked: maskNik(nik) } : {}) },
    regionCode: record.regionCode,
    supervisionCode: record.supervisionCode,
    worker: record.worker,
    workerName: record.workerName,
    ...(record.plan
      ? {
          plan: {
            goals: record.plan.goals.map((g) => ({
              ...g,
              steps: g.steps.map((s) => ({ ...s, overdue: !s.doneOn && s.targetDate < day })),
            })),
            ...(record.plan.approvedAt ? { approvedAt: record.plan.approvedAt } : {}),
          },
        }
      : {}),
    stays: record.stays,
    ...(record.returnNote ? { returnNote: record.returnNote } : {}),
    returned: Boolean(record.returnNote),
    ...(record.handover ? { handover: record.handover } : {}),
    overdueSteps: overdueSteps(record, day),
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
    actions: actionsFor(CASE_WORKFLOW, record, caller),
    readable: readableBy(record, caller),
  };
}

/** The case and its entries, oldest entry first; undefined for no such case. */
export async function loadFile(
  id: string,
): Promise<{ record: CaseRecord; entries: CaseEntry[] } | undefined> {
  if (!isUuid(id)) return undefined;
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": `CASE#${id}` },
  });
  const record = items.find((i) => i.sk === "CASE") as CaseRecord | undefined;
  if (!record) return undefined;
  const entries = items.filter((i) => String(i.sk).startsWith("ENTRY#")) as unknown as CaseEntry[];
  return { record, entries };
}

/** The case alone, without its entries. */
export const load = async (id: string) => (isUuid(id) ? getItem<CaseRecord>(key(id)) : undefined);

/** A dated entry of the case, made by the named worker, in the same transaction as the change. */
export function entry(caseId: string, action: string, label: string, data: Record<string, unknown>): Write {
  const actor = use();
  const at = new Date().toISOString();
  const who =
    actor.type === "user"
      ? { by: actor.username, byName: actor.name, role: actor.role }
      : { by: `sistem`, byName: "Sistem", role: "sistem" };
  const stored: CaseEntry = { action, label, at, ...who, data };
  return put("case-entry", {
    pk: `CASE#${caseId}`,
    sk: `ENTRY#${at}#${randomUUID()}`,
    type: "case-entry",
    ...stored,
  });
}

/** The 409 that tells the loser of a race what happened to the case. */
export const stale = (current: CaseRecord) =>
  ConflictError(
    `Kasus ini sudah berubah: sekarang "${CASE_STATE_LABELS[current.state]}" (oleh ${current.updatedBy}, ${formatLocal(current.updatedAt)}). Muat ulang untuk melihatnya.`,
  );

/** Who the access is about, for the audit log: the person's keyed NIK hash, or the case for a person without one. */
export const personOf = (record: Pick<CaseRecord, "id" | "client">) =>
  record.client.nikh
    ? { type: "person", id: record.client.nikh }
    : { type: "person", id: `case-${record.id}` };
