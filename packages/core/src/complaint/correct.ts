import { useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { transact, update, type Write } from "../db/index.ts";
import * as Dpm from "../dpm/index.ts";
import { countsOfComplaint, tally } from "../report/tally.ts";
import { correctionWrites, linkedRecords } from "./correct-follow.ts";
import { dpmEntryMove } from "./entries.ts";
import { nameKey } from "../dpm/name.ts";
import { ConflictError, NotFoundError, refuse } from "../error/index.ts";
import { maskNik, nikHash, requireKk, requireNik } from "../resident/index.ts";
import * as Timeline from "../timeline/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize } from "../workflow/index.ts";
import { key, load, toView, type ComplaintRecord } from "./record.ts";
import type { ComplaintView } from "./schema.ts";
import {
  COMPLAINT_STATE_LABELS,
  COMPLAINT_WORKFLOW,
  CORRECTABLE_FIELDS,
  CorrectReporterSchema,
} from "./workflow.ts";

/**
 * Corrects the reporter's details at the resident's request (UU PDP: the right to correction). The
 * earlier and new values go into the complaint's timeline (sealed at rest: NIK, No. KK and phone among
 * them), so the history keeps what was there before; a corrected NIK moves the complaint's NIK index and
 * the status page's last four digits with it, and the referral, proposal and cases follow
 * (./correct-follow.ts), in the same transaction.
 */
export async function correct(id: string, input: unknown): Promise<ComplaintView> {
  const caller = useUser();
  assertMayTake(COMPLAINT_WORKFLOW, "correct", caller);
  const data = parse(CorrectReporterSchema, input);
  const record = await load(id);
  if (!record) throw NotFoundError("Pengaduan");
  authorize(COMPLAINT_WORKFLOW, "correct", record, caller, {
    version: data.version,
    stale: () =>
      ConflictError(
        `Pengaduan ini sudah berubah: sekarang "${COMPLAINT_STATE_LABELS[record.state]}". Muat ulang untuk melihatnya.`,
      ),
  });
  const given = data.reporter;
  const changes = CORRECTABLE_FIELDS.flatMap((field) => {
    const after = given[field];
    const before = record.reporter[field] ?? "";
    return after !== undefined && after !== before ? [{ field, before, after }] : [];
  });
  if (!changes.length) refuse("reporter", "Tidak ada data pelapor yang berubah.");
  const confirmed = data.idConfirmed ?? false;
  if (given.nik && given.nik !== record.reporter.nik) await requireNik(given.nik, "reporter.nik", confirmed);
  if (given.kk && given.kk !== record.reporter.kk) await requireKk(given.kk, "reporter.kk", confirmed);

  const nik = given.nik ?? record.reporter.nik;
  const nikh = nikHash(nik);
  const nikChanged = nikh !== record.reporter.nikh;
  const reporter: ComplaintRecord["reporter"] = {
    ...record.reporter,
    ...Object.fromEntries(changes.map((c) => [c.field, c.after])),
    nik,
    nikh,
    nikMasked: maskNik(nik),
    nikLast4: nik.slice(12),
    nameKey: nameKey(given.name ?? record.reporter.name),
  };
  const now = nowIso();
  // A new NIK is looked up in the desa's DPM again: the finding, the list entry and the counters follow it.
  const found = nikChanged ? await Dpm.lookupByHash(record.desaCode, nikh) : undefined;
  const hit = found?.hit;
  const dpm: ComplaintRecord["dpm"] = found
    ? {
        checked: found.imported,
        found: Boolean(hit),
        ...(hit?.entry.decile ? { decile: hit.entry.decile } : {}),
        ...(hit ? { name: hit.entry.name } : {}),
      }
    : record.dpm;
  const next: ComplaintRecord = { ...record, reporter, dpm, updatedAt: now, version: record.version + 1 };
  const follow: Write[] = [
    // The status page checks the last four digits.
    ...(nikChanged
      ? [
          update("tracking-code", {
            key: { pk: `TRACK#${record.trackingCode}`, sk: "TRACK" },
            set: { nikLast4: reporter.nikLast4 },
          }),
          ...dpmEntryMove(record, dpm),
          ...tally(countsOfComplaint(record), countsOfComplaint(next)),
        ]
      : []),
    ...(await correctionWrites(record, reporter)),
  ];
  // Both residents' entries carry one moment: the earlier NIK's is not taken for an access before the link.
  const records = nikChanged ? await linkedRecords(record) : [];
  const audit = {
    at: new Date(),
    action: "complaint.correct",
    target: { type: "complaint", id },
    summary: `Data pelapor dikoreksi: ${changes.map((c) => c.field).join(", ")}`,
  };
  await transact([
    update("complaint", {
      key: key(id),
      set: {
        reporter,
        dpm,
        updatedAt: now,
        ...(nikChanged ? { gsi3pk: `NIK#${nikh}` } : {}),
      },
      add: { version: 1 },
      expect: { version: record.version },
      conflict: "Pengaduan ini baru saja diubah orang lain. Muat ulang lalu coba lagi.",
    }),
    ...follow,
    Timeline.event(id, { entity: "complaint", action: "complaint.correct", note: data.reason, changes }),
    Audit.entry({ ...audit, person: record.reporter.nikh }),
    // The new NIK's owner finds the correction in their report, and through it what was done to the
    // complaint and what grew from it under the earlier NIK.
    ...(nikChanged
      ? [
          Audit.entry({
            ...audit,
            person: nikh,
            former: {
              nikh: record.reporter.nikh,
              nikMasked: maskNik(record.reporter.nik),
              records,
            },
          }),
        ]
      : []),
  ]);
  return toView(next, caller);
}
