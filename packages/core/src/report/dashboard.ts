import { assertCan } from "../actor/index.ts";
import * as Catalog from "../catalog/index.ts";
import * as Psks from "../psks/index.ts";
import * as Region from "../region/index.ts";
import { parse } from "../validation/index.ts";
import { figuresOf, headlineOf, sum } from "./figures.ts";
import { submittedIn } from "./monthly.ts";
import { overdueNow } from "./overdue.ts";
import { assertPast, monthsOf } from "./period.ts";
import { DashboardQuerySchema, type Dashboard } from "./schema.ts";
import { CASE_STATE_LABELS, CASE_STATES, counts } from "../casework/index.ts";
import { listAll } from "../facility/index.ts";
import { childrenOf, yearOf, type StatsItem } from "./stats.ts";

/**
 * The figures of the caller's area (or an area inside it) for a month or a year: totals, a row per
 * kecamatan, desa or month, the year's trend, which desa have sent the month's report, and the
 * referrals overdue now. Every figure comes from the monthly counters of the area's desa, summed as
 * they are read (stats.ts: one Query per kecamatan); never a complaint.
 */
/** The kabupaten's case counters and facility beds: two GetItems and one Query, whatever the number of cases. */
async function casework(period: string): Promise<Dashboard["cases"]> {
  const [figures, facilities] = await Promise.all([counts(period.slice(0, 7)), listAll()]);
  const sum = (pick: (f: (typeof facilities)[number]) => number) =>
    facilities.reduce((n, f) => n + pick(f), 0);
  return {
    byState: CASE_STATES.map((state) => ({
      state,
      label: CASE_STATE_LABELS[state],
      count: figures.byState[state] ?? 0,
    })),
    ...(period.length === 7 ? { month: figures.month } : {}),
    beds: {
      capacityL: sum((f) => f.capacityL),
      capacityP: sum((f) => f.capacityP),
      occupiedL: sum((f) => f.occupiedL),
      occupiedP: sum((f) => f.occupiedP),
    },
  };
}

export async function get(query: unknown): Promise<Dashboard> {
  const caller = assertCan("dashboard.read");
  const q = parse(DashboardQuerySchema, query);
  assertPast(q.period, "period");
  const area = await Region.get(q.area ?? caller.scope.code);
  const year = q.period.slice(0, 4);
  const month = q.period.length === 7 ? q.period : undefined;
  const months = monthsOf(year);
  const [kabupaten, own, children, catalog, overdue, psks, sent, cases] = await Promise.all([
    Region.current(),
    yearOf(area.code, months),
    area.level === "desa" ? Promise.resolve([]) : childrenOf(area.code, year, month),
    Catalog.load(),
    overdueNow(area.code),
    Psks.countsOf(area.code),
    month && area.level !== "desa" ? submittedIn(month, area.code) : Promise.resolve([]),
    area.level === "kabupaten" ? casework(q.period) : Promise.resolve(undefined),
  ]);
  const figures = (list: StatsItem[]) => figuresOf(sum(list.map((i) => i.counts)), catalog.opds);
  const inPeriod = (list: StatsItem[]) => list.filter((i) => !month || i.month === month);
  const desaUnder = (code: string) =>
    kabupaten.kecamatan.flatMap((k) => k.desa).filter((d) => d.code.startsWith(`${code}.`));
  const sentBy = new Map(sent.map((s) => [s.desaCode, s]));
  const totals = figures(inPeriod(own));

  let rows: Dashboard["rows"];
  if (area.level === "desa") {
    rows = months
      .filter((m) => !month || m === month)
      .map((m) => ({ code: m, name: m, figures: headlineOf(figures(own.filter((i) => i.month === m))) }));
  } else {
    const list =
      area.level === "kabupaten"
        ? kabupaten.kecamatan.map((k) => ({ code: k.code, name: k.name }))
        : desaUnder(area.code).map((d) => ({ code: d.code, name: d.name }));
    rows = list.map((child) => {
      const s = sentBy.get(child.code);
      // A kecamatan's row of a month counts its desa that sent the report, as a desa's row names its own.
      const desa = month && area.level === "kabupaten" ? desaUnder(child.code) : [];
      return {
        ...child,
        figures: headlineOf(figures(children.filter((i) => i.region === child.code))),
        ...(s ? { submitted: { version: s.version, submittedAt: s.submittedAt } } : {}),
        ...(desa.length
          ? { reports: { sent: desa.filter((d) => sentBy.has(d.code)).length, of: desa.length } }
          : {}),
      };
    });
    // Residents served at the kabupaten's own SLRT front office are the kabupaten's, no kecamatan's.
    const office = totals.tickets - rows.reduce((n, r) => n + r.figures.tickets, 0);
    if (area.level === "kabupaten" && office > 0)
      rows.push({
        code: area.code,
        name: "SLRT kabupaten",
        figures: headlineOf(figuresOf({ t: office }, [])),
      });
  }
  const areaDesa = area.level === "desa" ? [] : desaUnder(area.code);
  const itself = kabupaten.kecamatan.flatMap((k) => k.desa).filter((d) => d.code === area.code);
  return {
    area: {
      level: area.level,
      code: area.code,
      name: area.name,
      villages: Region.desaWord(area.level === "desa" ? itself : areaDesa),
    },
    period: q.period,
    totals,
    rows,
    trend: months.map((m) => {
      const f = figures(own.filter((i) => i.month === m));
      return {
        month: m,
        complaints: f.complaints,
        resolved: f.resolved,
        referred: f.referred,
        open: f.open,
        tickets: f.tickets,
      };
    }),
    ...(month && area.level !== "desa"
      ? {
          submissions: {
            submitted: areaDesa.filter((d) => sentBy.has(d.code)).length,
            total: areaDesa.length,
            missing: areaDesa.filter((d) => !sentBy.has(d.code)).map((d) => ({ code: d.code, name: d.name })),
          },
        }
      : {}),
    overdueNow: overdue,
    psks,
    ...(cases ? { cases } : {}),
  };
}
