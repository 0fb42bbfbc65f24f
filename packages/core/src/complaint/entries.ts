import { CATALOGS } from "../catalog/schema.ts";
import { put, remove, type Write } from "../db/index.ts";
import { dpmStanding } from "./schema.ts";
import type { ComplaintState } from "./workflow.ts";

/**
 * The complaint list's own keys (docs/data-model.md, F20): for each month, one small entry per
 * complaint under each value it can be picked by (every complaint, its state, category, PPKS types,
 * rumpun, in or not in the DPM). The sort key starts with the desa code, so one Query with
 * `begins_with` lists a kabupaten, a kecamatan or a desa, and a page never reads what it does not show.
 */
export type Facet = "all" | `${"s" | "c" | "p" | "r" | "d"}.${string}`;

const RUMPUN_OF = new Map(CATALOGS.ppks.map((p) => [p.code, p.rumpun]));

interface Listed {
  id: string;
  desaCode: string;
  queueDay: string;
  createdAt: string;
  state: ComplaintState;
  category: string;
  ppks: string[];
  dpm: { checked: boolean; found: boolean };
}

export const entryPartition = (month: string, facet: Facet) => `CL#${month}#${facet}`;
const entrySort = (c: Listed) => `${c.desaCode}#${c.createdAt}#${c.id}`;

export function facetsOf(c: Listed): Facet[] {
  const rumpun = new Set(c.ppks.map((p) => RUMPUN_OF.get(p)).filter((r): r is string => Boolean(r)));
  return [
    "all",
    `s.${c.state}`,
    `c.${c.category}`,
    ...c.ppks.map((p): Facet => `p.${p}`),
    ...[...rumpun].map((r): Facet => `r.${r}`),
    `d.${dpmStanding(c.dpm)}`,
  ];
}

const entry = (c: Listed, facet: Facet) =>
  put("complaint-entry", {
    pk: entryPartition(c.queueDay.slice(0, 7), facet),
    sk: entrySort(c),
    type: "complaint-entry",
    complaintId: c.id,
  });

/** The entries of a complaint just registered. */
export const entryWrites = (c: Listed): Write[] => facetsOf(c).map((f) => entry(c, f));

/** The state entry follows the complaint's state. */
export function stateEntryMove(c: Listed, to: ComplaintState): Write[] {
  if (to === c.state) return [];
  return [
    remove("complaint-entry", {
      pk: entryPartition(c.queueDay.slice(0, 7), `s.${c.state}`),
      sk: entrySort(c),
    }),
    entry({ ...c, state: to }, `s.${to}`),
  ];
}

/** The DPM entry follows a corrected NIK's finding (matched again, perhaps against a DPM imported since). */
export function dpmEntryMove(c: Listed, to: Listed["dpm"]): Write[] {
  const from = dpmStanding(c.dpm);
  if (dpmStanding(to) === from) return [];
  return [
    remove("complaint-entry", { pk: entryPartition(c.queueDay.slice(0, 7), `d.${from}`), sk: entrySort(c) }),
    entry({ ...c, dpm: to }, `d.${dpmStanding(to)}`),
  ];
}
