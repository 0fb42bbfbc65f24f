import { isAwsError } from "../aws/index.ts";
import { QueryCommand } from "../db/commands.ts";
import { use } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { putIfAbsent, removeNow, updateNow, useDb } from "../db/index.ts";
import { ForbiddenError } from "../error/index.ts";
import * as Settings from "../settings/index.ts";
import { addMonths, local, today } from "../time/index.ts";
import { sweepAudit } from "./audit.ts";
import { caseEraser } from "./case.ts";
import { complaintEraser } from "./complaint.ts";
import type { Eraser, Finished } from "./erase.ts";
import { isFinal, markedId, markItem, markPartition } from "./mark.ts";
import { proposalEraser } from "./proposal.ts";
import { referralEraser } from "./referral.ts";
import { requestEraser } from "./request.ts";
import {
  RECORD_KINDS,
  RETENTION_NOUNS,
  type KindSweep,
  type RecordKind,
  type SweepResult,
} from "./schema.ts";
import { inTurns } from "./turns.ts";

const ERASERS: Record<RecordKind, Eraser<Finished>> = {
  complaint: complaintEraser,
  referral: referralEraser,
  proposal: proposalEraser,
  case: caseEraser,
  request: requestEraser,
};

interface Mark {
  pk: string;
  sk: string;
}

type Outcome = "anonymized" | "postponed" | "dropped" | "conflicts";

/** One marked record: made anonymous if still finished and unchanged since the period's start. */
async function settle(kind: RecordKind, mark: Mark, before: string, at: string): Promise<Outcome> {
  const eraser = ERASERS[kind];
  const own = { pk: mark.pk, sk: mark.sk };
  const record = await eraser.load(markedId(mark.sk));
  // Gone, or taken up again (it gets a new mark when it finishes again).
  if (!record || !isFinal(kind, record.state)) {
    await removeNow(own);
    return "dropped";
  }
  // A run cut short after the record's update: finish what holds its data elsewhere.
  if (record.anonymizedAt) {
    await eraser.followUp(record);
    await removeNow(own);
    return "dropped";
  }
  const changed = local(eraser.changedAt(record)).day;
  if (changed >= before) {
    // Changed after it finished (a correction): its period runs from that day.
    const later = markItem(kind, record.id, changed);
    if (later.sk !== mark.sk) {
      await putIfAbsent(later);
      await removeNow(own);
    }
    return "postponed";
  }
  try {
    await updateNow(eraser.erase(record, at));
  } catch (error) {
    // Someone changed it since it was read: left marked, tried again on the next run.
    if (isAwsError(error, "ConditionalCheckFailedException")) return "conflicts";
    throw error;
  }
  await eraser.followUp(record);
  await removeNow(own);
  return "anonymized";
}

/** Every mark of a day before `before`, page by page (the marks, not the records: a few bytes each). */
async function sweepKind(
  kind: RecordKind,
  before: string,
  at: string,
  late: () => boolean,
  done: SweepResult["records"],
): Promise<KindSweep> {
  const counts: KindSweep = {
    before,
    anonymized: 0,
    postponed: 0,
    dropped: 0,
    conflicts: 0,
    unfinished: false,
  };
  const db = useDb();
  let start: Record<string, unknown> | undefined;
  do {
    if (late()) {
      counts.unfinished = true;
      break;
    }
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: "pk = :pk AND sk < :before",
        ExpressionAttributeValues: { ":pk": markPartition(kind), ":before": before },
        Limit: 200,
        ExclusiveStartKey: start,
      }),
    );
    await inTurns((page.Items ?? []) as Mark[], async (mark) => {
      const outcome = await settle(kind, mark, before, at);
      counts[outcome] += 1;
      if (outcome === "anonymized") done.push({ kind, id: markedId(mark.sk) });
    });
    start = page.LastEvaluatedKey;
  } while (start);
  return counts;
}

/**
 * The daily retention job (the scheduled Lambda, or `npm run retention`): for each kind of record,
 * the finished ones whose last change lies more than the kabupaten's period before today (its own
 * calendar day) are made anonymous, then the audit log's links to residents past the log's period.
 * Report counters are separate items and are not touched. Only the system runs it.
 *
 * `deadline` (epoch ms) stops it taking up new work in time; what is left waits for the next run.
 */
export async function sweep(options: { now?: Date; deadline?: number } = {}): Promise<SweepResult> {
  if (use().type !== "system") throw ForbiddenError();
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const day = today(now);
  const late = () => options.deadline !== undefined && Date.now() > options.deadline;
  const periods = await Settings.retention();
  const records: SweepResult["records"] = [];
  const kinds = {} as SweepResult["kinds"];
  for (const kind of RECORD_KINDS)
    kinds[kind] = await sweepKind(kind, addMonths(day, -periods[kind]), at, late, records);
  const audit = await sweepAudit(addMonths(day, -periods.audit), at, late);
  if (records.length || audit.entries) {
    const counted = RECORD_KINDS.map((k) => `${kinds[k].anonymized} ${RETENTION_NOUNS[k]}`).join(", ");
    await Audit.record({
      action: "retention.sweep",
      target: { type: "retention", id: day },
      summary: `Masa simpan berakhir: ${counted} dianonimkan; ${audit.entries} entri log dilepas dari NIK`,
    });
  }
  return { day, kinds, audit, records };
}
