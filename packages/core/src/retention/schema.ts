import * as v from "valibot";

/**
 * How long the kabupaten keeps residents' personal data after a record is finished (UU PDP 27/2022:
 * personal data is erased or made anonymous once its purpose is served or its retention period ends).
 * Shared by the server, the settings page and the OpenAPI document.
 */
export const RECORD_KINDS = ["complaint", "referral", "proposal", "case", "request"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Record kinds and the audit log's links to residents, in the order the settings page lists them. */
export const RETENTION_KINDS = [...RECORD_KINDS, "audit"] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/**
 * The default periods in months. No national rule fixes them for Puskesos/SLRT records: they are
 * assumptions, each with its reason in ./labels.ts (shown on the settings page) and the README, to be
 * checked against the kabupaten's Jadwal Retensi Arsip (UU 43/2009, PP 28/2012); the kabupaten changes
 * them on the settings page without a redeploy.
 */
export const DEFAULT_RETENTION = {
  complaint: 24,
  referral: 24,
  proposal: 24,
  case: 60,
  request: 60,
  audit: 60,
} as const satisfies Record<RetentionKind, number>;

export type RetentionPeriods = Record<RetentionKind, number>;

/** Each kind as a sentence names it: "Masa simpan usulan DTSEN minimal 6 bulan." */
export const RETENTION_NOUNS: Record<RetentionKind, string> = {
  complaint: "pengaduan",
  referral: "rujukan",
  proposal: "usulan DTSEN",
  case: "kasus",
  request: "permintaan warga",
  audit: "log akses",
};

/** The stored periods over the defaults (a kind added later keeps its default until set). */
export const retentionPeriods = (stored?: Partial<RetentionPeriods>): RetentionPeriods => ({
  ...DEFAULT_RETENTION,
  ...stored,
});

export const MIN_MONTHS = 6;
export const MAX_MONTHS = 360;
const withinLimits = (n: number) => Number.isInteger(n) && n >= MIN_MONTHS && n <= MAX_MONTHS;

const months = (kind: RetentionKind) => {
  const label = `Masa simpan ${RETENTION_NOUNS[kind]}`;
  return v.pipe(
    // An emptied field reaches here as undefined (the form) or is missing (JSON): it was left empty.
    v.number((issue) =>
      issue.input === undefined || issue.input === null || issue.input === ""
        ? `${label} wajib diisi.`
        : `${label} harus berupa angka.`,
    ),
    v.title(label),
    v.integer(`${label} harus bilangan bulat (bulan).`),
    v.minValue(MIN_MONTHS, `${label} minimal ${MIN_MONTHS} bulan.`),
    v.maxValue(MAX_MONTHS, `${label} maksimal ${MAX_MONTHS} bulan.`),
  );
};

export const RetentionSchema = v.object({
  complaint: v.number(),
  referral: v.number(),
  proposal: v.number(),
  case: v.number(),
  request: v.number(),
  audit: v.number(),
});

/** What the manager sets: months per kind; the access log is kept at least as long as any record. */
export const UpdateRetentionSchema = v.pipe(
  v.strictObject(
    {
      complaint: months("complaint"),
      referral: months("referral"),
      proposal: months("proposal"),
      case: months("case"),
      request: months("request"),
      audit: months("audit"),
    },
    "Masa simpan harus berupa objek.",
  ),
  v.title("Masa simpan data pribadi"),
  // Only once every period is valid on its own: a period over the maximum is that field's mistake, and
  // "keep the access log longer" would point at a fix the maximum does not allow.
  // (A plain check rather than valibot's partialCheck: this schema is on the first screen's bundle.)
  v.forward(
    v.check(
      (p) => !Object.values(p).every(withinLimits) || RECORD_KINDS.every((kind) => p.audit >= p[kind]),
      "Masa simpan log akses tidak boleh lebih pendek dari masa simpan data yang lain.",
    ),
    ["audit"],
  ),
);

/** What one kind's sweep did: the day before which finished records were due, and how many of each outcome. */
export interface KindSweep {
  /** Records last changed before this kabupaten day were due. */
  before: string;
  anonymized: number;
  /** Changed after closing: their mark moved to the later day. */
  postponed: number;
  /** Marks of records gone, reopened or already anonymous. */
  dropped: number;
  /** Changed by someone while the sweep read them: tried again next run. */
  conflicts: number;
  /** The run's time ran out before every due record was done. */
  unfinished: boolean;
}

/** What a run did (the job's answer and log line; plain types: nothing parses it). */
export interface SweepResult {
  day: string;
  kinds: Record<RecordKind, KindSweep>;
  audit: {
    before: string;
    /** The last kabupaten day whose entries are done. */
    through?: string;
    entries: number;
    unfinished: boolean;
  };
  /** The records anonymised in this run (ids only: nothing personal). */
  records: { kind: RecordKind; id: string }[];
}
