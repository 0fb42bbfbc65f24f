import * as v from "valibot";

/** Which import of a desa's DPM is current, and how many rows it holds. */
export const DpmPointerSchema = v.object({
  desaCode: v.string(),
  importId: v.string(),
  count: v.number(),
  importedAt: v.string(),
  importedBy: v.string(),
});
export type DpmPointer = v.InferOutput<typeof DpmPointerSchema>;

/** A desa never imported has no pointer yet. */
export const DpmStatusSchema = v.nullable(DpmPointerSchema);

export const DpmEntrySchema = v.object({
  nikMasked: v.string(),
  name: v.string(),
  address: v.optional(v.string()),
  decile: v.optional(v.number()),
});
export type DpmEntry = v.InferOutput<typeof DpmEntrySchema>;

export const DpmRowErrorSchema = v.object({
  /** Line in the file, the header being line 1. */
  line: v.number(),
  field: v.string(),
  message: v.string(),
});
export type RowError = v.InferOutput<typeof DpmRowErrorSchema>;

export const DpmImportResultSchema = v.object({
  desaCode: v.string(),
  importId: v.string(),
  imported: v.number(),
  rejected: v.number(),
  /** The first 500 bad rows, by line. */
  errors: v.array(DpmRowErrorSchema),
});
export type ImportResult = v.InferOutput<typeof DpmImportResultSchema>;

/** A lookup by NIK or by name: whether the desa has a DPM at all, as of when, and the rows found. */
export const DpmLookupSchema = v.object({
  imported: v.boolean(),
  importedAt: v.optional(v.string()),
  found: v.array(DpmEntrySchema),
});
export type DpmLookup = v.InferOutput<typeof DpmLookupSchema>;
