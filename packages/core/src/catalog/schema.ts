import catalogs from "./catalogs.json" with { type: "json" };

/**
 * The national reference catalogs (shared/reference/catalogs.json, copied here so the package is
 * self-contained). Kabupaten-specific additions (own programs and OPDs) come in a later issue and
 * will be stored in the table; these are the defaults.
 */
export const CATALOGS = catalogs;

export interface Opd {
  code: string;
  name: string;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * OPDs named by the referral routes, plus Dinas Sosial, which hosts the SLRT secretariat and receives
 * the social rehabilitation referrals even though the routes name it only implicitly.
 */
export const OPDS: Opd[] = [
  ...new Set(["Dinas Sosial", ...catalogs.opdRoutes.flatMap((route) => route.opd.map((o) => o.name))]),
].map((name) => ({ code: slug(name), name }));

export function opdName(code: string): string | undefined {
  return OPDS.find((opd) => opd.code === code)?.name;
}

export type CategoryCode = string;
export const CATEGORY_CODES = catalogs.complaintCategories.map((c) => c.code);
export const PPKS_CODES = catalogs.ppks.map((p) => p.code);
export const PSKS_CODES = catalogs.psks.map((p) => p.code);

export const categoryName = (code: string) => catalogs.complaintCategories.find((c) => c.code === code)?.name;
export const ppksName = (code: string) => catalogs.ppks.find((p) => p.code === code)?.name;

/** The 26 PPKS types grouped by their rumpun, in catalog order, for the intake form. */
export const PPKS_BY_RUMPUN = catalogs.rumpun.map((r) => ({
  ...r,
  types: catalogs.ppks.filter((p) => p.rumpun === r.code),
}));

export const programName = (code: string) => catalogs.programs.find((p) => p.code === code)?.name;

const FIELDS_OF: Record<string, string[]> = {
  kesehatan: ["kesehatan"],
  pendidikan: ["pendidikan"],
  "sosial-ekonomi": ["sosial", "ekonomi"],
  "survei-data": ["sosial"],
};

/**
 * OPDs and programs the referral form suggests for a complaint: OPDs of the referral routes whose
 * PPKS types the resident has, and programs of the back-office field of the complaint's category.
 * The officer may choose others.
 */
export function suggest(
  ppks: string[],
  category: string,
): { opds: Opd[]; programs: { code: string; name: string }[] } {
  const names = new Set(
    catalogs.opdRoutes
      .filter((route) => route.ppks.some((p) => ppks.includes(p)))
      .flatMap((route) => route.opd.map((o) => o.name)),
  );
  const field = catalogs.complaintCategories.find((c) => c.code === category)?.backOfficeField;
  const fields = FIELDS_OF[field ?? ""] ?? [];
  return {
    opds: OPDS.filter((opd) => names.has(opd.name)),
    programs: catalogs.programs
      .filter((p) => fields.includes(p.field))
      .map(({ code, name }) => ({ code, name })),
  };
}
