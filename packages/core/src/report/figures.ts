import { CATALOGS, SERVICE_FIELDS, type Opd } from "../catalog/schema.ts";
import { COMPLAINT_STATE_LABELS, COMPLAINT_STATES, OPEN_COMPLAINT_STATES } from "../complaint/workflow.ts";
import * as v from "valibot";
import { PROPOSAL_STATES } from "../proposal/workflow.ts";
import { HeadlineSchema, SERVICE_STEPS, type Figures, type Headline } from "./schema.ts";
import type { Counts } from "./tally.ts";

/** The counters of several items (months, desa) added up. */
export function sum(items: Counts[]): Counts {
  const total: Counts = {};
  for (const item of items)
    for (const [name, n] of Object.entries(item))
      if (typeof n === "number") total[name] = (total[name] ?? 0) + n;
  return total;
}

/** The median of a histogram of whole days (`<prefix><days>` → how many), or null when empty. */
export function median(counts: Counts, prefix: string): number | null {
  const days = Object.entries(counts)
    .filter(([name, n]) => name.startsWith(prefix) && n > 0)
    .map(([name, n]) => [Number(name.slice(prefix.length)), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = days.reduce((s, [, n]) => s + n, 0);
  if (!total) return null;
  // The middle value, or the mean of the two middle values of an even count.
  const at = (rank: number) => {
    let seen = 0;
    for (const [d, n] of days) if ((seen += n) > rank) return d;
    return days.at(-1)![0];
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

const get = (counts: Counts, name: string) => counts[name] ?? 0;

/** The figures the counters of an area and period say, every catalog entry listed (zeros too). */
export function figuresOf(counts: Counts, opds: readonly Opd[]): Figures {
  const c = (name: string) => get(counts, name);
  const opdCodes = new Set(
    Object.keys(counts)
      .filter((n) => n.startsWith("o.") && counts[n])
      .map((n) => n.split(".")[1] ?? ""),
  );
  const u = (...states: string[]) => states.reduce((s, st) => s + c(`u.${st}`), 0);
  return {
    tickets: c("t"),
    complaints: c("n"),
    notInDpm: c("dpm0"),
    notMatched: c("dpmx"),
    byCategory: CATALOGS.complaintCategories.map((k) => ({
      code: k.code,
      name: k.name,
      count: c(`c.${k.code}`),
    })),
    byPpks: CATALOGS.ppks.map((p) => ({
      code: p.code,
      name: p.name,
      rumpun: p.rumpun,
      count: c(`p.${p.code}`),
    })),
    byRumpun: CATALOGS.rumpun.map((r) => ({ code: r.code, name: r.name, count: c(`r.${r.code}`) })),
    byState: COMPLAINT_STATES.map((state) => ({
      state,
      label: COMPLAINT_STATE_LABELS[state],
      count: c(`s.${state}`),
    })),
    resolvedInDesa: c("rd"),
    referred: c("ref"),
    resolved: c("s.selesai"),
    open: OPEN_COMPLAINT_STATES.reduce((s, st) => s + c(`s.${st}`), 0),
    medianDaysToResolution: median(counts, "d."),
    proposals: {
      made: Object.keys(counts)
        .filter((n) => n.startsWith("u."))
        .reduce((s, n) => s + c(n), 0),
      // A proposal counts in every step it reached, as its current state tells: one found layak was
      // scheduled first, one exported was confirmed first (a withdrawn one counts as made only).
      scheduled: u(...PROPOSAL_STATES.filter((s) => s !== "diusulkan" && s !== "dibatalkan")),
      layak: u("layak", "ditetapkan-musdes", "tidak-ditetapkan", "diekspor"),
      notLayak: u("tidak-layak"),
      confirmed: u("ditetapkan-musdes", "diekspor"),
      notConfirmed: u("tidak-ditetapkan"),
      exported: u("diekspor"),
    },
    referralsByOpd: [...opdCodes].sort().map((code) => {
      const o = (state: string) => c(`o.${code}.${state}`);
      return {
        code,
        name: opds.find((x) => x.code === code)?.name ?? code,
        approved: ["disetujui", "diterima-opd", "ditolak-opd", "selesai", "dibatalkan"].reduce(
          (s, st) => s + o(st),
          0,
        ),
        waiting: o("disetujui"),
        accepted: o("diterima-opd"),
        declined: o("ditolak-opd"),
        served: o("selesai"),
        withdrawn: o("dibatalkan"),
      };
    }),
    serviceFields: SERVICE_FIELDS.map((f) => ({
      code: f.code,
      name: f.name,
      handled: c(`fh.${f.code}`),
      referred: c(`fr.${f.code}`),
    })),
    serviceLevels: SERVICE_STEPS.map(({ step, label }) => {
      const finished = c(`x.${step}`);
      const onTime = c(`xo.${step}`);
      return {
        step,
        label,
        finished,
        onTime,
        onTimeShare: finished ? onTime / finished : null,
        medianDays: median(counts, `xd.${step}.`),
      };
    }),
  };
}

/** The headline of figures, as a dashboard row shows it (the schema keeps only its own keys). */
export const headlineOf = (f: Figures): Headline => v.parse(HeadlineSchema, f);
