import { can, type UserActor } from "../actor/index.ts";
import { useConfig } from "../config/index.ts";
import { getItem } from "../db/index.ts";
import { AppError, ConflictError, NotFoundError } from "../error/index.ts";
import { formatLocal, isOverdue } from "../time/index.ts";
import { isUuid } from "../validation/fields.ts";
import { actionsFor, reaches } from "../workflow/index.ts";
import type { ReferralView } from "./schema.ts";
import { STEP_OF, REFERRAL_STATE_LABELS, REFERRAL_WORKFLOW, type ReferralState } from "./workflow.ts";

/** The stored referral: the view without what is computed for the caller. */
export type ReferralRecord = Omit<ReferralView, "overdue" | "actions"> & {
  /** When the step it is in now began (the first step: `createdAt`). */
  stepStartedAt?: string;
  /** The reporter's keyed NIK hash, for the audit log (referrals made before it was kept: none). */
  personh?: string;
  /** The state a referral was in when its complaint was cancelled (an OPD's decline stays counted). */
  cancelledFrom?: ReferralState;
};

export const key = (id: string) => ({ pk: `REFERRAL#${id}`, sk: "REFERRAL" });

/** The stored referral, or undefined (also for an id that cannot be one). */
export const load = async (id: string) => (isUuid(id) ? getItem<ReferralRecord>(key(id)) : undefined);

/** Whose data the referral holds (keyed NIK hash), from the referral or, for an older one, its complaint. */
export async function personOf(record: ReferralRecord): Promise<string | undefined> {
  if (record.personh) return record.personh;
  const complaint = await getItem<{ reporter?: { nikh?: string } }>({
    pk: `COMPLAINT#${record.complaintId}`,
    sk: "COMPLAINT",
  });
  return complaint?.reporter?.nikh;
}

/** A referral the caller reaches (its desa in scope, or assigned to the caller's OPD), or 404. */
export async function loadInReach(id: string, caller: UserActor): Promise<ReferralRecord> {
  const record = await load(id);
  // An OPD that declined it knew it: told where it went, not just "not found" (nothing more of it).
  if (record && caller.opd && record.opd !== caller.opd && record.declinedOpds?.includes(caller.opd))
    throw new AppError(
      "not_found",
      "Rujukan ini sudah ditugaskan ke OPD lain setelah OPD Anda menolaknya; OPD Anda tidak lagi dapat membukanya.",
    );
  if (!record || !reaches(REFERRAL_WORKFLOW, record, caller)) throw NotFoundError("Rujukan");
  return record;
}

/** Whose inbox a referral sits in, as the key of index gsi1 (oldest due first). */
export function inboxOf(
  ref: Pick<ReferralRecord, "kecamatanCode" | "desaCode" | "opd">,
  state: ReferralState,
) {
  const kabupaten = useConfig().kabupatenCode;
  switch (state) {
    case "diajukan":
      return `INBOX#supervisor#${ref.kecamatanCode}`;
    case "dikembalikan":
      return `INBOX#back-office#${ref.desaCode}`;
    case "diteruskan":
    case "ditolak-opd":
      return `INBOX#manajer#${kabupaten}`;
    case "disetujui":
    case "diterima-opd":
      return `INBOX#opd#${ref.opd}`;
    default:
      return undefined;
  }
}

/** All referrals of the kabupaten in one state, by due date (index gsi2). */
export const stateIndex = (state: ReferralState) => `REFERRALS#${useConfig().kabupatenCode}#${state}`;

/**
 * The served referrals of one OPD, by the time its outcome was recorded (index gsi2): its record of
 * work done. Served referrals are listed per OPD only; nothing reads them kabupaten-wide by state.
 */
export const servedIndex = (opd: string) => `${stateIndex("selesai")}#${opd}`;

/** A served referral's keys on its OPD's list: served at `at`. */
export const servedKeys = (opd: string, at: string, id: string) => ({
  gsi2pk: servedIndex(opd),
  gsi2sk: `${at}#${id}`,
});

const FIELDS = [
  "id",
  "complaintId",
  "desaCode",
  "kecamatanCode",
  "state",
  "urgency",
  "reason",
  "needs",
  "notes",
  "suggestedOpds",
  "programs",
  "recommendation",
  "opd",
  "declinedOpds",
  "program",
  "letterNumber",
  "approvedBy",
  "approvedByName",
  "approvedAt",
  "outcome",
  "serviceField",
  "steps",
  "lastNote",
  "reporter",
  "dueAt",
  "version",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
] as const satisfies readonly (keyof ReferralRecord)[];

/**
 * What a reader without "referral.internal" (an OPD) does not see: the desa's notes, the reviewers'
 * remarks, and which OPDs declined it before.
 */
const INTERNAL = new Set<string>(["notes", "recommendation", "lastNote", "declinedOpds"]);

export function toView(record: ReferralRecord, caller: UserActor, now: Date = new Date()): ReferralView {
  const internal = can(caller.role, "referral.internal");
  const shown = FIELDS.filter((f) => record[f] !== undefined && (internal || !INTERNAL.has(f)));
  const picked = Object.fromEntries(shown.map((f) => [f, record[f]])) as ReferralRecord;
  return {
    ...picked,
    // Back at the desa no step's clock runs (STEP_OF), as on its page and in the reports.
    overdue: Boolean(STEP_OF[record.state]) && isOverdue(record.dueAt, now),
    actions: actionsFor(REFERRAL_WORKFLOW, record, caller, now),
  };
}

/** The 409 that tells the loser of a race what happened. */
export const stale = (current: ReferralRecord) =>
  ConflictError(
    `Rujukan ini sudah berubah: sekarang "${REFERRAL_STATE_LABELS[current.state]}" (oleh ${current.updatedBy}, ${formatLocal(current.updatedAt)}). Muat ulang untuk melihatnya.`,
  );
