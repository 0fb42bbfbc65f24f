import { randomInt } from "node:crypto";
import { assertCan, covers, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { categoryName } from "../catalog/schema.ts";
import { failedWrite, putNew, transact } from "../db/index.ts";
import * as Dpm from "../dpm/index.ts";
import { nameKey } from "../dpm/name.ts";
import { ConflictError, isAppError, ValidationError } from "../error/index.ts";
import * as Queue from "../queue/index.ts";
import * as Region from "../region/index.ts";
import { maskNik, nikHash, requireKk, requireNik } from "../resident/index.ts";
import { nowIso, today } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { countsOfComplaint, tally } from "../report/tally.ts";
import { entryWrites } from "./entries.ts";
import { key, load, toView, type ComplaintRecord } from "./record.ts";
import { dpmStanding, RegisterComplaintSchema, type ComplaintView, type DpmStanding } from "./schema.ts";
import type { ComplaintState } from "./workflow.ts";

const trackKey = (code: string) => ({ pk: `TRACK#${code}`, sk: "TRACK" });

/** The registration's audit entry says what the DPM match found, or that there was none to make. */
const DPM_FINDING: Record<DpmStanding, string> = {
  ada: "ada di DPM",
  tidak: "tidak ada di DPM",
  belum: "tidak dicocokkan: DPM belum diimpor",
};

/** 8 characters without look-alikes, read aloud or typed from a paper receipt: `K7MP-2QXD`. */
export function trackingCode(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const chars = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** The desa a registration belongs to: the officer's own, or the one the SLRT front office names. */
async function desaOf(caller: UserActor, named: string | undefined) {
  const code = caller.scope.level === "desa" ? caller.scope.code : named;
  const field = "desaCode";
  if (!code)
    throw ValidationError("Desa pelapor wajib dipilih.", [{ field, message: "Desa pelapor wajib dipilih." }]);
  if (named && named !== code)
    throw ValidationError("Desa pelapor harus desa Anda.", [
      { field, message: "Desa pelapor harus desa Anda." },
    ]);
  const desa = await Region.find(code);
  if (!desa || desa.level !== "desa" || !covers(caller.scope, code))
    throw ValidationError("Desa pelapor tidak ada di wilayah Anda.", [
      { field, message: `Desa ${code} tidak ada di wilayah Anda.` },
    ]);
  return desa;
}

function replay(caller: UserActor, existing: ComplaintRecord) {
  // An id of another desa is refused without telling whose it is.
  if (!covers(caller.scope, existing.desaCode)) throw ConflictError("ID pengaduan ini sudah dipakai.");
  return { complaint: toView(existing, caller), created: false };
}

/**
 * Front office: registers a resident's complaint with the DPM check. Sending the same registration
 * again (same device-made `id`) answers the record made the first time, so an outbox may resend freely.
 */
export async function register(input: unknown): Promise<{ complaint: ComplaintView; created: boolean }> {
  const caller = assertCan("complaint.register");
  const data = parse(RegisterComplaintSchema, input);
  const existing = await load(data.id);
  if (existing) return replay(caller, existing);

  const desa = await desaOf(caller, data.desaCode);
  const confirmed = data.idConfirmed ?? false;
  const nik = await requireNik(data.reporter.nik, "reporter.nik", confirmed);
  if (data.reporter.kk) await requireKk(data.reporter.kk, "reporter.kk", confirmed);
  const nikh = nikHash(nik.value);
  const dpm = await Dpm.lookupByHash(desa.code, nikh);
  const inDpm = dpm.hit;
  // Every complaint goes on to the back office at once; one not in the DPM is marked so (dpm.found)
  // and its household may be proposed beside it, never holding it up.
  const state: ComplaintState = "diteruskan";
  const now = nowIso();
  const queueDay = today();
  const { nik: _typed, kk, ...reporter } = data.reporter;
  // The ticket being served for this visitor is finished in the same write as the complaint.
  let ticket = data.queueNumber ? await Queue.registeredFrom(data.queueNumber, data.id) : [];

  for (let attempt = 0; ; attempt++) {
    const code = trackingCode();
    const record: ComplaintRecord = {
      id: data.id,
      desaCode: desa.code,
      kecamatanCode: desa.kecamatanCode,
      state,
      trackingCode: code,
      queueDay,
      ...(data.queueNumber ? { queueNumber: data.queueNumber } : {}),
      ...(data.provisionalTicket && !data.queueNumber ? { provisionalTicket: data.provisionalTicket } : {}),
      reporter: {
        ...reporter,
        nik: nik.value,
        nikh,
        nikMasked: maskNik(nik.value),
        nikLast4: nik.value.slice(12),
        ...(kk ? { kk } : {}),
        nameKey: nameKey(reporter.name),
      },
      category: data.category,
      description: data.description,
      ppks: data.ppks,
      legalBasis: data.legalBasis,
      consent: data.consent,
      dpm: {
        // Not checked where the desa's DPM was never imported: "not found" would then say nothing.
        checked: dpm.imported,
        found: Boolean(inDpm),
        ...(inDpm?.entry.decile ? { decile: inDpm.entry.decile } : {}),
        ...(inDpm ? { name: inDpm.entry.name } : {}),
      },
      createdAt: now,
      createdBy: caller.username,
      updatedAt: now,
      version: 1,
    };
    try {
      await transact([
        putNew(
          "complaint",
          {
            ...key(record.id),
            type: "complaint",
            gsi1pk: `DESA#${desa.code}#COMPLAINT`,
            gsi1sk: `${queueDay}#${now}#${record.id}`,
            gsi2pk: `DESA#${desa.code}#STATE#${state}`,
            gsi2sk: `${now}#${record.id}`,
            gsi3pk: `NIK#${nikh}`,
            gsi3sk: `COMPLAINT#${now}`,
            ...record,
          },
          "Pengaduan ini sudah tercatat.",
        ),
        putNew("tracking-code", {
          ...trackKey(code),
          type: "track",
          complaintId: record.id,
          nikLast4: record.reporter.nikLast4,
        }),
        Audit.entry({
          action: "complaint.register",
          target: { type: "complaint", id: record.id },
          summary: `Mendaftarkan pengaduan ${categoryName(record.category) ?? record.category} dari ${maskNik(nik.value)} di ${desa.name} (${DPM_FINDING[dpmStanding(record.dpm)]})`,
          person: nikh,
        }),
        ...ticket,
        ...entryWrites(record),
        ...tally(undefined, countsOfComplaint(record)),
      ]);
      return { complaint: toView(record, caller), created: true };
    } catch (error) {
      const failed = failedWrite(error);
      if (failed === "tracking-code" && attempt < 3) continue; // code taken: draw another
      // The ticket moved meanwhile (finished by hand, sent back): register without moving it.
      if (failed === "ticket") {
        ticket = [];
        continue;
      }
      if (isAppError(error) && error.code === "conflict") {
        // The same registration arrived twice at once: the other copy won; answer with it.
        const winner = await load(data.id);
        if (winner) return replay(caller, winner);
      }
      throw error;
    }
  }
}
