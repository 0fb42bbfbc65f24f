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

/** Adds items up per region and month (a kecamatan's figures are its desa's, summed). */
function summed(items: StatsItem[], regionOf: (i: StatsItem) => string): StatsItem[] {
  const into = new Map<string, StatsItem>();
  for (const item of items) {
    const region = regionOf(item);
    const id = `${region}|${item.month}`;
    const total = into.get(id) ?? { region, month: item.month, counts: {} };
    for (const [name, n] of Object.entries(item.counts)) total.counts[name] = (total.counts[name] ?? 0) + n;
    into.set(id, total);
  }
  return [...into.values()];
}

/** The items of a partition of counters (one group and month, or all of them): one Query. */
const partition = async (pk: string, from = "") =>
  (
    await queryAll<Record<string, unknown>>({
      KeyConditionExpression: from ? "pk = :pk AND begins_with(sk, :from)" : "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk, ...(from ? { ":from": from } : {}) },
    })
  ).map(itemOf);

/**
 * Every month of a region's year, all groups. A change writes its desa's and its kecamatan's items; the
 * kabupaten's figures are its kecamatan's summed (one Query of their partition) plus its own SLRT
 * office's, so no change writes a third region's items and no dashboard reads every desa.
 */
export async function yearOf(region: string, months: string[]): Promise<StatsItem[]> {
  const own = await getItems<Record<string, unknown>>(
    months.flatMap((m) => GROUPS.map((g) => statsKey(region, m, g).key)),
  );
  const items = own.map(itemOf);
  if (region.split(".").length !== 2) return summed(items, () => region);
  const kecamatan = await partition(childPartition(region, months[0]!.slice(0, 4)));
  return summed([...items, ...kecamatan], () => region);
}

/** The `main` counters of the regions right under `parent` for a month (or every month of the year): one Query. */
export const childrenOf = (parent: string, year: string, month?: string): Promise<StatsItem[]> =>
  partition(childPartition(parent, year), month ? `main#${month.slice(5)}#` : "main#");
