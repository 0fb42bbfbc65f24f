import { CATALOGS, FIELDS_OF, type Catalog, type Opd } from "./schema.ts";

/** An OPD the referral form suggests, why, and whether it comes ticked. */
export interface SuggestedOpd extends Opd {
  /** Both the complaint's category and one of the resident's PPKS types point at it. */
  ticked: boolean;
  because: "kategori dan PPKS" | "kategori" | "PPKS";
}

/**
 * OPDs and programs the referral form suggests for a complaint: the OPDs of its category and of the
 * routes of the resident's PPKS types, those both point at first and ticked (a health complaint of a
 * poor resident does not come ticked for the agriculture office the poverty route names), and the
 * programs of the category's back-office field. The officer may choose others.
 */
export function suggestFrom(catalog: Catalog, ppks: string[], category: string) {
  const byRoute = new Set(
    catalog.routes.filter((r) => r.ppks.some((p) => ppks.includes(p))).flatMap((r) => r.opds),
  );
  const byCategory = new Set(catalog.categoryRoutes.find((r) => r.category === category)?.opds ?? []);
  const opds: SuggestedOpd[] = catalog.opds.flatMap((o): SuggestedOpd[] => {
    const [c, r] = [byCategory.has(o.code), byRoute.has(o.code)];
    if (c && r) return [{ ...o, ticked: true, because: "kategori dan PPKS" }];
    if (c) return [{ ...o, ticked: false, because: "kategori" }];
    return r ? [{ ...o, ticked: false, because: "PPKS" }] : [];
  });
  const rank = { "kategori dan PPKS": 0, kategori: 1, PPKS: 2 };
  const field = CATALOGS.complaintCategories.find((c) => c.code === category)?.backOfficeField;
  const fields = FIELDS_OF[field ?? ""] ?? [];
  return {
    opds: opds.sort((a, b) => rank[a.because] - rank[b.because]),
    programs: catalog.programs.filter((p) => fields.includes(p.field)),
  };
}
