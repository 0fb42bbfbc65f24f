import * as v from "valibot";

/** Referral states of DESIGN §3. */
export const REFERRAL_STATES = [
  "diajukan",
  "dikembalikan",
  "diteruskan",
  "disetujui",
  "ditolak",
  "diterima-opd",
  "ditolak-opd",
  "selesai",
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_STATE_LABELS: Record<ReferralState, string> = {
  diajukan: "Diajukan ke supervisor",
  dikembalikan: "Dikembalikan ke desa",
  diteruskan: "Diteruskan ke manajer",
  disetujui: "Disetujui, menunggu OPD",
  ditolak: "Ditolak manajer",
  "diterima-opd": "Diterima OPD",
  "ditolak-opd": "Ditolak OPD",
  selesai: "Selesai",
};

export const URGENCIES = { biasa: "Biasa", segera: "Segera", darurat: "Darurat" } as const;

const text = (label: string, min: number, max: number) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.trim(),
    v.minLength(min, min <= 1 ? `${label} wajib diisi.` : `${label} minimal ${min} karakter.`),
    v.maxLength(max, `${label} maksimal ${max} karakter.`),
  );
const code = (label: string) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.regex(/^[a-z0-9-]{2,48}$/, `${label} tidak dikenal.`),
  );
const version = v.pipe(
  v.number("Versi harus berupa angka."),
  v.title("Versi"),
  v.integer("Versi harus bilangan bulat."),
  v.minValue(1, "Versi minimal 1."),
);

export const CreateReferralSchema = v.strictObject(
  {
    id: v.pipe(
      v.string("ID rujukan harus berupa teks."),
      v.title("ID rujukan"),
      v.uuid("ID rujukan harus UUID."),
    ),
    complaintId: v.pipe(
      v.string("ID pengaduan harus berupa teks."),
      v.title("ID pengaduan"),
      v.uuid("ID pengaduan harus UUID."),
    ),
    reason: text("Alasan rujukan", 5, 1000),
    urgency: v.pipe(
      v.picklist(Object.keys(URGENCIES) as [keyof typeof URGENCIES], "Tingkat kepentingan tidak dikenal."),
      v.title("Tingkat kepentingan"),
    ),
    needs: text("Kebutuhan warga", 5, 1000),
    notes: v.optional(text("Catatan", 0, 2000)),
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

/** Each transition names the version it was decided on, so a decision on stale data is refused (409). */
export const TRANSITION_SCHEMAS = {
  forward: v.strictObject(
    { version, recommendation: v.optional(text("Rekomendasi", 0, 1000)) },
    "Data harus berupa objek JSON.",
  ),
  "return-to-desa": v.strictObject(
    { version, note: text("Catatan pengembalian", 5, 1000) },
    "Data harus berupa objek JSON.",
  ),
  resubmit: v.strictObject(
    {
      version,
      note: text("Catatan perbaikan", 5, 1000),
      reason: v.optional(text("Alasan rujukan", 5, 1000)),
      needs: v.optional(text("Kebutuhan warga", 5, 1000)),
    },
    "Data harus berupa objek JSON.",
  ),
  approve: v.strictObject(
    {
      version,
      opd: code("OPD tujuan"),
      program: code("Program"),
      dueDate: v.optional(
        v.pipe(v.string(), v.title("Batas waktu"), v.isoDate("Batas waktu harus berformat TTTT-BB-HH.")),
      ),
    },
    "Data harus berupa objek JSON.",
  ),
  reject: v.strictObject(
    { version, reason: text("Alasan penolakan", 5, 1000) },
    "Data harus berupa objek JSON.",
  ),
  "return-to-supervisor": v.strictObject(
    { version, note: text("Catatan pengembalian", 5, 1000) },
    "Data harus berupa objek JSON.",
  ),
  accept: v.strictObject({ version }, "Data harus berupa objek JSON."),
  decline: v.strictObject(
    { version, reason: text("Alasan penolakan", 5, 1000) },
    "Data harus berupa objek JSON.",
  ),
  complete: v.strictObject(
    {
      version,
      service: text("Layanan yang diberikan", 5, 1000),
      servedOn: v.pipe(
        v.string("Tanggal layanan harus berupa teks."),
        v.title("Tanggal layanan"),
        v.isoDate("Tanggal layanan harus berformat TTTT-BB-HH."),
      ),
      reference: text("Nomor referensi", 1, 60),
    },
    "Data harus berupa objek JSON.",
  ),
} as const;
export type TransitionAction = keyof typeof TRANSITION_SCHEMAS;
export const TRANSITION_ACTIONS = Object.keys(TRANSITION_SCHEMAS) as TransitionAction[];

export interface ReferralView {
  id: string;
  complaintId: string;
  desaCode: string;
  kecamatanCode: string;
  state: ReferralState;
  urgency: keyof typeof URGENCIES;
  reason: string;
  needs: string;
  notes?: string;
  suggestedOpds: string[];
  programs: string[];
  recommendation?: string;
  opd?: string;
  program?: string;
  letterNumber?: string;
  approvedBy?: string;
  approvedByName?: string;
  approvedAt?: string;
  outcome?: { service: string; servedOn: string; reference: string };
  lastNote?: string;
  reporter: { name: string; nikMasked: string; rt: string; rw: string };
  dueAt: string;
  overdue: boolean;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}
