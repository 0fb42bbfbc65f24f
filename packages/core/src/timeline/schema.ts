import * as v from "valibot";

export const TIMELINE_ENTITIES = ["complaint", "referral", "proposal"] as const;
export type TimelineEntity = (typeof TIMELINE_ENTITIES)[number];

/**
 * One entry of a complaint's timeline as the API sends it, readable as it is: which record moved
 * (the complaint, its referral or its proposal) with that record's own state labels, who did it
 * with the role's Indonesian name, and any OPD or programme by name.
 */
export const TimelineEntrySchema = v.object({
  at: v.string(),
  /** Username of who did it. */
  by: v.string(),
  byName: v.optional(v.string()),
  role: v.string(),
  roleLabel: v.string(),
  entity: v.picklist(TIMELINE_ENTITIES),
  /** "Pengaduan", "Rujukan", "Usulan". */
  entityLabel: v.string(),
  action: v.string(),
  /** What happened, in words: "Diteruskan ke manajer". */
  actionLabel: v.string(),
  from: v.optional(v.string()),
  fromLabel: v.optional(v.string()),
  to: v.optional(v.string()),
  toLabel: v.optional(v.string()),
  /** Names behind codes: "Dinas Kesehatan · program KIS PBI". */
  detail: v.optional(v.string()),
  /** Why, as the officer wrote it (not shown to an OPD). */
  note: v.optional(v.string()),
  /** A correction of the reporter's details: each field's earlier and new value (NIK, No. KK masked). */
  changes: v.optional(
    v.array(v.object({ field: v.string(), label: v.string(), before: v.string(), after: v.string() })),
  ),
});
export type TimelineEntry = v.InferOutput<typeof TimelineEntrySchema>;
export const TimelineSchema = v.array(TimelineEntrySchema);
