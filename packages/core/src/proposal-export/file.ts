import type { Indicator } from "../indicator/schema.ts";
import { ASSETS, HOUSE_CONDITIONS, INCOME_SOURCES, RELATIONSHIPS } from "../proposal/f1.ts";
import type { ProposalRecord } from "../proposal/record.ts";

/**
 * The file of an export batch as an usulan upload to DTSEN/SIKS-NG takes it: one row per household
 * member, codes turned into the labels of f1.ts, the kabupaten's own indicators one column each.
 * Built from the proposals on every download, so nothing but the proposals holds the full NIKs.
 */

import type { Cell, Sheet } from "../sheet/index.ts";

/** Names of the desa and kecamatan of a desa code. */
export type Places = ReadonlyMap<string, { desa: string; kecamatan: string }>;

/** The columns before the indicators; the README lists them. */
const HEAD = [
  "NIK",
  "No. KK",
  "Nama",
  "Hubungan keluarga (SHDK)",
  "RT",
  "RW",
  "Dusun",
  "Kode desa",
  "Desa/kelurahan",
  "Kode kecamatan",
  "Kecamatan",
  "Kondisi rumah",
  "Sumber penghasilan",
  "Aset",
] as const;
const TAIL = ["Hasil verval", "Tanggal kunjungan verval", "Tanggal musdes", "ID usulan"] as const;

/** Columns Excel must keep as text: 16 digits lose their last one as a number. */
const TEXT_COLUMNS = ["NIK", "No. KK", "Kode desa", "Kode kecamatan", "RT", "RW"];
export { toCsv, toXlsx } from "../sheet/index.ts";

const RESULTS = { layak: "Layak", "tidak-layak": "Tidak layak" } as const;

const label = <T extends object>(labels: T, code: string) => (labels as Record<string, string>)[code] ?? code;

function indicatorValue(value: boolean | number | string | undefined): Cell {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "Ya" : "Tidak";
  return value;
}

/**
 * The kabupaten's indicators recorded on at least one household of the batch, in the order the
 * kabupaten added them (retired ones included: a result keeps what it recorded); a code the list no
 * longer has comes last, under its code.
 */
function indicatorColumns(proposals: ProposalRecord[], indicators: Indicator[]) {
  const used = new Set(proposals.flatMap((p) => Object.keys(p.verification?.indicators ?? {})));
  const known = indicators.filter((i) => used.has(i.code)).map((i) => ({ code: i.code, label: i.label }));
  const unknown = [...used]
    .filter((code) => !indicators.some((i) => i.code === code))
    .sort()
    .map((code) => ({ code, label: code }));
  return [...known, ...unknown];
}

export function sheetOf(proposals: ProposalRecord[], indicators: Indicator[], places: Places): Sheet {
  const columns = indicatorColumns(proposals, indicators);
  const rows = proposals.flatMap((p) => {
    const place = places.get(p.desaCode);
    const household: Cell[] = [
      p.address?.rt ?? "",
      p.address?.rw ?? "",
      p.address?.dusun ?? "",
      p.desaCode,
      place?.desa ?? "",
      p.kecamatanCode,
      place?.kecamatan ?? "",
      label(HOUSE_CONDITIONS, p.houseCondition),
      label(INCOME_SOURCES, p.incomeSource),
      (p.assets ?? []).map((a) => label(ASSETS, a)).join("; "),
      ...columns.map((c) => indicatorValue(p.verification?.indicators[c.code])),
      p.verification ? RESULTS[p.verification.result] : "",
      p.verification?.visitDate ?? "",
      p.musdes?.date ?? "",
      p.id,
    ];
    return p.members.map((m): Cell[] => [
      m.nik,
      p.kk ?? "",
      m.name,
      label(RELATIONSHIPS, m.relationship),
      ...household,
    ]);
  });
  return {
    name: "Usulan",
    header: [...HEAD, ...columns.map((c) => c.label), ...TAIL],
    rows,
    textColumns: TEXT_COLUMNS,
  };
}
