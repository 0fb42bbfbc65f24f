import { assertCan } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import * as Catalog from "../catalog/index.ts";
import * as Complaint from "../complaint/index.ts";
import { useConfig } from "../config/index.ts";
import { getItem, update, type Write } from "../db/index.ts";
import { ConflictError, NotFoundError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { desaKindOf, desaLabel } from "../region/schema.ts";
import * as Settings from "../settings/index.ts";
import { local, ROMAN_MONTHS } from "../time/index.ts";
import { loadInReach } from "./record.ts";
import type { ReferralLetter } from "./schema.ts";

/**
 * Letter numbers run per kabupaten per year without gaps, `0001/SLRT-33.28/XII/2026`, the month and
 * year being the kabupaten's own at the moment of approval: read the counter, then advance it
 * conditionally in the approval's transaction (a race loses with 409 and takes the next number).
 */
export async function nextLetterNumber(at: Date): Promise<{ number: string; write: Write }> {
  const kabupaten = useConfig().kabupatenCode;
  const { year, monthNumber } = local(at);
  const counterKey = { pk: `LETTER#${kabupaten}#${year}`, sk: "COUNTER" };
  const last = Number((await getItem<{ last?: number }>(counterKey))?.last ?? 0);
  return {
    number: `${String(last + 1).padStart(4, "0")}/SLRT-${kabupaten}/${ROMAN_MONTHS[monthNumber - 1]}/${year}`,
    write: update("letter-counter", {
      key: counterKey,
      set: { last: last + 1 },
      expect: { last: last || undefined },
    }),
  };
}

/**
 * The surat rujukan: what the OPD needs to serve the resident (full NIK, address, needs) and no more.
 * Printing it reads the resident's record, so it is in the audit log.
 */
export async function letter(id: string): Promise<ReferralLetter> {
  const caller = assertCan("referral.letter");
  const record = await loadInReach(id, caller);
  if (!record.letterNumber || !record.opd || !record.approvedAt)
    throw ConflictError("Surat rujukan baru ada setelah rujukan disetujui manajer.");
  const complaint = await Complaint.load(record.complaintId);
  if (!complaint) throw NotFoundError("Pengaduan");
  const [settings, desa, catalog, kabupaten] = await Promise.all([
    Settings.load(),
    Region.find(record.desaCode),
    Catalog.load(),
    Region.current(),
  ]);
  await Audit.record({
    action: "referral.letter",
    target: { type: "resident", id: complaint.reporter.nikh },
    summary: `Surat rujukan ${record.letterNumber} dibuka`,
  });
  return {
    letterhead: settings.letterhead,
    number: record.letterNumber,
    date: record.approvedAt,
    place: kabupaten.name.replace(/^(Kabupaten|Kota)\s+/i, ""),
    opd: catalog.opds.find((o) => o.code === record.opd)?.name ?? record.opd,
    program: catalog.programs.find((p) => p.code === record.program)?.name ?? record.program ?? "",
    approvedByName: record.approvedByName ?? "",
    dueAt: record.dueAt,
    resident: {
      name: complaint.reporter.name,
      nik: complaint.reporter.nik,
      rt: complaint.reporter.rt,
      rw: complaint.reporter.rw,
      desa: desa && desa.level === "desa" ? desaLabel(desa) : record.desaCode,
      kecamatan: desa && desa.level === "desa" ? desa.kecamatanName : record.kecamatanCode,
    },
    reason: record.reason,
    needs: record.needs,
    urgency: record.urgency,
    desaKind: desaKindOf(record.desaCode),
  };
}
