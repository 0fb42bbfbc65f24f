import { assertCan, assertInScope, type UserActor } from "../actor/index.ts";
import { getItems } from "../db/batch.ts";
import { queryPage, type Page } from "../db/index.ts";
import { FieldError } from "../error/index.ts";
import { overdueReferrals } from "../report/overdue.ts";
import { assertPast } from "../report/period.ts";
import { BrowseQuerySchema } from "../report/schema.ts";
import { parse } from "../validation/index.ts";
import type * as v from "valibot";
import { entryPartition, type Facet } from "./entries.ts";
import { key, toView, type ComplaintRecord } from "./record.ts";
import type { ComplaintView } from "./schema.ts";

export type BrowseQuery = v.InferOutput<typeof BrowseQuerySchema>;

/** The area a list covers: the desa or kecamatan picked, else the caller's whole scope. */
export function areaOf(caller: UserActor, q: Pick<BrowseQuery, "kecamatan" | "desa">): string {
  if (q.desa && q.kecamatan && !q.desa.startsWith(`${q.kecamatan}.`))
    throw FieldError("desa", "Desa tidak ada di kecamatan yang dipilih.");
  const area = q.desa ?? q.kecamatan ?? caller.scope.code;
  if (q.desa && q.desa.split(".").length !== 4) throw FieldError("desa", "Kode desa tidak valid.");
  if (q.kecamatan && q.kecamatan.split(".").length !== 3)
    throw FieldError("kecamatan", "Kode kecamatan tidak valid.");
  assertInScope(area, "Wilayah");
  return area;
}

/** The one way of picking the list asks for; two at once cannot be one key. */
function facetOf(q: BrowseQuery): Facet | "overdue" {
  const picked = (
    [
      ["state", q.state && `s.${q.state}`],
      ["category", q.category && `c.${q.category}`],
      ["ppks", q.ppks && `p.${q.ppks}`],
      ["rumpun", q.rumpun && `r.${q.rumpun}`],
      ["dpm", q.dpm && `d.${q.dpm}`],
      ["overdue", q.overdue && "overdue"],
    ] as const
  ).filter(([, f]) => f);
  if (picked.length > 1)
    throw FieldError(
      picked[1]![0],
      "Pilih satu saringan saja: status, kategori, jenis PPKS, rumpun, DPM, atau lewat batas waktu.",
    );
  return (picked[0]?.[1] as Facet | "overdue" | undefined) ?? "all";
}

/** 25 a page; an export reads more at once. */
export async function browsePage(
  caller: UserActor,
  q: BrowseQuery,
  limit = 25,
): Promise<Page<ComplaintRecord>> {
  const area = areaOf(caller, q);
  const facet = facetOf(q);
  if (facet === "overdue") {
    // Few by nature (a step past its due date), so one page holds them all (at most 100).
    const ids = (await overdueReferrals(area)).slice(0, 100).map((r) => r.complaintId);
    return { items: await getItems<ComplaintRecord>(ids.map(key)) };
  }
  if (!q.month) throw FieldError("month", "Bulan wajib dipilih.");
  assertPast(q.month, "month");
  const page = await queryPage<{ complaintId: string }>(
    {
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :area)",
      ExpressionAttributeValues: {
        ":pk": entryPartition(q.month, facet),
        // A desa's code followed by "#", so 33.28.10.2001 does not also list 33.28.10.20011.
        ":area": area.split(".").length === 4 ? `${area}#` : `${area}.`,
      },
      ScanIndexForward: q.sort === "terlama",
    },
    { limit, cursor: q.cursor },
  );
  const items = await getItems<ComplaintRecord>(page.items.map((e) => key(e.complaintId)));
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * The complaints of the caller's scope for a month, in a kecamatan or desa, picked by state,
 * category, PPKS type, rumpun, DPM, or overdue now; each page is one Query on the list's own key
 * (entries.ts) and one BatchGet of the complaints it names.
 */
export async function browse(query: unknown): Promise<Page<ComplaintView>> {
  const caller = assertCan("complaint.read");
  const q = parse(BrowseQuerySchema, query);
  const page = await browsePage(caller, q);
  return { ...page, items: page.items.map((item) => toView(item, caller)) };
}
