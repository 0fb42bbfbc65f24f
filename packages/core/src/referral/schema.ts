import * as v from "valibot";
import { TimelineSchema } from "../timeline/schema.ts";
import { SERVICE_FIELD_CODES } from "../catalog/schema.ts";
import { choice, code, CursorSchema, note, pageOf, uuid } from "../validation/fields.ts";
import { REFERRAL_ACTIONS, REFERRAL_STATES } from "./workflow.ts";
import { OpenCaseLinkSchema } from "../casework/open-case-link.ts";

export * from "./workflow.ts";

export const URGENCIES = { biasa: "Biasa", segera: "Segera", darurat: "Darurat" } as const;
const URGENCY_CODES = Object.keys(URGENCIES) as [keyof typeof URGENCIES, ...(keyof typeof URGENCIES)[]];

export const CreateReferralSchema = v.strictObject(
  {
    id: uuid("ID rujukan"),
    complaintId: uuid("ID pengaduan"),
    reason: note("Alasan rujukan", 5, 1000),
    urgency: choice(URGENCY_CODES, "Tingkat kepentingan"),
    needs: note("Kebutuhan warga", 5, 1000),
    notes: v.optional(note("Catatan", 0, 2000)),
    opds: v.pipe(
      v.array(code("OPD"), "OPD harus berupa daftar."),
      v.title("OPD"),
      v.maxLength(5, "Pilih paling banyak 5 OPD."),
    ),
    programs: v.pipe(
      v.array(code("Program"), "Program harus berupa daftar."),
      v.title("Program"),
      v.maxLength(5, "Pilih paling banyak 5 program."),
    ),
  },
  "Data rujukan harus berupa objek JSON.",
);

/** A referral as the API shows it to the caller, with what the caller may do on it now. */
export const ReferralViewSchema = v.object({
  id: v.string(),
  complaintId: v.string(),
  desaCode: v.string(),
  kecamatanCode: v.string(),
  state: v.picklist(REFERRAL_STATES),
  urgency: v.picklist(URGENCY_CODES),
  reason: v.string(),
  needs: v.string(),
  /** The desa's internal notes: not shown to the OPD. */
  notes: v.optional(v.string()),
  suggestedOpds: v.array(v.string()),
  programs: v.array(v.string()),
  recommendation: v.optional(v.string()),
  opd: v.optional(v.string()),
  /** OPDs that declined it before it was assigned again, in order (the report counts each decline). */
  declinedOpds: v.optional(v.array(v.string())),
  program: v.optional(v.string()),
  letterNumber: v.optional(v.string()),
  approvedBy: v.optional(v.string()),
  approvedByName: v.optional(v.string()),
  approvedAt: v.optional(v.string()),
  outcome: v.optional(v.object({ service: v.string(), servedOn: v.string(), reference: v.string() })),
  /** The field of social welfare services of the programme approved (as it was at approval). */
  serviceField: v.optional(v.picklist(SERVICE_FIELD_CODES)),
  /** Each finished step: who held it (supervisor, manajer, opd), from when, due when, until when. */
  steps: v.optional(
    v.array(
      v.object({
        step: v.picklist(["supervisor", "manajer", "opd"]),
        startedAt: v.string(),
        dueAt: v.string(),
        endedAt: v.string(),
      }),
    ),
  ),
  lastNote: v.optional(v.string()),
  reporter: v.object({ name: v.string(), nikMasked: v.string(), rt: v.string(), rw: v.string() }),
  dueAt: v.string(),
  overdue: v.boolean(),
  version: v.number(),
  createdAt: v.string(),
  createdBy: v.string(),
  updatedAt: v.string(),
  updatedBy: v.string(),
  actions: v.array(v.picklist(REFERRAL_ACTIONS)),
});
export type ReferralView = v.InferOutput<typeof ReferralViewSchema>;

/** A page of the referrals an OPD has served. */
export const ServedQuerySchema = v.strictObject(
  { cursor: v.optional(CursorSchema) },
  "Parameter tidak dikenal.",
);
export const ReferralPageSchema = pageOf(ReferralViewSchema);
export type ReferralPage = v.InferOutput<typeof ReferralPageSchema>;

export const ReferralInboxSchema = v.object({
  items: v.array(ReferralViewSchema),
  overdue: v.number(),
  /** For the manager: referrals overdue at a supervisor, which the manager may decide instead. */
  escalations: v.array(ReferralViewSchema),
});
export type ReferralInbox = v.InferOutput<typeof ReferralInboxSchema>;

export const ReferralLetterSchema = v.object({
  letterhead: v.array(v.string()),
  number: v.string(),
  date: v.string(),
  /** Where it is signed: the kabupaten or kota by its own name ("Tegal", "Makassar"). */
  place: v.string(),
  opd: v.string(),
  program: v.string(),
  approvedByName: v.string(),
  dueAt: v.string(),
  resident: v.object({
    name: v.string(),
    nik: v.string(),
    rt: v.string(),
    rw: v.string(),
    desa: v.string(),
    kecamatan: v.string(),
  }),
  reason: v.string(),
  needs: v.string(),
  urgency: v.string(),
  /** Whether a desa or a kelurahan referred: its copy is the letter's second page. */
  desaKind: v.picklist(["desa", "kelurahan"]),
});
export type ReferralLetter = v.InferOutput<typeof ReferralLetterSchema>;

/** A referral as its page shows it: the view and its complaint's timeline, read (and audited) once. */
export const ReferralWithTimelineSchema = v.object({
  referral: ReferralViewSchema,
  timeline: TimelineSchema,
  /** Its complaint's open case, for an officer who may open cases. */
  openCase: v.optional(OpenCaseLinkSchema),
});
