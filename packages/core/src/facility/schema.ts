import * as v from "valibot";
import { choice, code, text, VersionSchema } from "../validation/fields.ts";

/**
 * Facilities a client can be placed in (seed 003 §3.1): the Rumah Perlindungan Sosial / rumah singgah
 * with gender-separated shelters, panti, the provincial UPT and Kemensos balai, each with beds by sex.
 */
export const FACILITY_KINDS = [
  ["rumah-singgah", "Rumah singgah / Rumah Perlindungan Sosial"],
  ["panti", "Panti sosial"],
  ["upt-provinsi", "UPT Dinas Sosial Provinsi"],
  ["balai-kemensos", "Balai / Sentra Kemensos"],
] as const;
export const FACILITY_KIND_CODES = FACILITY_KINDS.map(([c]) => c);

/** A number field left empty reaches the schema as NaN (the form's reading of ""): it is missing, not wrong. */
const required = (label: string) => (issue: { input: unknown }) =>
  Number.isNaN(issue.input) ? `${label} wajib diisi.` : `${label} harus berupa angka.`;

const beds = (label: string) =>
  v.pipe(
    v.number(required(label)),
    v.title(label),
    v.integer(`${label} harus bilangan bulat.`),
    v.minValue(0, `${label} minimal 0.`),
    v.maxValue(2000, `${label} maksimal 2000.`),
  );

const fields = {
  name: text("Nama fasilitas", 3, 120),
  kind: choice(FACILITY_KIND_CODES, "Jenis fasilitas"),
  capacityL: beds("Kapasitas laki-laki"),
  capacityP: beds("Kapasitas perempuan"),
  /** A stay longer than this shows as "lama" on the occupancy screen. */
  longStayDays: v.pipe(
    v.number(required("Batas lama tinggal")),
    v.title("Batas lama tinggal (hari)"),
    v.integer("Batas lama tinggal harus bilangan bulat."),
    v.minValue(1, "Batas lama tinggal minimal 1 hari."),
    v.maxValue(3650, "Batas lama tinggal maksimal 3650 hari."),
  ),
  address: v.optional(text("Alamat", 0, 200)),
};

export const AddFacilitySchema = v.strictObject(
  {
    code: code("Kode fasilitas", "Kode fasilitas hanya huruf kecil, angka, dan tanda hubung (2–48)."),
    ...fields,
  },
  "Data fasilitas harus berupa objek JSON.",
);
export const UpdateFacilitySchema = v.strictObject(
  { version: VersionSchema, ...fields, active: v.boolean("Aktif harus benar atau salah.") },
  "Data fasilitas harus berupa objek JSON.",
);

export const FacilitySchema = v.object({
  code: v.string(),
  name: v.string(),
  kind: v.string(),
  capacityL: v.number(),
  capacityP: v.number(),
  occupiedL: v.number(),
  occupiedP: v.number(),
  longStayDays: v.number(),
  address: v.optional(v.string()),
  active: v.boolean(),
  version: v.number(),
});
export type Facility = v.InferOutput<typeof FacilitySchema>;
export const FacilityListSchema = v.array(FacilitySchema);

/** A client staying now, with how long, for the occupancy screen. */
export const CurrentStaySchema = v.object({
  id: v.string(),
  facility: v.string(),
  caseId: v.optional(v.string()),
  clientName: v.string(),
  sex: v.string(),
  admittedOn: v.string(),
  days: v.number(),
  long: v.boolean(),
});
export type CurrentStay = v.InferOutput<typeof CurrentStaySchema>;
export const CurrentStaysSchema = v.array(CurrentStaySchema);
