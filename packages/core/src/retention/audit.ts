import { QueryCommand } from "../db/commands.ts";
import { FORMER_ATTRIBUTES, fromItem } from "../audit/index.ts";
import { getItem, hydrate, putIfAbsent, removeNow, updateIf, updateNow, useDb } from "../db/index.ts";
import { addDays } from "../time/index.ts";
import { MASKED_NIK } from "./erase.ts";
import { inTurns } from "./turns.ts";

/**
 * The audit log's links to residents, past the log's own period. Entries are kept (who did what,
 * when, on which record); what ties one to a resident goes: the index key the access report by NIK
 * reads (`gsi3pk`, the keyed NIK hash), a masked NIK in the summary, and a partition named by the
 * hash (`AUDIT#person#<hash>`), whose entries move to `AUDIT#<type>#anonim` with the same day and user
 * keys, so the log by day and by user still shows them.
 *
 * Found through the log by day (`AUDITDAY#<day>`, gsi1), from the day after the last one done (kept
 * in `RETAIN#audit` / `THROUGH`), so each day's entries are read once, not scanned for.
 */
const THROUGH = { pk: "RETAIN#audit", sk: "THROUGH" };
/** Well before the first Puskesos table (2026): the days before a stack's first entry are empty queries, once. */
const FIRST_DAY = "2025-01-01";
const DAYS_AT_ONCE = 16;
const PAGE = 500;
const MASKED = /\d{4}\*{8}\d{4}/;
const PERSON_PARTITION = /^AUDIT#(person|resident)#/;
/** Summaries that end in an officer's free text after a colon (a cancellation's reason). */
const FREE_TEXT_AFTER_COLON = new Set(["complaint.cancel"]);

interface AuditItem {
  pk: string;
  sk: string;
  action: string;
  summary: string;
  gsi3pk?: string;
  anonymizedAt?: string;
  [attribute: string]: unknown;
}

const freeText = (e: AuditItem) => FREE_TEXT_AFTER_COLON.has(e.action) && e.summary.includes(":");

const linked = (e: AuditItem) =>
  !e.anonymizedAt &&
  (e.gsi3pk !== undefined || PERSON_PARTITION.test(e.pk) || MASKED.test(e.summary) || freeText(e));

function plainSummary(e: AuditItem): string {
  const cut = freeText(e) ? e.summary.split(":")[0]! : e.summary;
  return cut.replace(new RegExp(MASKED.source, "g"), MASKED_NIK);
}

async function unlink(e: AuditItem, at: string): Promise<void> {
  const summary = plainSummary(e);
  if (!PERSON_PARTITION.test(e.pk)) {
    await updateIf({
      key: { pk: e.pk, sk: e.sk },
      set: { summary, anonymizedAt: at },
      remove: ["gsi3pk", "gsi3sk", ...FORMER_ATTRIBUTES],
      expect: { action: e.action, anonymizedAt: undefined },
    });
    return;
  }
  // A key cannot change: the copy is written first, so a run cut short leaves a duplicate, never a loss.
  const { gsi3pk: _pk, gsi3sk: _sk, formerh: _h, formerMasked: _m, formerRecords: _r, ...kept } = e;
  await putIfAbsent({
    ...kept,
    pk: `AUDIT#${fromItem(e).targetType}#anonim`,
    targetId: "anonim",
    summary,
    anonymizedAt: at,
  });
  await removeNow({ pk: e.pk, sk: e.sk });
}

export interface AuditSweep {
  before: string;
  through?: string;
  entries: number;
  unfinished: boolean;
}

type Page = { items: AuditItem[]; next?: Record<string, unknown> };

/** One page of a day's entries, read from the table by the keys the index holds. */
async function dayPage(day: string, start?: Record<string, unknown>): Promise<Page> {
  const db = useDb();
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :day",
      ExpressionAttributeValues: { ":day": `AUDITDAY#${day}` },
      Limit: PAGE,
      ExclusiveStartKey: start,
    }),
  );
  return {
    items: await hydrate<AuditItem>("gsi1", out.Items ?? []),
    ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}),
  };
}

/**
 * Unlinks the entries of every day before `before` not done yet. Days are asked for a few at once (most
 * days of a first walk are empty) and worked through in order a page at a time, so memory stays small
 * however busy a day was; the last day done is kept after each group.
 */
export async function sweepAudit(before: string, at: string, late: () => boolean): Promise<AuditSweep> {
  const done = await getItem<{ day: string }>(THROUGH);
  const result: AuditSweep = {
    before,
    ...(done ? { through: done.day } : {}),
    entries: 0,
    unfinished: false,
  };
  let day = done ? addDays(done.day, 1) : FIRST_DAY;
  while (day < before) {
    if (late()) {
      result.unfinished = true;
      break;
    }
    const days: string[] = [];
    for (let d = day; d < before && days.length < DAYS_AT_ONCE; d = addDays(d, 1)) days.push(d);
    const firstPages = await Promise.all(days.map((d) => dayPage(d)));
    for (const [i, d] of days.entries()) {
      let page = firstPages[i];
      while (page) {
        const due = page.items.filter(linked);
        await inTurns(due, (e) => unlink(e, at));
        result.entries += due.length;
        page = page.next ? await dayPage(d, page.next) : undefined;
      }
    }
    day = addDays(days.at(-1)!, 1);
    result.through = days.at(-1)!;
    await updateNow({ key: THROUGH, set: { type: "retain-through", day: result.through }, upsert: true });
  }
  return result;
}
