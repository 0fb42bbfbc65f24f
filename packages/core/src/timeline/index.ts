import { randomUUID } from "node:crypto";
import { describe, roleLabel, use } from "../actor/index.ts";
import * as Catalog from "../catalog/index.ts";
import { COMPLAINT_WORKFLOW, CORRECTABLE_LABELS, type CorrectableField } from "../complaint/workflow.ts";
import { maskNik } from "../resident/nik.ts";
import { put, queryAll, type Write } from "../db/index.ts";
import { PROPOSAL_WORKFLOW } from "../proposal/workflow.ts";
import { REFERRAL_WORKFLOW } from "../referral/workflow.ts";
import { eventOf } from "../workflow/index.ts";
import type { TimelineEntity, TimelineEntry } from "./schema.ts";

export * from "./schema.ts";

/**
 * The timeline of a complaint and what grew from it (its referral, its proposal): who did what,
 * when, which record moved from which state to which, and why. Events sit in the complaint's
 * partition and are written in the same transaction as the change; labels are given on reading, so
 * they follow the workflow declarations and the kabupaten's catalog.
 */
export interface EventInput {
  /** The record whose state moved. */
  entity: TimelineEntity;
  action: string;
  from?: string;
  to?: string;
  note?: string;
  /** An OPD and programme assigned by this step, named on reading. */
  opd?: string;
  program?: string;
  /** A correction's fields with their earlier and new values (sealed at rest). */
  changes?: { field: string; before: string; after: string }[];
  /** The case a `case.open` event opened: a correction of the reporter finds the case through it. */
  caseId?: string;
}

interface StoredEvent extends EventInput {
  at: string;
  by: string;
  byName?: string;
  role: string;
}

export function event(complaintId: string, input: EventInput): Write {
  const at = new Date().toISOString();
  const actor = use();
  const who = describe(actor);
  const stored: StoredEvent = {
    at,
    by: who.by,
    ...(actor.type === "user" ? { byName: actor.name } : {}),
    role: who.role,
    ...input,
  };
  return put("timeline", {
    pk: `COMPLAINT#${complaintId}`,
    sk: `EVENT#${at}#${randomUUID()}`,
    type: "event",
    ...stored,
  });
}

const WORKFLOWS = { complaint: COMPLAINT_WORKFLOW, referral: REFERRAL_WORKFLOW, proposal: PROPOSAL_WORKFLOW };

/** What each event name means, from the `done` label its action declares. */
const ACTION_LABELS = new Map<string, string>(
  Object.values(WORKFLOWS).flatMap((w) =>
    Object.entries(w.actions).map(([name, spec]) => [eventOf(w.entity, name, spec), spec.done] as const),
  ),
);

/** Events that follow from another action rather than being one. */
const FOLLOW_ON_LABELS: Record<string, string> = {
  "proposal.withdraw": "Usulan ditarik karena pengaduan dibatalkan",
  "referral.withdraw": "Rujukan ditarik karena pengaduan dibatalkan",
  "proposal.in-dpm": "Masuk DPM (tercantum dalam impor DPM)",
  "case.open": "Penanganan kasus dibuka untuk pekerja sosial",
};

/** Events written before entries named their record: a referral's creation moved the complaint. */
const entityOf = (e: StoredEvent): TimelineEntity =>
  e.entity ?? (e.action === "referral.create" ? "complaint" : (e.action.split(".")[0] as TimelineEntity));

const IDENTITY_FIELDS = new Set(["nik", "kk"]);

/**
 * A correction as the history shows it: the field by name, identity numbers masked. A change within
 * the masked digits (a birth date typed wrong) would read "3328********0004 → 3328********0004": the
 * label says which digits changed, without showing them.
 */
function shownChange(c: { field: string; before: string; after: string }) {
  const show = (value: string) => (IDENTITY_FIELDS.has(c.field) && value ? maskNik(value) : value);
  const label = CORRECTABLE_LABELS[c.field as CorrectableField] ?? c.field;
  const [before, after] = [show(c.before), show(c.after)];
  const hidden =
    before === after
      ? [...c.after].flatMap((digit, i) => (digit !== c.before[i] ? [String(i + 1)] : []))
      : [];
  return {
    field: c.field,
    label: hidden.length ? `${label} (berubah pada angka ke-${hidden.join(", ")})` : label,
    before,
    after,
  };
}

/** Oldest first, labelled. The caller has already checked that the complaint is in reach. */
export async function list(complaintId: string, options: { notes: boolean }): Promise<TimelineEntry[]> {
  const [events, catalog] = await Promise.all([
    queryAll<StoredEvent>({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :event)",
      ExpressionAttributeValues: { ":pk": `COMPLAINT#${complaintId}`, ":event": "EVENT#" },
    }),
    Catalog.load(),
  ]);
  return events.map((e) => {
    const entity = entityOf(e);
    const labels = WORKFLOWS[entity].stateLabels as Record<string, string>;
    const opd = e.opd ? (catalog.opds.find((o) => o.code === e.opd)?.name ?? e.opd) : undefined;
    const program = e.program
      ? (catalog.programs.find((p) => p.code === e.program)?.name ?? e.program)
      : undefined;
    const detail = [opd, program].filter(Boolean).join(" · ");
    return {
      at: e.at,
      by: e.by,
      ...(e.byName ? { byName: e.byName } : {}),
      role: e.role,
      roleLabel: roleLabel(e.role),
      entity,
      entityLabel: WORKFLOWS[entity].label,
      action: e.action,
      actionLabel: ACTION_LABELS.get(e.action) ?? FOLLOW_ON_LABELS[e.action] ?? e.action,
      ...(e.from ? { from: e.from, fromLabel: labels[e.from] ?? e.from } : {}),
      ...(e.to ? { to: e.to, toLabel: labels[e.to] ?? e.to } : {}),
      ...(detail ? { detail } : {}),
      ...(options.notes && e.note ? { note: e.note } : {}),
      ...(options.notes && e.changes ? { changes: e.changes.map(shownChange) } : {}),
    };
  });
}
