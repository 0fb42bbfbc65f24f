import type * as v from "valibot";
import { useUser, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import * as Catalog from "../catalog/index.ts";
import * as Complaint from "../complaint/index.ts";
import { failedWrite, transact, update, type Write } from "../db/index.ts";
import { ConflictError, NotFoundError, refuse, ValidationError } from "../error/index.ts";
import * as Settings from "../settings/index.ts";
import * as Timeline from "../timeline/index.ts";
import { dueAfter, endOfLocalDay, local, nowIso, today } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize } from "../workflow/index.ts";
import { countsOfReferral, tally } from "../report/tally.ts";
import { nextLetterNumber } from "./letter.ts";
import { stepsAfter } from "./steps.ts";
import {
  inboxOf,
  key,
  loadInReach,
  servedKeys,
  personOf,
  stale,
  stateIndex,
  toView,
  type ReferralRecord,
} from "./record.ts";
import type { ReferralView } from "./schema.ts";
import { REFERRAL_STATE_LABELS, REFERRAL_WORKFLOW, type ReferralAction } from "./workflow.ts";

type Actions = typeof REFERRAL_WORKFLOW.actions;
type InputOf<A extends ReferralAction> = v.InferOutput<Actions[A]["input"]>;

/** What one action changes besides the state, due date and inbox every step moves. */
interface Outcome {
  set?: Partial<ReferralRecord>;
  /** Why, for the timeline and the referral's "last note". */
  note?: string | undefined;
  /** An explicit due instant instead of the declared step's default. */
  dueAt?: string;
  /** Other writes of the same transaction (the letter counter). */
  writes?: Write[];
  /** An OPD and programme the timeline names. */
  assigned?: { opd: string; program: string };
}

type Handler<A extends ReferralAction> = (
  input: InputOf<A>,
  context: { record: ReferralRecord; caller: UserActor },
) => Outcome | Promise<Outcome>;

/**
 * One step of the chain as a typed function: the input is parsed with the action's declared schema,
 * the declaration is enforced (role, reach, state, version, guard), and the referral's move, the
 * complaint's (when the step ends it), the timeline, the audit entry and any counter are one
 * transaction, conditional on the state and version the caller decided on.
 */
function step<A extends ReferralAction>(action: A, handler: Handler<A>) {
  const spec: Actions[A] & {
    due?: keyof Settings.Settings["dueDays"];
    complaintTo?: Complaint.ComplaintState;
  } = REFERRAL_WORKFLOW.actions[action];
  return async (id: string, input: unknown): Promise<ReferralView> => {
    const caller = useUser();
    assertMayTake(REFERRAL_WORKFLOW, action, caller);
    const data = parse(spec.input, input) as InputOf<A>;
    const record = await loadInReach(id, caller);
    authorize(REFERRAL_WORKFLOW, action, record, caller, {
      version: data.version,
      stale: () => stale(record),
    });
    // The manager acting on a referral still at the supervisor is stepping past an overdue supervisor.
    const escalated = caller.role === "manajer" && record.state === "diajukan";
    const outcome = await handler(data, { record, caller });
    const settings = await Settings.load();
    const now = nowIso();
    const dueAt = outcome.dueAt ?? (spec.due ? dueAfter(settings.dueDays[spec.due]) : record.dueAt);
    const note = escalated
      ? `${outcome.note ? `${outcome.note} ` : ""}(diputuskan manajer karena lewat batas waktu supervisor)`
      : outcome.note;
    const set = { ...outcome.set, ...stepsAfter(record, spec.to, now) };
    const next: ReferralRecord = {
      ...record,
      ...set,
      ...(outcome.note ? { lastNote: outcome.note } : {}),
      state: spec.to,
      dueAt,
      version: record.version + 1,
      updatedAt: now,
      updatedBy: caller.username,
    };
    const inbox = inboxOf(next, spec.to);
    // Served, its state index is its OPD's list of work done, newest first (the key moves anyway).
    const byState =
      spec.to === "selesai" && next.opd
        ? servedKeys(next.opd, now, id)
        : { gsi2pk: stateIndex(spec.to), gsi2sk: `${dueAt}#${id}` };
    const writes: Write[] = [
      update("referral", {
        key: key(id),
        set: {
          ...set,
          ...(outcome.note ? { lastNote: outcome.note } : {}),
          state: spec.to,
          dueAt,
          updatedAt: now,
          updatedBy: caller.username,
          ...byState,
          ...(inbox ? { gsi1pk: inbox, gsi1sk: `${dueAt}#${id}` } : {}),
        },
        add: { version: 1 },
        ...(inbox ? {} : { remove: ["gsi1pk", "gsi1sk"] }),
        expect: { state: record.state, version: record.version },
      }),
      Timeline.event(record.complaintId, {
        entity: "referral",
        action: `referral.${action}`,
        from: record.state,
        to: spec.to,
        ...(note ? { note } : {}),
        ...outcome.assigned,
      }),
      Audit.entry({
        action: `referral.${action}`,
        target: { type: "referral", id },
        summary: `${REFERRAL_STATE_LABELS[record.state]} → ${REFERRAL_STATE_LABELS[spec.to]}${escalated ? " (eskalasi)" : ""}`,
        person: await personOf(record),
      }),
      ...(outcome.writes ?? []),
      ...tally(countsOfReferral(record), countsOfReferral(next)),
    ];
    if (spec.complaintTo) {
      const complaint = await Complaint.load(record.complaintId);
      if (!complaint) throw NotFoundError("Pengaduan");
      writes.push(...Complaint.moveItem(complaint, spec.complaintTo));
    }
    try {
      await transact(writes);
    } catch (error) {
      const failed = failedWrite(error);
      if (failed === "referral")
        throw stale((await loadInReach(id, caller).catch(() => undefined)) ?? record);
      // Another approval took this letter number at the same moment: the referral itself was not decided.
      if (failed === "letter-counter")
        throw ConflictError("Nomor surat baru saja dipakai persetujuan lain. Coba setujui lagi.");
      throw error;
    }
    return toView(next, caller);
  };
}

export const forward = step("forward", (input) => ({
  ...(input.recommendation ? { set: { recommendation: input.recommendation } } : {}),
  note: input.recommendation,
}));

export const returnToDesa = step("return-to-desa", (input) => ({ note: input.note }));

export const resubmit = step("resubmit", (input) => ({
  set: { ...(input.reason ? { reason: input.reason } : {}), ...(input.needs ? { needs: input.needs } : {}) },
  note: input.note,
}));

export const approve = step("approve", async (input, { record, caller }) => {
  if (input.dueDate && input.dueDate < today())
    throw ValidationError("Batas waktu tidak boleh di masa lalu.", [
      { field: "dueDate", message: "Batas waktu tidak boleh di masa lalu." },
    ]);
  const catalog = await Catalog.load();
  if (!catalog.opds.some((o) => o.code === input.opd))
    throw ValidationError("OPD tujuan tidak dikenal.", [
      { field: "opd", message: `OPD "${input.opd}" tidak dikenal.` },
    ]);
  const program = catalog.programs.find((p) => p.code === input.program);
  if (!program)
    throw ValidationError("Program tidak dikenal.", [
      { field: "program", message: `Program "${input.program}" tidak dikenal.` },
    ]);
  const approvedAt = nowIso();
  const letter = await nextLetterNumber(new Date(approvedAt));
  return {
    set: {
      opd: input.opd,
      program: input.program,
      letterNumber: letter.number,
      approvedBy: caller.username,
      approvedByName: caller.name,
      approvedAt,
      ...(program.serviceField ? { serviceField: program.serviceField } : {}),
      // Assigned again after an OPD declined: that decline stays that OPD's in the report.
      ...(record.state === "ditolak-opd" && record.opd
        ? { declinedOpds: [...(record.declinedOpds ?? []), record.opd] }
        : {}),
    },
    ...(input.dueDate ? { dueAt: endOfLocalDay(input.dueDate) } : {}),
    writes: [letter.write],
    assigned: { opd: input.opd, program: input.program },
  };
});

export const reject = step("reject", (input) => ({ note: input.reason }));

export const returnToSupervisor = step("return-to-supervisor", (input) => ({ note: input.note }));

export const accept = step("accept", () => ({}));

export const decline = step("decline", (input) => ({ note: input.reason }));

export const complete = step("complete", (input, { record }) => {
  // A service day read in the kabupaten's calendar: not ahead of today, not before the referral existed.
  if (input.servedOn > today()) refuse("servedOn", "Tanggal layanan tidak boleh setelah hari ini.");
  if (input.servedOn < local(record.createdAt).day)
    refuse("servedOn", "Tanggal layanan tidak boleh sebelum rujukan dibuat.");
  return {
    set: { outcome: { service: input.service, servedOn: input.servedOn, reference: input.reference } },
  };
});
