import * as v from "valibot";
import { OpenCaseLinkSchema } from "../casework/open-case-link.ts";
import { TimelineSchema } from "../timeline/schema.ts";
import { CATEGORY_CODES, SERVICE_FIELD_CODES } from "../catalog/schema.ts";
import { NikSchema } from "../resident/schema.ts";
import { CursorSchema, isoDate, pageOf, RegionCodeSchema } from "../validation/fields.ts";
import { PROPOSAL_STATES } from "../proposal/workflow.ts";
import { COMPLAINT_ACTIONS, COMPLAINT_STATES } from "./workflow.ts";

export type { OpenCaseLink } from "../casework/open-case-link.ts";
export * from "./workflow.ts";
export * from "./registration.ts";

export const ListComplaintsSchema = v.object({
  desa: v.optional(RegionCodeSchema),
  day: v.optional(isoDate("Tanggal")),
  state: v.optional(v.picklist(COMPLAINT_STATES, "Status pengaduan tidak dikenal.")),
  category: v.optional(v.picklist(CATEGORY_CODES, "Kategori pengaduan tidak dikenal.")),
  name: v.optional(
    v.pipe(v.string(), v.trim(), v.minLength(2, "Nama yang dicari minimal 2 huruf."), v.maxLength(60)),
  ),
  nik: v.optional(NikSchema),
  cursor: v.optional(CursorSchema),
});
export type ListComplaintsInput = v.InferInput<typeof ListComplaintsSchema>;

/** A complaint as the officer's screens show it (NIK masked), with what the caller may do on it now. */
export const ComplaintViewSchema = v.object({
  id: v.string(),
  desaCode: v.string(),
  state: v.picklist(COMPLAINT_STATES),
  trackingCode: v.string(),
  /** The kabupaten's calendar day it was registered. */
  queueDay: v.string(),
  queueNumber: v.optional(v.number()),
  /** The provisional number given offline (`S-01`), counted as a resident served. */
  provisionalTicket: v.optional(v.string()),
  reporter: v.object({
    nikMasked: v.string(),
    kkMasked: v.optional(v.string()),
    name: v.string(),
    rt: v.string(),
    rw: v.string(),
    dusun: v.optional(v.string()),
    phone: v.optional(v.string()),
  }),
  category: v.string(),
  description: v.string(),
  ppks: v.array(v.string()),
  legalBasis: v.string(),
  consent: v.boolean(),
  dpm: v.object({
    checked: v.boolean(),
    found: v.boolean(),
    decile: v.optional(v.number()),
    name: v.optional(v.string()),
  }),
  proposalId: v.optional(v.string()),
  /** The household proposal's state, shown beside the complaint ("belum di DPM"). */
  proposalState: v.optional(v.picklist(PROPOSAL_STATES)),
  /** When a DPM import of the desa first held the proposed household ("masuk DPM"). */
  proposalInDpmOn: v.optional(v.string()),
  referralId: v.optional(v.string()),
  /** Why and by whom it was cancelled. */
  cancelled: v.optional(
    v.object({ reason: v.string(), at: v.string(), by: v.string(), byName: v.optional(v.string()) }),
  ),
  handling: v.optional(
    v.object({
      answer: v.string(),
      handling: v.optional(v.string()),
      villageProgram: v.optional(v.string()),
      /** Which of the four fields of social welfare services the desa's handling belongs to. */
      serviceField: v.optional(v.picklist(SERVICE_FIELD_CODES)),
      psks: v.array(v.string()),
      /** The registry's entries involved, as they were named then. */
      psksUsed: v.optional(v.array(v.object({ id: v.string(), name: v.string(), kind: v.string() }))),
      by: v.string(),
      at: v.string(),
    }),
  ),
  /** When it was finished, closed or cancelled. */
  closedAt: v.optional(v.string()),
  createdAt: v.string(),
  createdBy: v.string(),
  updatedAt: v.string(),
  version: v.number(),
  actions: v.array(v.picklist(COMPLAINT_ACTIONS)),
});
export type ComplaintView = v.InferOutput<typeof ComplaintViewSchema>;

export const ComplaintPageSchema = pageOf(ComplaintViewSchema);

export const RevealedNikSchema = v.object({ nik: v.string(), kk: v.optional(v.string()) });

/** A complaint as its page shows it: the view and its timeline, read (and audited) once. */
export const ComplaintWithTimelineSchema = v.object({
  complaint: ComplaintViewSchema,
  timeline: TimelineSchema,
  /** Its open case, for an officer who may open cases. */
  openCase: v.optional(OpenCaseLinkSchema),
});

/**
 * Where a complaint stands against the DPM, as lists narrow it and files show it: its reporter is in
 * it, is not, or was not matched (the desa's DPM was not imported when it was registered), which is
 * no finding either way.
 */
export const DPM_STANDINGS = ["ada", "tidak", "belum"] as const;
export type DpmStanding = (typeof DPM_STANDINGS)[number];

export const DPM_STANDING_LABELS: Record<DpmStanding, string> = {
  ada: "Ada di DPM",
  tidak: "Belum di DPM",
  belum: "Tidak dicocokkan",
};

export const dpmStanding = (dpm: { checked: boolean; found: boolean }): DpmStanding =>
  dpm.found ? "ada" : dpm.checked ? "tidak" : "belum";
