import { randomInt } from "node:crypto";
import { GetCommand, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { assertInScope, assertRole, covers, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { categoryName } from "../catalog/schema.ts";
import {
  decodeCursor,
  encodeCursor,
  failedCondition,
  putNew,
  transact,
  useDb,
  type Page,
} from "../db/index.ts";
import * as Dpm from "../dpm/index.ts";
import { nameKey } from "../dpm/csv.ts";
import { ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { maskNik, nikHash, requireKk, requireNik } from "../resident/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import {
  ListComplaintsSchema,
  RegisterComplaintSchema,
  type ComplaintState,
  type ComplaintView,
} from "./schema.ts";

export * from "./schema.ts";
export { handle, HandlingSchema, timeline } from "./handling.ts";
export { moveItem } from "./move.ts";

/** The stored complaint: the view plus what only the server keeps (full NIK, hashes, keys). */
interface ComplaintRecord extends ComplaintView {
  kecamatanCode: string;
  reporter: ComplaintView["reporter"] & {
    nik: string;
    nikh: string;
    nikLast4: string;
    kk?: string;
    nameKey: string;
  };
}

const key = (id: string) => ({ pk: `COMPLAINT#${id}`, sk: "COMPLAINT" });
const trackKey = (code: string) => ({ pk: `TRACK#${code}`, sk: "TRACK" });

/** 8 characters without look-alikes, read aloud or typed from a paper receipt: `K7MP-2QXD`. */
export function trackingCode(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const chars = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function toView(record: ComplaintRecord): ComplaintView {
  const { nik: _nik, nikh: _nikh, nikLast4: _last4, kk, nameKey: _nameKey, ...shown } = record.reporter;
  return {
    id: record.id,
    desaCode: record.desaCode,
    state: record.state,
    trackingCode: record.trackingCode,
    queueDay: record.queueDay,
    ...(record.queueNumber ? { queueNumber: record.queueNumber } : {}),
    reporter: { ...shown, ...(kk ? { kkMasked: maskNik(kk) } : {}) },
    category: record.category,
    description: record.description,
    ppks: record.ppks,
    legalBasis: record.legalBasis,
    consent: record.consent,
    dpm: record.dpm,
    ...(record.proposalId ? { proposalId: record.proposalId } : {}),
    ...(record.referralId ? { referralId: record.referralId } : {}),
    ...(record.handling ? { handling: record.handling } : {}),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    version: record.version,
  };
}

export async function load(id: string): Promise<ComplaintRecord | undefined> {
  const db = useDb();
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key(id), ConsistentRead: true }));
  return out.Item as ComplaintRecord | undefined;
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

/**
 * Front office: registers a resident's complaint with the DPM check. Sending the same registration
 * again (same device-made `id`) answers the record made the first time, so an outbox may resend freely.
 */
export async function register(input: unknown): Promise<{ complaint: ComplaintView; created: boolean }> {
  const caller = assertRole("front-office", "koordinator");
  const data = parse(RegisterComplaintSchema, input);
  const existing = await load(data.id);
  if (existing) return replay(caller, existing);

  const desa = await desaOf(caller, data.desaCode);
  const confirmed = data.idConfirmed ?? false;
  const nik = await requireNik(data.reporter.nik, "reporter.nik", confirmed);
  if (data.reporter.kk) await requireKk(data.reporter.kk, "reporter.kk", confirmed);
  const nikh = nikHash(nik.value);
  const inDpm = await Dpm.findByHash(desa.code, nikh);
  const state: ComplaintState = inDpm ? "diteruskan" : "baru";
  const now = nowIso();
  const queueDay = Region.kabupatenDay();
  const { nik: _typed, kk, ...reporter } = data.reporter;

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
        checked: true,
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
      await transact(
        [
          putNew({
            ...key(record.id),
            type: "complaint",
            gsi1pk: `DESA#${desa.code}#COMPLAINT`,
            gsi1sk: `${queueDay}#${now}#${record.id}`,
            gsi2pk: `DESA#${desa.code}#STATE#${state}`,
            gsi2sk: `${now}#${record.id}`,
            gsi3pk: `NIK#${nikh}`,
            gsi3sk: `COMPLAINT#${now}`,
            ...record,
          }),
          putNew({
            ...trackKey(code),
            type: "track",
            complaintId: record.id,
            nikLast4: record.reporter.nikLast4,
          }),
          Audit.entry({
            action: "complaint.register",
            target: { type: "complaint", id: record.id },
            summary: `Mendaftarkan pengaduan ${categoryName(record.category) ?? record.category} dari ${maskNik(nik.value)} (${inDpm ? "ada di DPM" : "tidak ada di DPM"})`,
          }),
          Audit.entry({
            action: "complaint.register",
            target: { type: "resident", id: nikh },
            summary: `Pengaduan ${record.id} didaftarkan di ${desa.name}`,
          }),
        ],
        () => "Pengaduan ini sudah tercatat.",
      );
      return { complaint: toView(record), created: true };
    } catch (error) {
      const failedAt = failedCondition(error);
      if (failedAt === 0) {
        // The same registration arrived twice at once: the other copy won; answer with it.
        const winner = await load(data.id);
        if (winner) return replay(caller, winner);
      }
      if (failedAt === 1 && attempt < 3) continue; // tracking code taken: draw another
      throw error;
    }
  }
}

function replay(caller: UserActor, existing: ComplaintRecord) {
  // An id of another desa is refused without telling whose it is.
  if (!covers(caller.scope, existing.desaCode)) throw ConflictError("ID pengaduan ini sudah dipakai.");
  return { complaint: toView(existing), created: false };
}

const READERS = ["front-office", "back-office", "koordinator", "supervisor", "manajer"] as const;

/** Opens one complaint of the caller's scope, NIK masked; the read is in the audit log. */
export async function get(id: string): Promise<ComplaintView> {
  assertRole(...READERS);
  const record = await load(id);
  if (!record) throw NotFoundError("Pengaduan");
  assertInScope(record.desaCode, "Pengaduan");
  await Audit.record({
    action: "complaint.read",
    target: { type: "complaint", id },
    summary: "Membuka pengaduan",
  });
  return toView(record);
}

/** Shows the full NIK: a deliberate action, recorded against the complaint and the resident. */
export async function revealNik(id: string): Promise<{ nik: string; kk?: string }> {
  assertRole("front-office", "back-office", "koordinator", "manajer");
  const record = await load(id);
  if (!record) throw NotFoundError("Pengaduan");
  assertInScope(record.desaCode, "Pengaduan");
  await transact(
    [
      Audit.entry({
        action: "complaint.reveal-nik",
        target: { type: "complaint", id },
        summary: "Menampilkan NIK lengkap",
      }),
      Audit.entry({
        action: "complaint.reveal-nik",
        target: { type: "resident", id: record.reporter.nikh },
        summary: `NIK lengkap ditampilkan dari pengaduan ${id}`,
      }),
    ],
    () => "Coba lagi.",
  );
  return { nik: record.reporter.nik, ...(record.reporter.kk ? { kk: record.reporter.kk } : {}) };
}

/** The desa's complaints, newest first: by queue day, state, category, name or NIK; 25 a page. */
export async function list(query: unknown): Promise<Page<ComplaintView>> {
  const caller = assertRole(...READERS);
  const q = parse(ListComplaintsSchema, query);
  const desa = caller.scope.level === "desa" ? caller.scope.code : q.desa;
  if (!desa)
    throw ValidationError("Pilih desa yang ingin dilihat.", [
      { field: "desa", message: "Pilih desa yang ingin dilihat." },
    ]);
  assertInScope(desa, "Desa");
  const db = useDb();
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let keyed: Pick<QueryCommandInput, "IndexName" | "KeyConditionExpression">;
  if (q.nik) {
    const nikh = nikHash(q.nik);
    keyed = { IndexName: "gsi3", KeyConditionExpression: "gsi3pk = :pk" };
    values[":pk"] = `NIK#${nikh}`;
    filters.push("desaCode = :desa");
    values[":desa"] = desa;
    await Audit.record({
      action: "complaint.search-nik",
      target: { type: "resident", id: nikh },
      summary: `Mencari pengaduan di ${desa} dengan NIK ${maskNik(q.nik)}`,
    });
  } else if (q.state) {
    keyed = { IndexName: "gsi2", KeyConditionExpression: "gsi2pk = :pk" };
    values[":pk"] = `DESA#${desa}#STATE#${q.state}`;
  } else {
    keyed = {
      IndexName: "gsi1",
      KeyConditionExpression: q.day ? "gsi1pk = :pk AND begins_with(gsi1sk, :day)" : "gsi1pk = :pk",
    };
    values[":pk"] = `DESA#${desa}#COMPLAINT`;
    if (q.day) values[":day"] = `${q.day}#`;
  }
  if (q.state && q.nik) {
    filters.push("#state = :state");
    names["#state"] = "state";
    values[":state"] = q.state;
  }
  if (q.day && (q.nik || q.state)) {
    filters.push("queueDay = :qday");
    values[":qday"] = q.day;
  }
  if (q.category) {
    filters.push("category = :category");
    values[":category"] = q.category;
  }
  if (q.name) {
    filters.push("contains(reporter.nameKey, :name)");
    values[":name"] = nameKey(q.name);
  }
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      ...keyed,
      ...(filters.length ? { FilterExpression: filters.join(" AND ") } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: 25,
      ExclusiveStartKey: decodeCursor(q.cursor),
    }),
  );
  return {
    items: (out.Items ?? []).map((item) => toView(item as ComplaintRecord)),
    cursor: encodeCursor(out.LastEvaluatedKey),
  };
}
