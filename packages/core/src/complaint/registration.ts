import * as v from "valibot";
import { CATEGORY_CODES, PPKS_CODES } from "../catalog/reference.ts";
import { KkSchema, NikSchema, PhoneSchema } from "../resident/schema.ts";
import { choice, fullName, note, pattern, RegionCodeSchema, text, uuid } from "../validation/fields.ts";

// Apart from schema.ts so the intake form checks a registration without the workflows and views it
// does not show (schema.ts re-exports all of it).

/** Legal basis for processing the resident's data (UU 27/2022 Pasal 20). */
export const LEGAL_BASES = ["persetujuan", "kewajiban-hukum", "kepentingan-umum"] as const;
export const LEGAL_BASIS_LABELS: Record<(typeof LEGAL_BASES)[number], string> = {
  persetujuan: "Persetujuan warga (subjek data)",
  "kewajiban-hukum": "Pemenuhan kewajiban hukum",
  "kepentingan-umum": "Pelaksanaan tugas kepentingan umum / kewenangan",
};

export const rtRw = (label: string) =>
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
      /**
       * A number the front office gave without a connection (`S-01`, per device and day): not a queue
       * number, but the resident was served, so the complaint counts them as one. Beside a queue
       * number it is not kept: the office's number already counted them.
       */
      provisionalTicket: v.optional(
        pattern("Nomor antrian sementara", /^S-\d{2,3}$/, "Nomor antrian sementara berbentuk S-01."),
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
