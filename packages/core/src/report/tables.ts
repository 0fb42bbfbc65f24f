import type { Sheet } from "../sheet/index.ts";
import { formatMonth } from "../time/index.ts";
import { PROPOSAL_ROWS, ROW_COLUMNS, TICKETS_COLUMN, type Dashboard, type Figures } from "./schema.ts";

const percent = (share: number | null) => (share === null ? "" : Math.round(share * 1000) / 10);
const orBlank = (n: number | null) => (n === null ? "" : n);

/**
 * The figures as the tables the screen shows, one sheet each, in the screen's words and order; `villages`
 * is what the area's villages are called ("desa", "kelurahan" or "desa/kelurahan").
 */
export function figureSheets(f: Figures, villages: string): Sheet[] {
  return [
    {
      name: "Ringkasan",
      header: ["Uraian", "Jumlah"],
      rows: [
        ["Warga dilayani (nomor antrian)", f.tickets],
        ["Pengaduan tercatat", f.complaints],
        ["Pelapor belum di DPM", f.notInDpm],
        [`Pelapor tidak dicocokkan (DPM ${villages} belum diimpor)`, f.notMatched ?? ""],
        [`Diselesaikan di ${villages}`, f.resolvedInDesa],
        ["Dirujuk", f.referred],
        ["Selesai", f.resolved],
        ["Masih terbuka", f.open],
        ["Median hari sampai selesai", orBlank(f.medianDaysToResolution)],
        // A version sent before a line existed does not hold it: left blank, not zero.
        ...PROPOSAL_ROWS.map(([label, key]) => [label, orBlank(f.proposals[key] ?? null)]),
      ],
    },
    { name: "Kategori", header: ["Kategori", "Jumlah"], rows: f.byCategory.map((c) => [c.name, c.count]) },
    {
      name: "Jenis PPKS",
      header: ["Jenis PPKS", "Rumpun", "Jumlah"],
      rows: f.byPpks.map((p) => [
        p.name,
        f.byRumpun.find((r) => r.code === p.rumpun)?.name ?? p.rumpun,
        p.count,
      ]),
    },
    { name: "Rumpun", header: ["Rumpun", "Jumlah"], rows: f.byRumpun.map((r) => [r.name, r.count]) },
    { name: "Status", header: ["Status", "Jumlah"], rows: f.byState.map((s) => [s.label, s.count]) },
    {
      name: "Rujukan per OPD",
      header: ["OPD", "Disetujui", "Menunggu OPD", "Diterima", "Ditolak OPD", "Dilayani", "Dibatalkan"],
      rows: f.referralsByOpd.map((o) => [
        o.name,
        o.approved,
        o.waiting,
        o.accepted,
        o.declined,
        o.served,
        o.withdrawn,
      ]),
    },
    {
      name: "Bidang layanan",
      header: ["Bidang", `Ditangani ${villages}`, "Rujukan disetujui"],
      rows: f.serviceFields.map((s) => [s.name, s.handled, s.referred]),
    },
    {
      name: "Tingkat layanan",
      header: ["Tahap", "Selesai", "Tepat waktu", "Tepat waktu (%)", "Median hari"],
      rows: f.serviceLevels.map((s) => [
        s.label,
        s.finished,
        s.onTime,
        percent(s.onTimeShare),
        orBlank(s.medianDays),
      ]),
    },
  ];
}

/** The dashboard: a row per area (or month), the year's trend, what is overdue now, then the totals' tables. */
export function dashboardSheets(d: Dashboard, madeAt: string): Sheet[] {
  const villages = d.area.villages;
  // A desa's rows are its months: named once, as the month, not as a code and an area.
  const byMonth = d.area.level === "desa";
  return [
    {
      name: "Dasbor",
      header: ["Uraian", "Isi"],
      rows: [
        // A kecamatan is often named like one of its desa: said with its level.
        ["Dasbor Puskesos", d.area.level === "kecamatan" ? `Kecamatan ${d.area.name}` : d.area.name],
        ["Kode wilayah", d.area.code],
        ["Periode", d.period.length === 4 ? `Tahun ${d.period}` : formatMonth(d.period)],
        ["Angka per", madeAt],
      ],
      textColumns: ["Isi"],
    },
    {
      name: byMonth ? "Per bulan" : "Per wilayah",
      header: [
        ...(byMonth ? ["Bulan"] : ["Kode", "Wilayah"]),
        TICKETS_COLUMN,
        "Pengaduan",
        "Belum di DPM",
        `Diselesaikan di ${villages}`,
        "Dirujuk",
        "Selesai",
        "Masih terbuka",
        "Median hari",
        "Usulan",
        "Usulan layak",
        "Laporan dikirim",
      ],
      textColumns: byMonth ? ["Bulan"] : ["Kode"],
      rows: d.rows.map((r) => [
        ...(byMonth ? [formatMonth(r.code)] : [r.code, r.name]),
        r.figures.tickets,
        r.figures.complaints,
        r.figures.notInDpm,
        r.figures.resolvedInDesa,
        r.figures.referred,
        r.figures.resolved,
        r.figures.open,
        orBlank(r.figures.medianDaysToResolution),
        r.figures.proposals.made,
        r.figures.proposals.layak,
        r.submitted
          ? `versi ${r.submitted.version}`
          : r.reports
            ? `${r.reports.sent} dari ${r.reports.of}`
            : "",
      ]),
    },
    {
      name: "Tren bulanan",
      header: ["Bulan", ...ROW_COLUMNS],
      rows: d.trend.map((t) => [t.month, t.tickets, t.complaints, t.resolved, t.referred, t.open]),
    },
    {
      name: "Lewat batas waktu",
      header: ["Tahap atau OPD", "Jumlah"],
      rows: [
        ...d.overdueNow.byStep.map((s) => [s.label, s.count]),
        ...d.overdueNow.byOpd.map((o) => [o.name, o.count]),
      ],
    },
    ...figureSheets(d.totals, villages),
  ];
}
