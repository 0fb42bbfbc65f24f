import { assertCan, can, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { openCaseOf } from "../casework/one-per-complaint.ts";
import { useConfig } from "../config/index.ts";
import { queryPage } from "../db/index.ts";
import * as Timeline from "../timeline/index.ts";
import { nowIso } from "../time/index.ts";
import { loadInReach, personOf, servedIndex, stateIndex, toView, type ReferralRecord } from "./record.ts";
import type { ReferralInbox, ReferralPage, ReferralView } from "./schema.ts";

/**
 * The referral's complaint's timeline as the caller may read it: the desa and the kabupaten read the
 * whole story; an OPD, the referral's own steps without their notes (the household's proposal and the
 * desa's handling are not the agency's business).
 */
async function historyOf(record: ReferralRecord, caller: UserActor) {
  const internal = can(caller.role, "referral.internal");
  const entries = await Timeline.list(record.complaintId, { notes: internal });
  return internal ? entries : entries.filter((e) => e.action.startsWith("referral."));
}

/** Opens one referral of the caller's reach, with its access-log entry. */
async function open(id: string) {
  const caller = assertCan("referral.read");
  const record = await loadInReach(id, caller);
  await Audit.record({
    action: "referral.read",
    target: { type: "referral", id },
    summary: "Membuka rujukan",
    person: await personOf(record),
  });
  return { caller, record };
}

/** One referral of the caller's reach, with what the caller may do on it now. */
export async function get(id: string): Promise<ReferralView> {
  const { caller, record } = await open(id);
  return toView(record, caller);
}

/** A referral with its complaint's timeline, as its page shows them: one read, one access-log entry. */
export async function getWithTimeline(id: string) {
  const { caller, record } = await open(id);
  const timeline = await historyOf(record, caller);
  const openCase = await openCaseOf(record.complaintId, timeline);
  return { referral: toView(record, caller), timeline, ...(openCase ? { openCase } : {}) };
}

/** The timeline of the referral's complaint, for anyone who may see the referral (an OPD without notes). */
export async function timeline(id: string): Promise<Timeline.TimelineEntry[]> {
  const caller = assertCan("referral.read");
  const record = await loadInReach(id, caller);
  await Audit.record({
    action: "referral.timeline",
    target: { type: "referral", id },
    summary: "Membuka riwayat rujukan",
    person: await personOf(record),
  });
  return historyOf(record, caller);
}

const INBOX_LIMIT = 100;

/** The caller's inbox, oldest due first, overdue items flagged. */
export async function inbox(): Promise<ReferralInbox> {
  const caller = assertCan("referral.inbox");
  const kabupaten = useConfig().kabupatenCode;
  const pk =
    caller.role === "supervisor"
      ? `INBOX#supervisor#${caller.scope.code}`
      : caller.role === "manajer"
        ? `INBOX#manajer#${kabupaten}`
        : caller.role === "opd"
          ? `INBOX#opd#${caller.opd ?? "-"}`
          : `INBOX#back-office#${caller.scope.code}`;
  const now = new Date();
  const waiting = await queryPage<ReferralRecord>(
    { IndexName: "gsi1", KeyConditionExpression: "gsi1pk = :pk", ExpressionAttributeValues: { ":pk": pk } },
    { limit: INBOX_LIMIT },
  );
  const items = waiting.items.map((r) => toView(r, caller, now));
  // The manager also sees what waits too long at a supervisor, to decide it instead.
  const escalations =
    caller.role === "manajer"
      ? (
          await queryPage<ReferralRecord>(
            {
              IndexName: "gsi2",
              KeyConditionExpression: "gsi2pk = :pk AND gsi2sk < :now",
              ExpressionAttributeValues: { ":pk": stateIndex("diajukan"), ":now": nowIso() },
            },
            { limit: INBOX_LIMIT },
          )
        ).items.map((r) => toView(r, caller, now))
      : [];
  return { items, overdue: items.filter((i) => i.overdue).length, escalations };
}

const SERVED_PAGE = 50;

/** The referrals the caller's OPD has served, newest first, a page at a time. */
export async function served(query: { cursor?: string | undefined }): Promise<ReferralPage> {
  const caller = assertCan("referral.served");
  const page = await queryPage<ReferralRecord>(
    {
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :pk",
      ExpressionAttributeValues: { ":pk": servedIndex(caller.opd ?? "-") },
      ScanIndexForward: false,
    },
    { limit: SERVED_PAGE, cursor: query.cursor },
  );
  const now = new Date();
  return {
    items: page.items.map((r) => toView(r, caller, now)),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
