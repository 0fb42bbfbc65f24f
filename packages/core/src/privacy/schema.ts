import * as v from "valibot";
/** Request kinds, states, labels and actions, for the API and the forms. */
export * from "./workflow.ts";
import { NikSchema } from "../resident/schema.ts";
import { choice, fullName, isoDate, note, pageOf, text, uuid, CursorSchema } from "../validation/fields.ts";
import { REQUEST_KINDS, REQUEST_STATES } from "./workflow.ts";

/** The resident asked about: NIK in the body, never in a URL. */
/** By the NIK typed, or by a resident's recorded request (its NIK is on the request, never in a URL). */
export const AccessReportQuerySchema = v.strictObject(
  { nik: v.optional(NikSchema), requestId: v.optional(uuid("ID permintaan")) },
  "Data harus berupa objek JSON.",
);

/** The kinds of access the report groups by, as the resident reads them. */
export const ACCESS_KINDS = [
  "pendaftaran",
  "membuka",
  "nik",
  "surat",
  "riwayat",
  "usulan",
  "kasus",
  "ekspor",
  "perubahan",
  "pencarian",
  /** The data protection officer's own access report: it reads no record's contents. */
  "laporan",
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const AccessEntrySchema = v.object({
  id: v.string(),
  at: v.string(),
  /** Username, and the person's name and office when the account is known. */
  by: v.string(),
  byName: v.optional(v.string()),
  office: v.optional(v.string()),
  role: v.string(),
  roleLabel: v.string(),
  kind: v.picklist(ACCESS_KINDS),
  /** What was done, in words: "Membuka pengaduan". */
  what: v.string(),
  /** The record, in words: "Pengaduan 3f2a…", without its contents. */
  record: v.string(),
});
export type AccessEntry = v.InferOutput<typeof AccessEntrySchema>;

export const RequestViewSchema = v.object({
  id: v.string(),
  kind: v.picklist(REQUEST_KINDS),
  kindLabel: v.string(),
  state: v.picklist(REQUEST_STATES),
  stateLabel: v.string(),
  nikMasked: v.string(),
  name: v.string(),
  contact: v.optional(v.string()),
  detail: v.string(),
  receivedOn: v.string(),
  dueOn: v.string(),
  /** Open past its due day. */
  overdue: v.boolean(),
  /** Answered or declined after its due day, in the kabupaten's calendar. */
  answeredLate: v.boolean(),
  answer: v.optional(v.string()),
  answeredAt: v.optional(v.string()),
  answeredBy: v.optional(v.string()),
  /** The officer's name as it was when answering (older answers carry the username only). */
  answeredByName: v.optional(v.string()),
  createdAt: v.string(),
  createdBy: v.string(),
  version: v.number(),
  actions: v.array(v.string()),
});
export type RequestView = v.InferOutput<typeof RequestViewSchema>;

export const AccessReportSchema = v.object({
  nikMasked: v.string(),
  /** When the report was made (ISO), and the kabupaten's time zone name for printing. */
  madeAt: v.string(),
  entries: v.array(AccessEntrySchema),
  requests: v.array(RequestViewSchema),
  /** The NIKs this one was corrected from (masked), whose accesses to the same records are listed too. */
  formerNiks: v.array(v.object({ nikMasked: v.string(), correctedAt: v.string() })),
});
export type AccessReport = v.InferOutput<typeof AccessReportSchema>;

export const CreateRequestSchema = v.strictObject(
  {
    /** Made on the device so a resend is the same request. */
    id: uuid("ID permintaan"),
    kind: choice(
      REQUEST_KINDS,
      "Jenis permintaan",
      "Jenis permintaan harus akses, koreksi, penghapusan, atau keberatan.",
    ),
    nik: NikSchema,
    name: fullName("Nama warga"),
    contact: v.optional(text("Kontak", 0, 120)),
    detail: note("Isi permintaan", 5, 2000),
    receivedOn: isoDate("Tanggal diterima"),
  },
  "Data harus berupa objek JSON.",
);

export const ListRequestsSchema = v.object({
  status: v.optional(v.picklist(["terbuka", "semua"], "Status harus terbuka atau semua.")),
  cursor: v.optional(CursorSchema),
});

export const RequestPageSchema = pageOf(RequestViewSchema);
export type RequestPage = v.InferOutput<typeof RequestPageSchema>;
