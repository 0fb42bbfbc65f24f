import * as v from "valibot";
import { PPKS_CODES } from "../catalog/schema.ts";
import { NikSchema } from "../resident/schema.ts";
import { RegionCodeSchema, UsernameSchema } from "../user/schema.ts";
import { SEXES } from "./handover-file.ts";
import { choice, CursorSchema, fullName, isoDate, note, pageOf, text, uuid } from "../validation/fields.ts";

/**
 * A case (kasus): one PPKS client's casework in the five stages of seed 001, kept by one responsible
 * worker. The input schemas of each stage are declared with their actions (./workflow.ts); these are
 * the shapes shared by the open form, the views and the OpenAPI document.
 */

export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { L: "Laki-laki", P: "Perempuan" };

/** Where a case comes from: the desa's complaint, an approved referral, or a person brought in (seed 000, 003 §2.6.1). */
export const CASE_SOURCES = ["pengaduan", "rujukan", "penjangkauan", "satpol-pp", "kepolisian"] as const;
export type CaseSource = (typeof CASE_SOURCES)[number] | "serah-terima";
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  pengaduan: "Pengaduan warga",
  rujukan: "Rujukan yang disetujui",
  penjangkauan: "Penjangkauan",
  "satpol-pp": "Dibawa Satpol PP",
  kepolisian: "Dibawa kepolisian",
  "serah-terima": "Serah terima dari kabupaten/kota lain",
};

const age = v.pipe(
  v.number("Perkiraan umur harus berupa angka."),
  v.title("Perkiraan umur"),
  v.integer("Perkiraan umur harus bilangan bulat."),
  v.minValue(0, "Perkiraan umur minimal 0."),
  v.maxValue(120, "Perkiraan umur maksimal 120."),
);

/** What is known of the client: a person found in the street often has no card, so a NIK is optional. */
export const ClientSchema = v.strictObject(
  {
    name: fullName("Nama klien"),
    nik: v.optional(NikSchema),
    /** The worker has seen the KTP or KK; a person without documents stays unverified. */
    identityVerified: v.optional(v.boolean("Identitas terverifikasi harus benar atau salah.")),
    sex: choice(SEXES, "Jenis kelamin"),
    birthDate: v.optional(isoDate("Tanggal lahir")),
    estimatedAge: v.optional(age),
    /** The home desa when it lies in this kabupaten. */
    desaCode: v.optional(RegionCodeSchema),
    origin: v.optional(text("Asal atau alamat yang diketahui", 0, 200)),
    ppks: choice(PPKS_CODES, "Jenis PPKS"),
    known: v.optional(note("Keterangan yang diketahui", 0, 2000)),
  },
  "Data klien harus berupa objek.",
);

export const OpenCaseSchema = v.strictObject(
  {
    /** Made on the device, so a resend opens one case. */
    id: uuid("ID kasus"),
    source: choice(CASE_SOURCES, "Asal kasus"),
    complaintId: v.optional(uuid("ID pengaduan")),
    referralId: v.optional(uuid("ID rujukan")),
    /** Sex and birth date may be left to the NIK (the complaint's, or one typed): read from it when not given. */
    client: v.strictObject(
      { ...ClientSchema.entries, sex: v.optional(ClientSchema.entries.sex) },
      "Data klien harus berupa objek.",
    ),
    /** The responsible worker; a worker opening a case is responsible for it. */
    worker: v.optional(UsernameSchema),
    /** The NIK's unknown region code was confirmed by the officer (pemekaran). */
    idConfirmed: v.optional(v.boolean()),
    /** An open case of a client with the same name was seen, and this is another person. */
    sameNameConfirmed: v.optional(v.boolean()),
    /** The PPKS type does not fit the client's age as known, and the worker has checked it. */
    ppksAgeConfirmed: v.optional(v.boolean()),
  },
  "Data kasus harus berupa objek JSON.",
);

const dated = { at: v.string(), by: v.string(), byName: v.string() };

export const StepViewSchema = v.object({
  id: v.string(),
  step: v.string(),
  targetDate: v.string(),
  doneOn: v.optional(v.string()),
  overdue: v.boolean(),
});
export const GoalViewSchema = v.object({
  id: v.string(),
  goal: v.string(),
  strategy: v.string(),
  steps: v.array(StepViewSchema),
  progress: v.optional(v.string()),
});

export const StaySchema = v.object({
  id: v.string(),
  facility: v.string(),
  facilityName: v.string(),
  admittedOn: v.string(),
  dischargedOn: v.optional(v.string()),
});
export type Stay = v.InferOutput<typeof StaySchema>;

export const CaseEntrySchema = v.object({
  action: v.string(),
  /** What happened, in words ("Rencana disetujui"). */
  label: v.string(),
  ...dated,
  role: v.string(),
  /** The stage's own fields as recorded (goals, progress, reason, ...). */
  data: v.record(v.string(), v.unknown()),
});
export type CaseEntry = v.InferOutput<typeof CaseEntrySchema>;

export const CaseViewSchema = v.object({
  id: v.string(),
  state: v.string(),
  version: v.number(),
  source: v.object({
    kind: v.string(),
    complaintId: v.optional(v.string()),
    referralId: v.optional(v.string()),
    fromKabupaten: v.optional(v.string()),
    documentId: v.optional(v.string()),
  }),
  client: v.object({
    name: v.string(),
    nikMasked: v.optional(v.string()),
    identityVerified: v.boolean(),
    sex: v.string(),
    birthDate: v.optional(v.string()),
    estimatedAge: v.optional(v.number()),
    desaCode: v.optional(v.string()),
    origin: v.optional(v.string()),
    ppks: v.string(),
    known: v.optional(v.string()),
  }),
  regionCode: v.string(),
  supervisionCode: v.string(),
  worker: v.string(),
  workerName: v.string(),
  plan: v.optional(v.object({ goals: v.array(GoalViewSchema), approvedAt: v.optional(v.string()) })),
  stays: v.array(StaySchema),
  returnNote: v.optional(v.string()),
  /** Sent back by the supervisor and not yet resubmitted (lists carry this instead of the note). */
  returned: v.boolean(),
  handover: v.optional(v.object({ documentId: v.string(), toKabupatenCode: v.string(), toName: v.string() })),
  overdueSteps: v.number(),
  openedAt: v.string(),
  updatedAt: v.string(),
  actions: v.array(v.string()),
  /**
   * Whether the caller may open the case's page: false for a back office, koordinator or another
   * worker who opened it for the worker responsible.
   */
  readable: v.boolean(),
});
export type CaseView = v.InferOutput<typeof CaseViewSchema>;

/** A case with its dated entries, oldest first: what the case page shows. */
export const CaseFileSchema = v.object({ case: CaseViewSchema, entries: v.array(CaseEntrySchema) });
export type CaseFile = v.InferOutput<typeof CaseFileSchema>;

export const CasePageSchema = pageOf(CaseViewSchema);
export type CasePage = v.InferOutput<typeof CasePageSchema>;

export const ListCasesSchema = v.strictObject(
  {
    status: v.optional(choice(["terbuka", "ditutup", "perlu-tindakan"] as const, "Status")),
    cursor: v.optional(CursorSchema),
  },
  "Parameter tidak dikenal.",
);

/** A worker a case may be given to; `scopeName` ("Kecamatan Slawi", "Kota Makassar") tells a kecamatan's from a kabupaten-wide one. */
export const WorkerSchema = v.object({
  username: v.string(),
  name: v.string(),
  scopeCode: v.string(),
  scopeName: v.string(),
});
export const WorkersSchema = v.array(WorkerSchema);
export const WorkersQuerySchema = v.strictObject({ region: RegionCodeSchema }, "Parameter tidak dikenal.");

export * from "./handover-file.ts";
export * from "./workflow.ts";
