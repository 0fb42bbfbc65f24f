import { ScanCommand } from "../db/commands.ts";
import { facetsOf, entryPartition } from "../complaint/entries.ts";
import type { ComplaintRecord } from "../complaint/record.ts";
import { put, remove, transact, updateIf, useDb, type UpdateSpec, type Write } from "../db/index.ts";
import type { ProposalRecord } from "../proposal/record.ts";
import { key as referralKey, servedIndex, servedKeys, type ReferralRecord } from "../referral/record.ts";
import {
  countsOfComplaint,
  countsOfProposal,
  countsOfReferral,
  countsOfTicket,
  GROUPS,
  groupOf,
  statsKey,
  type Counts,
  type Tally,
} from "./tally.ts";

/**
 * The maintenance recount (never in a request path: it reads the whole table). Counts every record
 * as `tally` would, compares with the stored counters, and with `fix` writes the recounted values and
 * any missing complaint list entry. A difference means a counter drifted: the report says where.
 * It also finds referrals served before their OPD's list of work done existed (2026-12-06), which that
 * list does not show, and with `fix` lists them there.
 */
export interface Difference {
  region: string;
  month: string;
  counter: string;
  stored: number;
  recounted: number;
}

const COUNTER_ATTRIBUTES = /^(pk|sk|type|region|month|group)$/;

async function* scan() {
  const db = useDb();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new ScanCommand({ TableName: db.table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    yield* (out.Items ?? []) as Record<string, unknown>[];
    start = out.LastEvaluatedKey;
  } while (start);
}

function tallyOf(item: Record<string, unknown>): Tally | undefined {
  switch (item.type) {
    case "complaint":
      return countsOfComplaint(item as unknown as ComplaintRecord);
    case "proposal":
      return countsOfProposal(item as unknown as ProposalRecord);
    case "referral":
      return countsOfReferral(item as unknown as ReferralRecord);
    case "ticket":
      return countsOfTicket(item as unknown as { office: string; day: string });
    default:
      return undefined;
  }
}

export async function recount(options: { fix?: boolean } = {}): Promise<{
  records: number;
  differences: Difference[];
  entriesAdded: number;
  entriesRemoved: number;
  /** Served referrals not on their OPD's list of work done; after `fix`, those put on it. */
  servedUnlisted: number;
}> {
  const expected = new Map<string, Counts>();
  const stored = new Map<string, Counts>();
  const entries = new Set<string>();
  const complaints: ComplaintRecord[] = [];
  const unlisted: UpdateSpec[] = [];
  let records = 0;
  for await (const item of scan()) {
    if (item.type === "stats") {
      const counts = Object.fromEntries(
        Object.entries(item).filter(([k]) => !COUNTER_ATTRIBUTES.test(k)),
      ) as Counts;
      const id = `${item.region}|${item.month}`;
      stored.set(id, { ...stored.get(id), ...counts });
      continue;
    }
    if (item.type === "complaint-entry") entries.add(`${item.pk}|${item.sk}`);
    if (item.type === "complaint") complaints.push(item as unknown as ComplaintRecord);
    if (item.type === "referral") {
      const moved = servedListing(item as unknown as ReferralRecord & { gsi2pk?: string });
      if (moved) unlisted.push(moved);
    }
    const t = tallyOf(item);
    if (!t) continue;
    records++;
    for (const region of t.regions) {
      const id = `${region}|${t.month}`;
      const into = expected.get(id) ?? {};
      for (const [name, n] of Object.entries(t.counts)) into[name] = (into[name] ?? 0) + n;
      expected.set(id, into);
    }
  }
  const differences: Difference[] = [];
  for (const id of new Set([...expected.keys(), ...stored.keys()])) {
    const [region = "", month = ""] = id.split("|");
    const want = expected.get(id) ?? {};
    const have = stored.get(id) ?? {};
    for (const counter of new Set([...Object.keys(want), ...Object.keys(have)])) {
      const recounted = want[counter] ?? 0;
      const was = have[counter] ?? 0;
      if (recounted !== was) differences.push({ region, month, counter, stored: was, recounted });
    }
  }
  let entriesAdded = 0;
  let entriesRemoved = 0;
  if (options.fix) {
    const writes: Write[] = [];
    for (const id of new Set(differences.map((d) => `${d.region}|${d.month}`))) {
      const [region = "", month = ""] = id.split("|");
      const want = expected.get(id) ?? {};
      for (const group of GROUPS) {
        const { key, set } = statsKey(region, month, group);
        const counts = Object.entries(want).filter(([name]) => groupOf(name) === group);
        writes.push(put("stats", { ...key, ...set, ...Object.fromEntries(counts) }));
      }
    }
    for (const c of complaints)
      for (const facet of facetsOf(c)) {
        const entry = {
          pk: entryPartition(c.queueDay.slice(0, 7), facet),
          sk: `${c.desaCode}#${c.createdAt}#${c.id}`,
        };
        if (entries.delete(`${entry.pk}|${entry.sk}`)) continue;
        writes.push(put("complaint-entry", { ...entry, type: "complaint-entry", complaintId: c.id }));
        entriesAdded++;
      }
    // What is left lists a complaint under a value it no longer has (an entry kept under an earlier
    // rule, such as a complaint not matched against the DPM under "not in the DPM") or under none.
    for (const stray of entries) {
      const [pk = "", sk = ""] = stray.split("|");
      writes.push(remove("complaint-entry", { pk, sk }));
      entriesRemoved++;
    }
    for (let i = 0; i < writes.length; i += 25) await transact(writes.slice(i, i + 25));
    // Each on its own: one changed meanwhile (a retention sweep anonymising it) is left for the next run
    // rather than failing a batch of counter fixes with it.
    let moved = 0;
    for (const spec of unlisted) if (await updateIf(spec)) moved++;
    return { records, differences, entriesAdded, entriesRemoved, servedUnlisted: moved };
  }
  return { records, differences, entriesAdded, entriesRemoved, servedUnlisted: unlisted.length };
}

/**
 * A served referral whose state index is still the kabupaten-wide `selesai` one: moved to its OPD's
 * list, at the time the OPD's step ended (when its outcome was recorded).
 */
function servedListing(r: ReferralRecord & { gsi2pk?: string }): UpdateSpec | undefined {
  if (r.state !== "selesai" || !r.opd || r.gsi2pk === servedIndex(r.opd)) return undefined;
  const servedAt = r.steps?.findLast((s) => s.step === "opd")?.endedAt ?? r.updatedAt;
  return {
    key: referralKey(r.id),
    set: servedKeys(r.opd, servedAt, r.id),
    expect: { state: "selesai", version: r.version },
  };
}
