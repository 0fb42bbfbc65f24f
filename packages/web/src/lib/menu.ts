import type { Permission } from "@puskesos/core/actor/permissions";
import { can } from "./session.ts";

/** A menu entry, shown to roles holding any of its permissions (none: every signed-in user). */
export interface MenuEntry {
  href: string;
  label: string;
  anyOf?: Permission[];
}

/**
 * The main menu, in the order of a working day; who sees what comes from core's permission table. It
 * fits one line of a laptop for the role with most pages (the manajer), so two pages the home page's
 * "Tugas Anda" lists are reached from there only: Wilayah (also from the home page's area) and Kunci
 * serah terima (also from Kasus).
 */
export const MENU: MenuEntry[] = [
  { href: "/", label: "Beranda" },
  { href: "/antrian", label: "Antrian", anyOf: ["queue.use"] },
  { href: "/pengaduan", label: "Pengaduan", anyOf: ["complaint.read"] },
  {
    href: "/perlu-tindakan",
    label: "Perlu tindakan",
    anyOf: ["referral.inbox", "complaint.inbox", "case.read"],
  },
  { href: "/usulan", label: "Usulan", anyOf: ["proposal.list"] },
  // A back office may open a case (a person brought to the desa office) without reading cases.
  { href: "/kasus", label: "Kasus", anyOf: ["case.read", "case.open"] },
  { href: "/fasilitas", label: "Fasilitas", anyOf: ["facility.read", "facility.manage"] },
  { href: "/kunjungan", label: "Kunjungan", anyOf: ["proposal.visit"] },
  { href: "/musdes", label: "Musdes", anyOf: ["musdes.read"] },
  { href: "/ekspor-usulan", label: "Ekspor", anyOf: ["proposal.export"] },
  { href: "/laporan", label: "Laporan", anyOf: ["report.read"] },
  { href: "/dasbor", label: "Dasbor", anyOf: ["dashboard.read"] },
  { href: "/pengaturan", label: "Pengaturan", anyOf: ["settings.update"] },
  { href: "/katalog", label: "Katalog", anyOf: ["catalog.update", "indicator.manage"] },
  { href: "/psks", label: "PSKS", anyOf: ["psks.read"] },
  { href: "/pengguna", label: "Pengguna", anyOf: ["user.manage"] },
  { href: "/dpm", label: "DPM", anyOf: ["dpm.import"] },
  { href: "/audit", label: "Log audit", anyOf: ["audit.read"] },
  { href: "/pelindungan-data", label: "Akses data", anyOf: ["privacy.report"] },
  { href: "/permintaan-warga", label: "Permintaan warga", anyOf: ["privacy.request"] },
];

export const allowed = (anyOf: Permission[] | undefined) => !anyOf || anyOf.some(can);
