import * as v from "valibot";
import type { TimeZone } from "../time/calendar.ts";

/** Region shapes as the API sends them; shared with the browser. */

export type { TimeZone };

// `satisfies` refuses a zone calendar.ts does not know; assigning a TimeZone to a Kabupaten refuses one missing here.
export const TimeZoneSchema = v.picklist([
  "Asia/Jakarta",
  "Asia/Makassar",
  "Asia/Jayapura",
] satisfies TimeZone[]);

export const DesaSchema = v.object({
  code: v.string(),
  name: v.string(),
  /** Kelurahan codes have serial 1xxx, desa 2xxx (Permendagri 72/2019). */
  kind: v.picklist(["desa", "kelurahan"]),
  kecamatanCode: v.string(),
});
export type Desa = v.InferOutput<typeof DesaSchema>;

// Names of places in sentences; in their own module so a form can use them without the schemas.
export * from "./words.ts";

export const KecamatanSchema = v.object({ code: v.string(), name: v.string(), desa: v.array(DesaSchema) });
export type Kecamatan = v.InferOutput<typeof KecamatanSchema>;

export const KabupatenSchema = v.object({
  code: v.string(),
  name: v.string(),
  provinceCode: v.string(),
  provinceName: v.string(),
  timeZone: TimeZoneSchema,
  kecamatan: v.array(KecamatanSchema),
});
export type Kabupaten = v.InferOutput<typeof KabupatenSchema>;

/** One region of the kabupaten at any level. */
export const RegionSchema = v.variant("level", [
  v.object({ level: v.literal("kabupaten"), code: v.string(), name: v.string() }),
  v.object({ level: v.literal("kecamatan"), code: v.string(), name: v.string(), kabupatenCode: v.string() }),
  v.object({ ...DesaSchema.entries, level: v.literal("desa"), kecamatanName: v.string() }),
]);
export type Region = v.InferOutput<typeof RegionSchema>;

/** Every kabupaten and kota of Indonesia, for naming another kabupaten (a handover's other side). */
export const KabupatenListSchema = v.array(v.object({ code: v.string(), name: v.string() }));
export type KabupatenList = v.InferOutput<typeof KabupatenListSchema>;
