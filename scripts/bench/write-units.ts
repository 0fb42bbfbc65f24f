import { TABLE_DEFINITION } from "@puskesos/core/db";
import { indexEntrySize, itemSize, projected } from "./table-bytes.ts";

type Item = Record<string, unknown>;

/** One item written: before and after (undefined: absent). */
export interface Change {
  before: Item | undefined;
  after: Item | undefined;
  /** A ConditionCheck: nothing is written, the item is still read and billed as a write. */
  check?: boolean;
}

const KB = 1024;
const units = (bytes: number) => Math.max(1, Math.ceil(bytes / KB));

/**
 * The write request units a write costs on DynamoDB, from each item's before and after images: a unit
 * per KB of the larger image, twice that in a transaction (prepare and commit, rounded per item before
 * doubling), and for each global index the entries written or deleted at the standard rate (an index
 * keeping keys only is written when the item's key in it changes, not on every change). DynamoDB
 * Local reports far fewer for a transaction (one item's units for five small puts) and does not
 * follow an index's projection, so the benchmark counts every write this way instead.
 */
export function writeUnits(changes: readonly Change[], transaction: boolean): number {
  let total = 0;
  for (const { before, after, check } of changes) {
    const size = Math.max(before ? itemSize(before) : 0, after && !check ? itemSize(after) : 0);
    total += (transaction ? 2 : 1) * units(size);
    if (check) continue;
    for (const index of TABLE_DEFINITION.globalIndexes) {
      const was = indexKey(before, index);
      const is = indexKey(after, index);
      if (was === undefined && is === undefined) continue;
      if (was !== undefined && is !== undefined && was === is) {
        // Same entry: rewritten only when something it projects changed.
        if (JSON.stringify(projected(before!, index)) !== JSON.stringify(projected(after!, index)))
          total += units(indexEntrySize(after!, index));
        continue;
      }
      if (was !== undefined) total += units(indexEntrySize(before!, index));
      if (is !== undefined) total += units(indexEntrySize(after!, index));
    }
  }
  return total;
}

/**
 * What kind of item a write touched, for the breakdown of one complaint's write units (`npm run cost`):
 * the records themselves, or what the design keeps beside them.
 */
export function kindOf(item: { pk?: unknown; sk?: unknown }): string {
  const pk = String(item.pk ?? "");
  const sk = String(item.sk ?? "");
  if (pk.startsWith("AUDIT#")) return "log audit";
  if (pk.startsWith("CL#")) return "entri daftar pengaduan";
  if (/^(STATS|CASECOUNT|PSKSCOUNT)#/.test(pk)) return "penghitung laporan";
  if (sk.startsWith("EVENT#")) return "linimasa";
  if (pk.startsWith("RETAIN#")) return "tanda retensi";
  if (pk.startsWith("TRACK#")) return "kode lacak";
  return "catatan (pengaduan, rujukan, usulan, tiket)";
}

function indexKey(
  item: Item | undefined,
  index: (typeof TABLE_DEFINITION.globalIndexes)[number],
): string | undefined {
  const pk = item?.[index.partitionKey];
  const sk = item?.[index.sortKey];
  return pk === undefined || sk === undefined ? undefined : `${String(pk)}\u0000${String(sk)}`;
}
