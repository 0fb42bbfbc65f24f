import { CASE_WORKFLOW } from "../casework/workflow.ts";
import { COMPLAINT_WORKFLOW } from "../complaint/workflow.ts";
import { PROPOSAL_WORKFLOW } from "../proposal/workflow.ts";
import { REFERRAL_WORKFLOW } from "../referral/workflow.ts";
import { eventOf } from "../workflow/index.ts";
import type { AuditEntry } from "../audit/schema.ts";
import type { AccessKind } from "./schema.ts";
import { REQUEST_WORKFLOW } from "./workflow.ts";

/**
 * What an audit entry about a resident means, as the resident reads it in the access report: a kind
 * to group by and a sentence. Steps of a workflow take their `done` label from its declaration; the
 * reads and files below are named here. No summary is shown: some hold what an officer wrote.
 */
const NAMED: Record<string, [AccessKind, string]> = {
  "complaint.register": ["pendaftaran", "Mendaftarkan pengaduan"],
  "complaint.read": ["membuka", "Membuka pengaduan"],
  "complaint.timeline": ["riwayat", "Membuka riwayat pengaduan"],
  "complaint.reveal-nik": ["nik", "Menampilkan NIK lengkap"],
  "complaint.search-nik": ["pencarian", "Mencari pengaduan dengan NIK"],
  "complaint.export": ["ekspor", "Mengunduh daftar pengaduan sebagai berkas"],
  "complaint.correct": ["perubahan", "Mengoreksi data pelapor"],
  "dpm.lookup-nik": ["pencarian", "Memeriksa DPM dengan NIK"],
  "referral.create": ["perubahan", "Membuat rujukan ke kabupaten"],
  "referral.read": ["membuka", "Membuka rujukan"],
  "referral.timeline": ["riwayat", "Membuka riwayat rujukan"],
  "referral.letter": ["surat", "Membuka surat rujukan (NIK lengkap)"],
  "proposal.create": ["usulan", "Mengusulkan rumah tangga masuk DPM"],
  "proposal.read": ["usulan", "Membuka usulan rumah tangga"],
  "proposal.visits": ["usulan", "Membawa daftar kunjungan verval ke perangkat (nama, NIK tersamar)"],
  "musdes.annex": ["usulan", "Membuka lampiran musdes (nama kepala keluarga, RT/RW, keputusan)"],
  // The workflow's "Diekspor …" reads as the household's state; the resident reads what was done.
  "proposal.export": ["ekspor", "Memasukkan rumah tangga ke batch ekspor usulan untuk DTSEN/SIKS-NG"],
  "proposal.export-download": ["ekspor", "Mengunduh berkas usulan (NIK lengkap) untuk DTSEN/SIKS-NG"],
  // "Membuka" alone is how reads are worded here ("Membuka berkas kasus"): a new case says so.
  "case.open": ["kasus", "Membuka kasus baru"],
  "case.read": ["kasus", "Membuka berkas kasus"],
  "case.handover-file": ["kasus", "Membuka berkas serah terima kasus"],
  "case.import": ["kasus", "Menerima kasus dari kabupaten/kota lain"],
  "privacy.report": ["laporan", "Membuat laporan akses data untuk warga"],
  "privacy.request": ["perubahan", "Mencatat permintaan warga atas datanya"],
};

const STEPS = new Map<string, [AccessKind, string]>(
  [COMPLAINT_WORKFLOW, REFERRAL_WORKFLOW, PROPOSAL_WORKFLOW, CASE_WORKFLOW, REQUEST_WORKFLOW].flatMap((w) =>
    Object.entries(w.actions).map(([name, spec]): [string, [AccessKind, string]] => {
      const entity = w.entity === "privacy-request" ? "privacy" : w.entity;
      const kind: AccessKind = entity === "case" ? "kasus" : entity === "proposal" ? "usulan" : "perubahan";
      return [eventOf(entity, name, spec), [kind, spec.done]];
    }),
  ),
);

export function describeAction(action: string): { kind: AccessKind; what: string } {
  const [kind, what] = NAMED[action] ?? STEPS.get(action) ?? ["perubahan", action];
  return { kind, what };
}

const RECORD_LABELS: Record<string, string> = {
  complaint: "Pengaduan",
  referral: "Rujukan",
  proposal: "Usulan rumah tangga",
  "proposal-export": "Ekspor usulan",
  "privacy-request": "Permintaan warga",
  region: "Daftar pengaduan",
  dpm: "DPM",
  case: "Kasus",
  musdes: "Musdes",
};

/** A case's id in the summary of an entry kept against the resident ("Kasus <id>: …"). */
const CASE_ID = /kasus ([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The record an entry was about, named without its contents: by the code the resident holds where there
 * is one, its first half only ("Pengaduan kode HXEJ-****", from `codes` by record id), otherwise by its
 * id ("Rujukan 3f2a9c01"). The whole code with the NIK's last digits opens the public status page,
 * which names the complaint's category: neither the officer nor a lost letter should hold both.
 */
export function describeRecord(
  e: Pick<AuditEntry, "targetType" | "targetId" | "action" | "summary">,
  codes: ReadonlyMap<string, string> = new Map(),
) {
  const label = RECORD_LABELS[e.targetType];
  const code = codes.get(e.targetId);
  // A non-breaking hyphen: a narrow letter column would otherwise break the code at it.
  if (label)
    return code ? `${label} kode ${code.split("-")[0]}\u2011****` : `${label} ${e.targetId.slice(0, 8)}`;
  // Entries kept against the resident: named by what they came from. A case's entries name their
  // case only in the summary; its id is taken from there (nothing else of the summary is shown).
  const from = e.action.split(".")[0] ?? "";
  const caseId = from === "case" ? CASE_ID.exec(e.summary)?.[1] : undefined;
  if (caseId) return `Kasus ${caseId}`;
  return RECORD_LABELS[from] ?? "Data warga";
}
