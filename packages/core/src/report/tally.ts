import { CATALOGS } from "../catalog/schema.ts";
import type { ComplaintRecord } from "../complaint/record.ts";
import { counter, type Write } from "../db/index.ts";
import type { ProposalRecord } from "../proposal/record.ts";
import type { ReferralRecord } from "../referral/record.ts";
import { dpmStanding } from "../complaint/schema.ts";
import { daysBetween, local } from "../time/index.ts";

/**
 * What each record adds to the monthly counters. Every figure of the reports is a sum over records of
 * what `countsOf*` gives for each, so a change of a record moves the counters by the difference
 * between what it gave before and after, in the same transaction as the change (`tally`), and a
 * recount from the records (recount.ts) must find the same sums.
 *
 * A record counts in its own month (a complaint in its registration day's month in the kabupaten's
 * zone, a proposal or referral in the month it was made) and in its desa and kecamatan; what it gives
 * follows its current state, so a month's figures say what became of that month's complaints.
 *
 * Attribute names are short because the dashboard reads a year of items in one query (see
 * docs/data-model.md for the list).
 */
export type Counts = Record<string, number>;

export interface Tally {
  /** The regions whose items count it: a desa and its kecamatan, or the kabupaten's own SLRT office. */
  regions: string[];
  month: string;
  counts: Counts;
}

const RUMPUN_OF = new Map(CATALOGS.ppks.map((p) => [p.code, p.rumpun]));

/** Days are counted exactly up to this; longer ones share its bucket (medians stay exact below it). */
export const DAYS_CAP = 60;
const dayBucket = (days: number) => String(Math.max(0, Math.min(days, DAYS_CAP)));

const one = (counts: Counts, name: string) => (counts[name] = (counts[name] ?? 0) + 1);

/**
 * The regions a desa's record counts in: the desa and its kecamatan. The kabupaten's figures are its
 * kecamatan's summed when read (stats.ts: one Query), so a change writes two regions' counters, not three,
 * and a dashboard never reads every desa.
 */
export const desaRegions = (desaCode: string) => [desaCode, desaCode.split(".").slice(0, 3).join(".")];

export type CountedComplaint = Pick<
  ComplaintRecord,
  | "desaCode"
  | "queueDay"
  | "state"
  | "category"
  | "ppks"
  | "dpm"
  | "referralId"
  | "handling"
  | "closedAt"
  | "provisionalTicket"
>;

export function countsOfComplaint(c: CountedComplaint): Tally {
  const counts: Counts = { n: 1 };
  // A resident served on a provisional number (no connection) is counted with their complaint, as a
  // queue number is counted when taken; the office's own numbers never carry one.
  if (c.provisionalTicket) one(counts, "t");
  one(counts, `c.${c.category}`);
  for (const p of c.ppks) one(counts, `p.${p}`);
  for (const r of new Set(c.ppks.map((p) => RUMPUN_OF.get(p)).filter(Boolean))) one(counts, `r.${r}`);
  // Not found only where there was a DPM to look in; where the desa's DPM was not imported yet, the
  // reporter was not matched at all (counted apart, so a report does not read "0 not in the DPM").
  const standing = dpmStanding(c.dpm);
  if (standing === "tidak") one(counts, "dpm0");
  if (standing === "belum") one(counts, "dpmx");
  one(counts, `s.${c.state}`);
  if (c.referralId) one(counts, "ref");
  if (c.state === "selesai") {
    if (!c.referralId) one(counts, "rd");
    if (c.closedAt) one(counts, `d.${dayBucket(daysBetween(c.queueDay, local(c.closedAt).day))}`);
  }
  if (c.handling?.serviceField) one(counts, `fh.${c.handling.serviceField}`);
  return { regions: desaRegions(c.desaCode), month: c.queueDay.slice(0, 7), counts };
}

export function countsOfProposal(p: Pick<ProposalRecord, "desaCode" | "createdAt" | "state">): Tally {
  return {
    regions: desaRegions(p.desaCode),
    month: local(p.createdAt).day.slice(0, 7),
    counts: { [`u.${p.state}`]: 1 },
  };
}

export type CountedReferral = Pick<
  ReferralRecord,
  "desaCode" | "createdAt" | "state" | "opd" | "declinedOpds" | "cancelledFrom" | "serviceField" | "steps"
>;

export function countsOfReferral(r: CountedReferral): Tally {
  const counts: Counts = { [`f.${r.state}`]: 1 };
  // Each assignment counts under its OPD with how it ended; an OPD's decline stays its own when the
  // manager assigns another OPD or rejects (a referral with an OPD is "ditolak" only after a decline),
  // or when the complaint is cancelled meanwhile.
  for (const opd of r.declinedOpds ?? []) one(counts, `o.${opd}.ditolak-opd`);
  const declined = r.state === "ditolak" || (r.state === "dibatalkan" && r.cancelledFrom === "ditolak-opd");
  if (r.opd) one(counts, `o.${r.opd}.${declined ? "ditolak-opd" : r.state}`);
  if (r.serviceField) one(counts, `fr.${r.serviceField}`);
  for (const s of r.steps ?? []) {
    one(counts, `x.${s.step}`);
    if (s.endedAt <= s.dueAt) one(counts, `xo.${s.step}`);
    one(counts, `xd.${s.step}.${dayBucket(daysBetween(local(s.startedAt).day, local(s.endedAt).day))}`);
  }
  return { regions: desaRegions(r.desaCode), month: local(r.createdAt).day.slice(0, 7), counts };
}

/** A queue number given by an office (a desa's, or the SLRT's at kabupaten level) on a day. */
export function countsOfTicket(t: { office: string; day: string }): Tally {
  const regions =
    t.office.split(".").length === 4 ? desaRegions(t.office) : [t.office.split(".").slice(0, 2).join(".")];
  return { regions, month: t.day.slice(0, 7), counts: { t: 1 } };
}

/**
 * Counters are kept in a few small items per region and month rather than one: an update costs by
 * the size of the whole item, and most events move one group only (a state change moves `main`).
 * `main` holds what a row of the dashboard shows; the others the details of a report.
 */
export const GROUPS = ["main", "dims", "ref", "sla"] as const;
export type Group = (typeof GROUPS)[number];

export function groupOf(counter: string): Group {
  if (/^[cpr]\./.test(counter)) return "dims";
  if (/^(f|o|fr)\./.test(counter)) return "ref";
  if (/^(x|xo|xd)\./.test(counter)) return "sla";
  return "main";
}

/**
 * Where a region's counters of a month live: a desa's in its kecamatan's partition of the year, the
 * kabupaten's own SLRT office's in `#TOTAL`, sorted by group, then month, then region. So one Query
 * reads one group of every desa of a kecamatan for a month or a year. No index copies them.
 */
export const childPartition = (parent: string, year: string) => `STATS#${parent}#${year}`;

export function statsKey(region: string, month: string, group: Group) {
  const parts = region.split(".");
  const year = month.slice(0, 4);
  const pk =
    parts.length > 2 ? childPartition(parts.slice(0, -1).join("."), year) : `STATS#${region}#${year}#TOTAL`;
  return {
    key: { pk, sk: `${group}#${month.slice(5)}#${region}` },
    set: { type: "stats", region, month, group },
  };
}

/**
 * The counter increments that take the counters from `before` to `after` (either may be absent: a
 * record made, or gone). Give every change of a transaction; `transact` adds them up per item.
 */
export function tally(before: Tally | undefined, after: Tally | undefined): Write[] {
  const deltas = new Map<string, Counts>();
  const apply = (t: Tally | undefined, sign: 1 | -1) => {
    if (!t) return;
    for (const region of t.regions) {
      const id = `${region}|${t.month}`;
      const into = deltas.get(id) ?? {};
      for (const [name, n] of Object.entries(t.counts)) into[name] = (into[name] ?? 0) + sign * n;
      deltas.set(id, into);
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...deltas].flatMap(([id, add]) => {
    const [region = "", month = ""] = id.split("|");
    return GROUPS.flatMap((group) => {
      const moved = Object.entries(add).filter(([name, n]) => n !== 0 && groupOf(name) === group);
      return moved.length
        ? [counter({ ...statsKey(region, month, group), add: Object.fromEntries(moved) })]
        : [];
    });
  });
}
