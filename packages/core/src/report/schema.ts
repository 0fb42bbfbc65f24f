import * as v from "valibot";
import { COMPLAINT_STATES } from "../complaint/workflow.ts";
import { note, RegionCodeSchema } from "../validation/fields.ts";
import { PsksCountsSchema } from "../psks/schema.ts";
import { MonthSchema } from "./query-schema.ts";
import { REPORT_ACTIONS, REPORT_STATES } from "./workflow.ts";

const counted = <E extends v.ObjectEntries>(entries: E) =>
  v.object({ code: v.string(), name: v.string(), ...entries });
const count = v.number();

/** The referral steps with a due date, as the service levels name them. */
export const SERVICE_STEPS = [
  { step: "supervisor", label: "Supervisor kecamatan" },
  { step: "manajer", label: "Manajer daerah" },
  { step: "opd", label: "OPD" },
] as const;

/** The figures of an area (a desa, a kecamatan, the kabupaten) for a month or a year. */
export const FiguresSchema = v.object({
  /** Residents served: queue numbers given. */
  tickets: count,
  complaints: count,
  notInDpm: count,
  /** Reporters not matched because their desa's DPM was not imported yet (absent from versions sent before it was counted). */
  notMatched: v.optional(count),
  byCategory: v.array(counted({ count })),
  byPpks: v.array(counted({ rumpun: v.string(), count })),
  byRumpun: v.array(counted({ count })),
  byState: v.array(v.object({ state: v.picklist(COMPLAINT_STATES), label: v.string(), count })),
  /** Finished in the desa without a referral. */
  resolvedInDesa: count,
  referred: count,
  /** Finished, in the desa or after a referral. */
  resolved: count,
  open: count,
  /** Median calendar days from registration to finish, of those finished; null when none. */
  medianDaysToResolution: v.nullable(v.number()),
  /** Proposals of the period by how far they got: each counts in every step it reached (see figures.ts). */
  proposals: v.object({
    made: count,
    scheduled: count,
    layak: count,
    notLayak: count,
    confirmed: count,
    notConfirmed: count,
    exported: count,
  }),
  referralsByOpd: v.array(
    counted({
      approved: count,
      waiting: count,
      accepted: count,
      declined: count,
      served: count,
      withdrawn: count,
    }),
  ),
  /** The four fields of social welfare services: complaints handled in the desa, referrals approved. */
  serviceFields: v.array(counted({ handled: count, referred: count })),
  serviceLevels: v.array(
    v.object({
      step: v.string(),
      label: v.string(),
      finished: count,
      onTime: count,
      /** Share finished within the due days, 0..1; null when none finished. */
      onTimeShare: v.nullable(v.number()),
      medianDays: v.nullable(v.number()),
    }),
  ),
});
export type Figures = v.InferOutput<typeof FiguresSchema>;

export const SubmissionSchema = v.object({
  version: v.number(),
  submittedAt: v.string(),
  submittedBy: v.string(),
  submittedByName: v.string(),
  /** What was corrected (every version after the first). */
  note: v.optional(v.string()),
  figures: FiguresSchema,
});
export type Submission = v.InferOutput<typeof SubmissionSchema>;

export const MonthlyReportSchema = v.object({
  desaCode: v.string(),
  desaName: v.string(),
  /** A kelurahan's report is signed by its lurah, a desa's by its kepala desa. */
  desaKind: v.picklist(["desa", "kelurahan"]),
  kecamatanCode: v.string(),
  kecamatanName: v.string(),
  kabupatenName: v.string(),
  month: v.string(),
  /** Whether the month is over in the kabupaten's calendar (figures of a running month still grow). */
  monthEnded: v.boolean(),
  state: v.picklist(REPORT_STATES),
  /** The figures now, from the counters. */
  figures: FiguresSchema,
  /** Every version sent to the SLRT, newest first. */
  submissions: v.array(SubmissionSchema),
  actions: v.array(v.picklist(REPORT_ACTIONS)),
});
export type MonthlyReport = v.InferOutput<typeof MonthlyReportSchema>;

export const SubmitReportSchema = v.strictObject(
  {
    desa: v.optional(RegionCodeSchema),
    month: MonthSchema,
    /** The latest version the koordinator saw (0: none yet), so two sends at once cannot both win. */
    version: v.pipe(
      v.number("Versi harus berupa angka."),
      v.title("Versi"),
      v.integer("Versi harus bilangan bulat."),
      v.minValue(0, "Versi tidak valid."),
    ),
    note: v.optional(note("Catatan koreksi", 5, 1000)),
  },
  "Data laporan harus berupa objek JSON.",
);

/** What a row of the dashboard shows of an area: the headline figures. */
export const HeadlineSchema = v.pick(FiguresSchema, [
  "tickets",
  "complaints",
  "notInDpm",
  "resolvedInDesa",
  "referred",
  "resolved",
  "open",
  "medianDaysToResolution",
  "proposals",
]);
export type Headline = v.InferOutput<typeof HeadlineSchema>;

export const AreaRowSchema = v.object({
  code: v.string(),
  name: v.string(),
  figures: HeadlineSchema,
  /** For a desa row of a month: the report it sent, if any. */
  submitted: v.optional(v.object({ version: v.number(), submittedAt: v.string() })),
  /** For a kecamatan row of a month: how many of its desa sent the report. */
  reports: v.optional(v.object({ sent: v.number(), of: v.number() })),
});

export const DashboardSchema = v.object({
  area: v.object({
    level: v.picklist(["kabupaten", "kecamatan", "desa"]),
    code: v.string(),
    name: v.string(),
    /** What the area's villages are called: a kota's are kelurahan, a kabupaten may have both. */
    villages: v.picklist(["desa", "kelurahan", "desa/kelurahan"]),
  }),
  period: v.string(),
  totals: FiguresSchema,
  /** Per kecamatan (a kabupaten), per desa (a kecamatan), or per month (a desa). */
  rows: v.array(AreaRowSchema),
  /** The year's months of the area. */
  trend: v.array(
    v.object({
      month: v.string(),
      complaints: count,
      resolved: count,
      referred: count,
      open: count,
      tickets: count,
    }),
  ),
  /** For a month: which desa of the area have sent their report. */
  submissions: v.optional(
    v.object({
      submitted: count,
      total: count,
      missing: v.array(v.object({ code: v.string(), name: v.string() })),
    }),
  ),
  /** Active PSKS of the area by kind (the registry's own counters). */
  psks: PsksCountsSchema,
  /** The kabupaten's casework (on the kabupaten's own dashboard): cases by state now, the month's flow, beds. */
  cases: v.optional(
    v.object({
      byState: v.array(v.object({ state: v.string(), label: v.string(), count })),
      month: v.optional(v.object({ opened: count, closed: count, handedOver: count })),
      beds: v.object({ capacityL: count, capacityP: count, occupiedL: count, occupiedP: count }),
    }),
  ),
  /** Referrals of the area overdue now, per step and per OPD. */
  overdueNow: v.object({
    total: count,
    byStep: v.array(v.object({ step: v.string(), label: v.string(), count })),
    byOpd: v.array(counted({ count })),
  }),
});
export type Dashboard = v.InferOutput<typeof DashboardSchema>;

export * from "./query-schema.ts";
export { REPORT_WORKFLOW, REPORT_STATE_LABELS, REPORT_STATES, REPORT_ACTIONS } from "./workflow.ts";

/**
 * The columns of a row of the dashboard (an area or a month), as the screen and the files name them.
 * "Nomor antrian", not "Warga dilayani": a complaint entered without a queue number beside a count of 0
 * served read as a contradiction.
 */
export const TICKETS_COLUMN = "Nomor antrian";
export const ROW_COLUMNS = [TICKETS_COLUMN, "Pengaduan", "Selesai", "Dirujuk", "Masih terbuka"] as const;

/** The proposals' lines as the screen and the files show them, in order. */
export const PROPOSAL_ROWS: [label: string, key: keyof Figures["proposals"]][] = [
  ["Usulan rumah tangga dibuat", "made"],
  ["Usulan dijadwalkan verval", "scheduled"],
  ["Usulan layak", "layak"],
  ["Usulan tidak layak", "notLayak"],
  ["Usulan ditetapkan musdes", "confirmed"],
  ["Usulan tidak ditetapkan musdes", "notConfirmed"],
  ["Usulan diekspor", "exported"],
];

/** A value with its objects' keys in one order: the stored version's keys come back in any order. */
const canonical = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(canonical)
    : x && typeof x === "object"
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, canonical((x as Record<string, unknown>)[k])]),
        )
      : x;

/** What of `x` the shape of `like` holds: the lines a version sent before they were counted lacks are left out. */
const shapedLike = (x: unknown, like: unknown): unknown =>
  Array.isArray(x) && Array.isArray(like)
    ? x.map((item, i) => shapedLike(item, like[i]))
    : x && like && typeof x === "object" && typeof like === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x)
            .filter(([k]) => k in like)
            .map(([k, value]) => [k, shapedLike(value, (like as Record<string, unknown>)[k])]),
        )
      : x;

/**
 * Whether the figures now say what the last version sent said. A line counted only since that version
 * (absent from it) does not make them differ: it alone is no correction.
 */
export const sameFigures = (sent: Figures, now: Figures) =>
  JSON.stringify(canonical(sent)) === JSON.stringify(canonical(shapedLike(now, sent)));
