// A file of its own: the intake form's three lists of the national catalog, without the other four
// (programs, referral routes), which a bundle could not leave out of a shared JSON module.
import { complaintCategories, ppks, rumpun } from "./intake.json";

/** The complaint categories and PPKS types of the national catalog, the intake form's lists. */
export const COMPLAINT_CATEGORIES = complaintCategories;
export type CategoryCode = string;
export const CATEGORY_CODES = complaintCategories.map((c) => c.code);
export const PPKS_CODES = ppks.map((p) => p.code);

export const categoryName = (code: string) => complaintCategories.find((c) => c.code === code)?.name;
export const ppksName = (code: string) => ppks.find((p) => p.code === code)?.name;

/** The 26 PPKS types grouped by their rumpun, in catalog order, for the intake form. */
export const PPKS_BY_RUMPUN = rumpun.map((r) => ({
  ...r,
  types: ppks.filter((p) => p.rumpun === r.code),
}));
