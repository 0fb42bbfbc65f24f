import * as v from "valibot";
import { checkKk, checkNik } from "./nik.ts";

/** Identity fields of a resident, shared by intake, proposals, DPM lookups and the forms. */

const digitsOnly = (s: string) => s.replace(/[\s.-]/g, "");

/** A 16-digit identity number, read with its spaces, dots and dashes dropped, checked as `check` says. */
const identity = (label: string, check: typeof checkNik) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.maxLength(40, `${label} harus 16 digit.`),
    v.transform(digitsOnly),
    v.check(
      (value) => check(value).ok,
      (issue) => {
        const result = check(String(issue.input));
        return result.ok ? `${label} tidak valid.` : result.reason;
      },
    ),
  );

export const NikSchema = identity("NIK", checkNik);
export const KkSchema = identity("No. KK", checkKk);

export const PhoneSchema = v.pipe(
  v.string("Nomor HP harus berupa teks."),
  v.title("Nomor HP"),
  v.maxLength(40, "Nomor HP terlalu panjang."),
  v.transform((s) => s.replace(/[\s-]/g, "")),
  v.regex(/^(\+62|62|0)8\d{7,11}$/, "Nomor HP harus nomor seluler Indonesia, mis. 081234567890."),
);
