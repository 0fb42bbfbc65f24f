import { getItems } from "../db/batch.ts";
import { getItem, queryAll } from "../db/index.ts";
import { childPartition, GROUPS, statsKey, type Counts } from "./tally.ts";

/** A stored counter item: its counters, and whose month it is. */
export interface StatsItem {
  region: string;
  month: string;
  counts: Counts;
}

const NOT_COUNTERS = new Set(["pk", "sk", "type", "region", "month", "group"]);

function itemOf(raw: Record<string, unknown>): StatsItem {
  const counts: Counts = {};
  for (const [name, value] of Object.entries(raw))
    if (!NOT_COUNTERS.has(name) && typeof value === "number") counts[name] = value;
  return { region: String(raw.region), month: String(raw.month), counts };
}

/** Every group of a region's month, read strongly (a report about to be sent). */
export async function monthOf(region: string, month: string): Promise<Counts> {
  const items = await Promise.all(
    GROUPS.map((g) => getItem<Record<string, unknown>>(statsKey(region, month, g).key)),
  );
  return Object.assign({}, ...items.filter(Boolean).map((raw) => itemOf(raw!).counts)) as Counts;
}

/** Every group of each month of a region's year: one BatchGet. */
export async function yearOf(region: string, months: string[]): Promise<StatsItem[]> {
  const keys = months.flatMap((m) => GROUPS.map((g) => statsKey(region, m, g).key));
  const raw = await getItems<Record<string, unknown>>(keys);
  const byMonth = new Map<string, StatsItem>();
  for (const item of raw.map(itemOf)) {
    const into = byMonth.get(item.month) ?? { region, month: item.month, counts: {} };
    Object.assign(into.counts, item.counts);
    byMonth.set(item.month, into);
  }
  return [...byMonth.values()];
}

/** The `main` counters of the regions right under `parent` for a month (or every month of the year): one Query. */
export async function childrenOf(parent: string, year: string, month?: string): Promise<StatsItem[]> {
  const raw = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :from)",
    ExpressionAttributeValues: {
      ":pk": childPartition(parent, year),
      ":from": month ? `main#${month.slice(5)}#` : "main#",
    },
  });
  return raw.map(itemOf);
}
