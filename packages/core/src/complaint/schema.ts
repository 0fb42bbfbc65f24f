import * as v from "valibot";
import { CATEGORY_CODES, PPKS_CODES, SERVICE_FIELD_CODES } from "../catalog/schema.ts";
import { KkSchema, NikSchema, PhoneSchema } from "../resident/schema.ts";
import { RegionCodeSchema } from "../user/schema.ts";
import { choice, CursorSchema, fullName, isoDate, note, pageOf, text, uuid } from "../validation/fields.ts";
import { PROPOSAL_STATES } from "../proposal/workflow.ts";
import { COMPLAINT_ACTIONS, COMPLAINT_STATES } from "./workflow.ts";

export * from "./workflow.ts";

/** Legal basis for processing the resident's data (UU 27/2022 Pasal 20). */
export const LEGAL_BASES = ["persetujuan", "kewajiban-hukum", "kepentingan-umum"] as const;
export const LEGAL_BASIS_LABELS: Record<(typeof LEGAL_BASES)[number], string> = {
  persetujuan: "Persetujuan warga (subjek data)",
  "kewajiban-hukum": "Pemenuhan kewajiban hukum",
  "kepentingan-umum": "Pelaksanaan tugas kepentingan umum / kewenangan",
};

const rtRw = (label: string) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.trim(),
    v.regex(/^\d{1,3}$/, `${label} harus 1–3 angka, mis. 003.`),
    v.transform((s) => s.padStart(3, "0")),
  );

export const ReporterSchema = v.pipe(
  v.strictObject(
    {
      nik: NikSchema,
      kk: v.optional(KkSchema),
      name: fullName("Nama pelapor"),
      rt: rtRw("RT"),
      rw: rtRw("RW"),
      dusun: v.optional(text("Dusun", 0, 60)),
      phone: v.optional(PhoneSchema),
    },
    "Data pelapor harus berupa objek.",
  ),
  v.title("Data pelapor"),
);

export const RegisterComplaintSchema = v.pipe(
  v.strictObject(
    {
      /** Made on the device so a resend of the same registration is recognised (offline outbox). */
      id: uuid("ID pengaduan"),
      queueNumber: v.optional(
        v.pipe(
          v.number("Nomor antrian harus berupa angka."),
          v.title("Nomor antrian"),
          v.integer("Nomor antrian harus bilangan bulat."),
          v.minValue(1, "Nomor antrian minimal 1."),
          v.maxValue(9999, "Nomor antrian maksimal 9999."),
        ),
      ),
      /** Only the kabupaten's SLRT front office names the desa; a desa office registers in its own. */
      desaCode: v.optional(RegionCodeSchema),
      reporter: ReporterSchema,
      category: choice(CATEGORY_CODES, "Kategori", "Kategori pengaduan tidak dikenal."),
      description: note("Uraian pengaduan", 5, 2000),
      ppks: v.pipe(
        v.array(v.picklist(PPKS_CODES, "Jenis PPKS tidak dikenal."), "Jenis PPKS harus berupa daftar."),
        v.title("Jenis PPKS"),
        v.maxLength(26, "Jenis PPKS terlalu banyak."),
        v.check((list) => new Set(list).size === list.length, "Jenis PPKS tidak boleh ganda."),
      ),
      legalBasis: choice(LEGAL_BASES, "Dasar pemrosesan data"),
      consent: v.pipe(v.boolean("Persetujuan harus bernilai ya/tidak."), v.title("Persetujuan")),
      /** The officer checked a NIK/KK whose region code is unknown against the card and confirms it. */
      idConfirmed: v.optional(v.boolean("Konfirmasi NIK harus bernilai ya/tidak.")),
    },
    "Data pengaduan harus berupa objek JSON.",
  ),
  v.forward(
    v.check(
      (input) => input.legalBasis !== "persetujuan" || input.consent,
      "Persetujuan warga wajib dicatat bila dasar pemrosesan adalah persetujuan.",
    ),
    ["consent"],
  ),
);
export type RegisterComplaintInput = v.InferInput<typeof RegisterComplaintSchema>;

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
  cancelled: v.optional(v.object({ reason: v.string(), at: v.string(), by: v.string() })),
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
