import { assertCan, assertInScope, covers, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { failedWrite, getItem, queryAll, transact } from "../db/index.ts";
import { ConflictError, NotFoundError, FieldError, ValidationError } from "../error/index.ts";
import { maskNik, nikHash, requireNik } from "../resident/index.ts";
import { checkNik } from "../resident/nik.ts";
import * as Timeline from "../timeline/index.ts";
import type { UserRecord } from "../user/record.ts";
import { today, yearsBetween } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { entry, load, opened, personOf, readableBy, toView, type CaseRecord } from "./record.ts";
import { ppksAgeProblem } from "./ppks-age.ts";
import { claimComplaint } from "./one-per-complaint.ts";
import { warnSameClient } from "./same-client.ts";
import { isCaseWorker, OpenCaseSchema, WorkersQuerySchema, type CaseView } from "./schema.ts";

const APPROVED_REFERRAL = ["disetujui", "diterima-opd", "selesai"];

/**
 * The workers who may take a case of a region: pekerja sosial of its kecamatan and of the kabupaten,
 * active. Two Queries on the users' index, each one area's users.
 */
export async function workersFor(region: string) {
  const parts = region.split(".");
  const areas = [parts.slice(0, 2).join("."), ...(parts.length > 2 ? [parts.slice(0, 3).join(".")] : [])];
  const found = await Promise.all(
    areas.map((area) =>
      queryAll<UserRecord>({
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :pk AND begins_with(gsi1sk, :area)",
        ExpressionAttributeValues: { ":pk": "USERS", ":area": `${area}#` },
      }),
    ),
  );
  return found
    .flat()
    .filter((u) => isCaseWorker(u.role) && u.active)
    .map((u) => ({ username: u.username, name: u.name, scopeCode: u.scope.code, scopeName: u.scopeName }));
}

/** The workers the caller may hand a new case of `region` to (the open form's choice). */
export async function workers(query: unknown) {
  assertCan("case.open");
  const { region } = parse(WorkersQuerySchema, query);
  assertInScope(region, "Wilayah");
  return workersFor(region);
}

/** What the case takes from where it comes from: the client's desa, NIK and a link back. */
async function origin(
  data: ReturnType<typeof parse<typeof OpenCaseSchema>>,
  caller: UserActor,
): Promise<{ source: CaseRecord["source"]; desaCode?: string; nik?: string }> {
  const field = data.source === "pengaduan" ? "complaintId" : "referralId";
  if (data.source !== "pengaduan" && data.source !== "rujukan") {
    if (data.complaintId || data.referralId)
      throw FieldError("source", "Kasus dari penjangkauan tidak menyebut pengaduan atau rujukan.");
    return { source: { kind: data.source } };
  }
  const id = data.source === "pengaduan" ? data.complaintId : data.referralId;
  if (!id) {
    const message = data.source === "pengaduan" ? "Pengaduan wajib dipilih." : "Rujukan wajib dipilih.";
    throw FieldError(field, message);
  }
  let complaintId = id;
  if (data.source === "rujukan") {
    const ref = await getItem<{ state: string; complaintId: string; desaCode: string }>({
      pk: `REFERRAL#${id}`,
      sk: "REFERRAL",
    });
    if (!ref || !covers(caller.scope, ref.desaCode)) throw NotFoundError("Rujukan");
    if (!APPROVED_REFERRAL.includes(ref.state))
      throw ConflictError("Kasus hanya dapat dibuka dari rujukan yang sudah disetujui manajer.");
    complaintId = ref.complaintId;
  }
  const complaint = await getItem<{ desaCode: string; reporter: { nik: string; nikh: string } }>({
    pk: `COMPLAINT#${complaintId}`,
    sk: "COMPLAINT",
  });
  if (!complaint || !covers(caller.scope, complaint.desaCode)) throw NotFoundError("Pengaduan");
  return {
    source: { kind: data.source, complaintId, ...(data.source === "rujukan" ? { referralId: id } : {}) },
    desaCode: complaint.desaCode,
    nik: complaint.reporter.nik,
  };
}

/**
 * Opens a case for a PPKS client with one responsible worker: the worker who opens it, or the one a
 * back office, koordinator or manajer names. From a complaint or an approved referral the client is its
 * reporter (NIK from the record, identity verified at registration); a person brought in by outreach,
 * Satpol PP or the police may have no NIK and stays unverified until the worker has seen a document.
 */
export async function open(input: unknown): Promise<CaseView> {
  const caller = assertCan("case.open");
  const data = parse(OpenCaseSchema, input);
  if (data.client.birthDate && data.client.birthDate > today())
    throw FieldError("client.birthDate", "Tanggal lahir tidak boleh setelah hari ini.");
  const existing = await load(data.id);
  if (existing) {
    if (existing.openedBy !== caller.username) throw ConflictError("ID kasus ini sudah dipakai.");
    // A resend after a lost answer gets the answer it lost: whoever may read the case, always; an opener
    // who may not (a back office opening for a worker), while nothing was added (the first answer held no more).
    if (readableBy(existing, caller) || existing.version === 1) return toView(existing, caller);
    throw ConflictError(`Kasus ini sudah dibuka; ${existing.workerName} menanganinya.`);
  }
  const from = await origin(data, caller);
  const claim = from.source.complaintId
    ? [
        await claimComplaint(
          from.source.complaintId,
          data.id,
          data.source === "rujukan" ? "rujukan" : "pengaduan",
        ),
      ]
    : [];
  if (from.nik && data.client.nik && data.client.nik !== from.nik)
    throw FieldError("client.nik", "NIK klien berbeda dengan NIK pada pengaduan.");
  const typedNik = !from.nik && data.client.nik ? data.client.nik : undefined;
  if (typedNik) await requireNik(typedNik, "client.nik", data.idConfirmed ?? false);
  const nik = from.nik ?? typedNik;
  // A NIK holds the birth date, and in its day the sex (day + 40 for a woman): what the worker left
  // empty is read from it, so a case opened from a complaint is not typed again from the card.
  const read = nik ? checkNik(nik, { today: today() }) : undefined;
  const fromNik = read?.ok ? read : undefined;
  const sex = data.client.sex ?? fromNik?.sex;
  if (!sex) throw FieldError("client.sex", "Jenis kelamin wajib dipilih.");
  const birthDate =
    data.client.birthDate ?? (data.client.estimatedAge === undefined ? fromNik?.birthDate : undefined);
  const age = birthDate ? yearsBetween(birthDate, today()) : data.client.estimatedAge;
  const source = data.client.birthDate ? "tanggal lahir" : birthDate ? "NIK" : "perkiraan umur";
  const misfit = data.ppksAgeConfirmed ? undefined : ppksAgeProblem(data.client.ppks, age, source);
  if (misfit)
    throw ValidationError(misfit, [{ field: "client.ppks", message: misfit, needsConfirmation: true }]);
  const desaCode = from.desaCode ?? data.client.desaCode;
  if (desaCode) assertInScope(desaCode, "Desa klien");

  const workerName = data.worker ?? (isCaseWorker(caller.role) ? caller.username : undefined);
  if (!workerName) throw FieldError("worker", "Pekerja sosial penanggung jawab wajib dipilih.");
  const region = desaCode ?? caller.scope.code;
  const worker = (await workersFor(region)).find((w) => w.username === workerName);
  if (!worker)
    throw FieldError("worker", "Pekerja sosial itu tidak ada atau tidak bertugas di wilayah klien.");

  await warnSameClient(data.client.name, caller, data.sameNameConfirmed ?? false);
  const { nik: _typed, identityVerified, desaCode: _d, ...client } = data.client;
  const { record, writes } = opened(
    {
      id: data.id,
      source: from.source,
      client: {
        ...client,
        sex,
        ...(birthDate ? { birthDate } : {}),
        ...(desaCode ? { desaCode } : {}),
        ...(nik ? { nik, nikh: nikHash(nik) } : {}),
        identityVerified: Boolean(from.nik) || Boolean(nik && identityVerified),
      },
      regionCode: region,
    },
    worker,
    caller.username,
  );
  try {
    await transact([
      ...writes,
      ...claim,
      entry(record.id, "open", "Kasus dibuka", {
        source: from.source.kind,
        worker: worker.name,
        ...(nik ? { nikMasked: maskNik(nik) } : {}),
      }),
      ...(from.source.complaintId
        ? [
            Timeline.event(from.source.complaintId, {
              entity: "complaint",
              action: "case.open",
              caseId: record.id,
            }),
          ]
        : []),
      Audit.entry({
        action: "case.open",
        target: personOf(record),
        summary: `Membuka kasus ${record.id} untuk ${worker.username}`,
      }),
    ]);
  } catch (error) {
    if (failedWrite(error) === "case") return open(input);
    throw error;
  }
  return toView(record, caller);
}
