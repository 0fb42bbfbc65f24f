import { useUser } from "../actor/index.ts";
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

/** The OPD list, for any signed-in user (forms that pick an OPD). */
export function listOpds(): Opd[] {
  useUser();
  return OPDS;
}
