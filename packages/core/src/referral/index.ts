import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type * as v from "valibot";
import { assertInScope, assertRole, type Role, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import * as Catalog from "../catalog/index.ts";
import * as Region from "../region/index.ts";
import * as Complaint from "../complaint/index.ts";
import { COMPLAINT_STATE_LABELS, type ComplaintState } from "../complaint/schema.ts";
import { useConfig } from "../config/index.ts";
import { failedCondition, putNew, transact, useDb, type TransactItem } from "../db/index.ts";
import { AppError, ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import * as Settings from "../settings/index.ts";
import * as Timeline from "../timeline/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import {
  CreateReferralSchema,
  REFERRAL_STATE_LABELS,
  TRANSITION_SCHEMAS,
  type ReferralState,
  type ReferralView,
  type TransitionAction,
} from "./schema.ts";

export * from "./schema.ts";

/**
 * Referrals (rujukan): desa back office → kecamatan supervisor → district manager → OPD. Every step is
 * one transaction: the referral moves state and inbox (conditional on the state and version the actor
 * decided on), the complaint follows where it must, and the timeline and audit log record who, when, why.
 */
type ReferralRecord = Omit<ReferralView, "overdue">;

const key = (id: string) => ({ pk: `REFERRAL#${id}`, sk: "REFERRAL" });
const DAY_MS = 86_400_000;
const dueIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

/** Whose inbox a referral sits in, as the key of index gsi1 (oldest due first). */
function inboxOf(
  ref: Pick<ReferralRecord, "kecamatanCode" | "desaCode" | "opd">,
  state: ReferralState,
): string | undefined {
  const kabupaten = useConfig().kabupatenCode;
  switch (state) {
    case "diajukan":
      return `INBOX#supervisor#${ref.kecamatanCode}`;
    case "dikembalikan":
      return `INBOX#back-office#${ref.desaCode}`;
    case "diteruskan":
    case "ditolak-opd":
      return `INBOX#manajer#${kabupaten}`;
    case "disetujui":
    case "diterima-opd":
      return `INBOX#opd#${ref.opd}`;
    default:
      return undefined;
  }
}

export async function load(id: string): Promise<ReferralRecord | undefined> {
  const db = useDb();
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key(id), ConsistentRead: true }));
  return out.Item as ReferralRecord | undefined;
}

function toView(record: ReferralRecord, caller: UserActor): ReferralView {
  const overdue = !["selesai", "ditolak"].includes(record.state) && record.dueAt < nowIso();
  const view: ReferralView = { ...pick(record), overdue };
  // An OPD sees what it needs to serve the resident, not the desa's internal notes.
  if (caller.role === "opd") {
    delete view.notes;
    delete view.recommendation;
    delete view.lastNote;
  }
  return view;
}

function pick(r: ReferralRecord): Omit<ReferralView, "overdue"> {
  const fields: (keyof ReferralRecord)[] = [
    "id",
    "complaintId",
    "desaCode",
    "kecamatanCode",
    "state",
    "urgency",
    "reason",
    "needs",
    "notes",
    "suggestedOpds",
    "programs",
    "recommendation",
    "opd",
    "program",
    "letterNumber",
    "approvedBy",
    "approvedByName",
    "approvedAt",
    "outcome",
    "lastNote",
    "reporter",
    "dueAt",
    "version",
    "createdAt",
    "createdBy",
    "updatedAt",
    "updatedBy",
  ];
  return Object.fromEntries(fields.filter((f) => r[f] !== undefined).map((f) => [f, r[f]])) as Omit<
    ReferralView,
    "overdue"
  >;
}

/** Who may see a referral: its desa, its kecamatan's supervisor, the manager, the OPD it is assigned to. */
function assertCanSee(caller: UserActor, record: ReferralRecord) {
  if (caller.role === "opd") {
    if (!record.opd || record.opd !== caller.opd) throw NotFoundError("Rujukan");
    return;
  }
  assertInScope(record.desaCode, "Rujukan");
}

export async function get(id: string): Promise<ReferralView> {
  const caller = assertRole("back-office", "koordinator", "front-office", "supervisor", "manajer", "opd");
  const record = await load(id);
  if (!record) throw NotFoundError("Rujukan");
  assertCanSee(caller, record);
  return toView(record, caller);
}

/** Back office: refers a complaint the desa cannot handle to the kecamatan's supervisor. */
export async function create(input: unknown): Promise<ReferralView> {
  const caller = assertRole("back-office", "koordinator");
  const data = parse(CreateReferralSchema, input);
  const complaint = await Complaint.load(data.complaintId);
  if (!complaint) throw NotFoundError("Pengaduan");
  assertInScope(complaint.desaCode, "Pengaduan");
  const existing = await load(data.id);
  if (existing) {
    if (existing.complaintId !== complaint.id) throw ConflictError("ID rujukan ini sudah dipakai.");
    return toView(existing, caller);
  }
  if (complaint.state !== "diteruskan" && complaint.state !== "ditangani")
    throw ConflictError(
      `Pengaduan berstatus "${COMPLAINT_STATE_LABELS[complaint.state]}"; hanya pengaduan yang sedang di back office yang dapat dirujuk.`,
    );
  const settings = await Settings.load();
  const now = nowIso();
  const record: ReferralRecord = {
    id: data.id,
    complaintId: complaint.id,
    desaCode: complaint.desaCode,
    kecamatanCode: complaint.kecamatanCode,
    state: "diajukan",
    urgency: data.urgency,
    reason: data.reason,
    needs: data.needs,
    ...(data.notes ? { notes: data.notes } : {}),
    suggestedOpds: data.opds,
    programs: data.programs,
    reporter: {
      name: complaint.reporter.name,
      nikMasked: complaint.reporter.nikMasked,
      rt: complaint.reporter.rt,
      rw: complaint.reporter.rw,
    },
    dueAt: dueIn(settings.dueDays.supervisor),
    version: 1,
    createdAt: now,
    createdBy: caller.username,
    updatedAt: now,
    updatedBy: caller.username,
  };
  await transact(
    [
      putNew({
        ...key(record.id),
        type: "referral",
        gsi1pk: inboxOf(record, "diajukan"),
        gsi1sk: `${record.dueAt}#${record.id}`,
        gsi2pk: `REFERRALS#${useConfig().kabupatenCode}#diajukan`,
        gsi2sk: `${record.dueAt}#${record.id}`,
        ...record,
      }),
      Complaint.moveItem(complaint, "dirujuk", { referralId: record.id }),
      Timeline.event(complaint.id, {
        action: "referral.create",
        from: complaint.state,
        to: "dirujuk",
        note: data.reason,
      }),
      Audit.entry({
        action: "referral.create",
        target: { type: "referral", id: record.id },
        summary: `Merujuk pengaduan ${complaint.id}`,
      }),
    ],
    (index) =>
      index === 1
        ? "Pengaduan ini baru saja diubah orang lain. Muat ulang lalu coba lagi."
        : "Rujukan ini sudah tercatat.",
  );
  return toView(record, caller);
}

interface Step {
  roles: Role[];
  from: ReferralState[];
  to: ReferralState;
  /** Days until the next step is due (from the kabupaten settings), when the referral moves on. */
  due?: (settings: Settings.Settings, data: Record<string, unknown>) => string;
  /** What the complaint becomes when this step ends the referral. */
  complaintTo?: ComplaintState;
  label: string;
}

const STEPS: Record<TransitionAction, Step> = {
  forward: {
    roles: ["supervisor"],
    from: ["diajukan"],
    to: "diteruskan",
    due: (s) => dueIn(s.dueDays.manajer),
    label: "Diteruskan ke manajer",
  },
  "return-to-desa": {
    roles: ["supervisor"],
    from: ["diajukan"],
    to: "dikembalikan",
    due: (s) => dueIn(s.dueDays.supervisor),
    label: "Dikembalikan ke desa",
  },
  resubmit: {
    roles: ["back-office", "koordinator"],
    from: ["dikembalikan"],
    to: "diajukan",
    due: (s) => dueIn(s.dueDays.supervisor),
    label: "Diajukan kembali",
  },
  approve: {
    roles: ["manajer"],
    from: ["diteruskan", "ditolak-opd", "diajukan"],
    to: "disetujui",
    due: (s, d) =>
      d.dueDate ? new Date(`${d.dueDate as string}T23:59:59+07:00`).toISOString() : dueIn(s.dueDays.opd),
    label: "Disetujui",
  },
  reject: {
    roles: ["manajer"],
    from: ["diteruskan", "ditolak-opd", "diajukan"],
    to: "ditolak",
    complaintTo: "ditutup",
    label: "Ditolak",
  },
  "return-to-supervisor": {
    roles: ["manajer"],
    from: ["diteruskan"],
    to: "diajukan",
    due: (s) => dueIn(s.dueDays.supervisor),
    label: "Dikembalikan ke supervisor",
  },
  accept: { roles: ["opd"], from: ["disetujui"], to: "diterima-opd", label: "Diterima OPD" },
  decline: {
    roles: ["opd"],
    from: ["disetujui"],
    to: "ditolak-opd",
    due: (s) => dueIn(s.dueDays.manajer),
    label: "Ditolak OPD",
  },
  complete: {
    roles: ["opd"],
    from: ["diterima-opd"],
    to: "selesai",
    complaintTo: "selesai",
    label: "Selesai dilayani",
  },
};

/** Letter numbers run per kabupaten per year without gaps: read, then advance conditionally in the transaction. */
async function nextLetterNumber(): Promise<{ number: string; item: TransactItem }> {
  const db = useDb();
  const year = new Date().getFullYear();
  const counterKey = { pk: `LETTER#${useConfig().kabupatenCode}#${year}`, sk: "COUNTER" };
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: counterKey, ConsistentRead: true }),
  );
  const last = Number(out.Item?.last ?? 0);
  const month = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][
    new Date().getMonth()
  ];
  return {
    number: `${String(last + 1).padStart(4, "0")}/SLRT-${useConfig().kabupatenCode}/${month}/${year}`,
    item: {
      Update: {
        TableName: db.table,
        Key: counterKey,
        UpdateExpression: "SET #last = :next",
        ConditionExpression: last ? "#last = :last" : "attribute_not_exists(pk)",
        ExpressionAttributeNames: { "#last": "last" },
        ExpressionAttributeValues: { ":next": last + 1, ...(last ? { ":last": last } : {}) },
      },
    },
  };
}

/** One step of the chain, by the caller, on the version of the referral they decided on. */
export async function transition(
  id: string,
  action: TransitionAction,
  input: unknown,
): Promise<ReferralView> {
  const step = STEPS[action];
  const caller = assertRole(...step.roles);
  const data = parse(TRANSITION_SCHEMAS[action] as v.GenericSchema, input) as Record<string, unknown> & {
    version: number;
  };
  const record = await load(id);
  if (!record) throw NotFoundError("Rujukan");
  assertCanSee(caller, record);
  if (caller.role === "supervisor") assertInScope(record.kecamatanCode, "Rujukan");
  if (record.version !== data.version || !step.from.includes(record.state)) throw stale(record);

  // The manager may step past a supervisor who let the referral go overdue; it is recorded as such.
  const escalated = caller.role === "manajer" && record.state === "diajukan";
  if (escalated && record.dueAt >= nowIso())
    throw new AppError(
      "conflict",
      "Rujukan ini masih di supervisor dan belum lewat batas waktu; manajer belum dapat memutuskannya.",
    );
  if (
    action === "approve" &&
    (data.dueDate as string | undefined) &&
    (data.dueDate as string) < nowIso().slice(0, 10)
  )
    throw ValidationError("Batas waktu tidak boleh di masa lalu.", [
      { field: "dueDate", message: "Batas waktu tidak boleh di masa lalu." },
    ]);

  const settings = await Settings.load();
  const changes: Record<string, unknown> = {
    state: step.to,
    updatedAt: nowIso(),
    updatedBy: caller.username,
  };
  let note = (data.note ?? data.reason ?? data.recommendation) as string | undefined;
  if (note) changes.lastNote = note;
  if (action === "forward" && data.recommendation) changes.recommendation = data.recommendation;
  if (action === "resubmit") {
    if (data.reason) changes.reason = data.reason;
    if (data.needs) changes.needs = data.needs;
  }
  const extra: TransactItem[] = [];
  let letter: Awaited<ReturnType<typeof nextLetterNumber>> | undefined;
  if (action === "approve") {
    const catalog = await Catalog.load();
    if (!catalog.opds.some((o) => o.code === data.opd))
      throw ValidationError("OPD tujuan tidak dikenal.", [
        { field: "opd", message: `OPD "${data.opd as string}" tidak dikenal.` },
      ]);
    if (!catalog.programs.some((p) => p.code === data.program))
      throw ValidationError("Program tidak dikenal.", [
        { field: "program", message: `Program "${data.program as string}" tidak dikenal.` },
      ]);
    letter = await nextLetterNumber();
    Object.assign(changes, {
      opd: data.opd,
      program: data.program,
      letterNumber: letter.number,
      approvedBy: caller.username,
      approvedByName: caller.name,
      approvedAt: nowIso(),
    });
    extra.push(letter.item);
  }
  if (action === "complete")
    changes.outcome = { service: data.service, servedOn: data.servedOn, reference: data.reference };
  if (escalated) note = `${note ? `${note} ` : ""}(diputuskan manajer karena lewat batas waktu supervisor)`;

  const next = { ...record, ...changes } as ReferralRecord;
  const inbox = inboxOf(next, step.to);
  if (step.due) changes.dueAt = step.due(settings, data);
  const dueAt = (changes.dueAt as string | undefined) ?? record.dueAt;

  const names: Record<string, string> = { "#state": "state", "#version": "version" };
  const values: Record<string, unknown> = { ":from": record.state, ":v": record.version, ":one": 1 };
  const sets = ["#version = #version + :one"];
  Object.entries(changes).forEach(([k, value], i) => {
    names[`#c${i}`] = k;
    values[`:c${i}`] = value;
    sets.push(`#c${i} = :c${i}`);
  });
  sets.push("gsi2pk = :gsi2pk", "gsi2sk = :gsi2sk");
  values[":gsi2pk"] = `REFERRALS#${useConfig().kabupatenCode}#${step.to}`;
  values[":gsi2sk"] = `${dueAt}#${record.id}`;
  let update = `SET ${sets.join(", ")}`;
  if (inbox) {
    update += ", gsi1pk = :inbox, gsi1sk = :inboxSort";
    values[":inbox"] = inbox;
    values[":inboxSort"] = `${dueAt}#${record.id}`;
  } else update += " REMOVE gsi1pk, gsi1sk";

  const items: TransactItem[] = [
    {
      Update: {
        TableName: useDb().table,
        Key: key(id),
        UpdateExpression: update,
        ConditionExpression: "#state = :from AND #version = :v",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    Timeline.event(record.complaintId, {
      action: `referral.${action}`,
      from: record.state,
      to: step.to,
      ...(note ? { note } : {}),
    }),
    Audit.entry({
      action: `referral.${action}`,
      target: { type: "referral", id },
      summary: `${REFERRAL_STATE_LABELS[record.state]} → ${REFERRAL_STATE_LABELS[step.to]}${escalated ? " (eskalasi)" : ""}`,
    }),
    ...extra,
  ];
  if (step.complaintTo) {
    const complaint = await Complaint.load(record.complaintId);
    if (!complaint) throw NotFoundError("Pengaduan");
    items.push(Complaint.moveItem(complaint, step.complaintTo));
  }
  try {
    await transact(items, () => "Rujukan ini baru saja diubah orang lain.");
  } catch (error) {
    const failed = failedCondition(error);
    if (failed === 0) throw stale((await load(id)) ?? record);
    // Another approval took this letter number at the same moment: the referral itself was not decided.
    if (letter && failed === items.length - (step.complaintTo ? 2 : 1))
      throw ConflictError("Nomor surat baru saja dipakai persetujuan lain. Coba setujui lagi.");
    throw error;
  }
  return toView({ ...next, ...changes, version: record.version + 1, dueAt } as ReferralRecord, caller);
}

/** The 409 that tells the loser of a race what happened. */
function stale(current: ReferralRecord) {
  return ConflictError(
    `Rujukan ini sudah berubah: sekarang "${REFERRAL_STATE_LABELS[current.state]}" (oleh ${current.updatedBy}, ${new Date(current.updatedAt).toLocaleString("id-ID", { timeZone: "Asia/Jakarta" })}). Muat ulang untuk melihatnya.`,
  );
}

/** The caller's inbox, oldest due first, overdue items flagged. */
export async function inbox(): Promise<{
  items: ReferralView[];
  overdue: number;
  escalations: ReferralView[];
}> {
  const caller = assertRole("back-office", "koordinator", "supervisor", "manajer", "opd");
  const pk =
    caller.role === "supervisor"
      ? `INBOX#supervisor#${caller.scope.code}`
      : caller.role === "manajer"
        ? `INBOX#manajer#${useConfig().kabupatenCode}`
        : caller.role === "opd"
          ? `INBOX#opd#${caller.opd ?? "-"}`
          : `INBOX#back-office#${caller.scope.code}`;
  const items = (await query("gsi1", "gsi1pk", pk)).map((r) => toView(r, caller));
  // The manager also sees what waits too long at a supervisor, to decide it instead.
  const escalations =
    caller.role === "manajer"
      ? (await query("gsi2", "gsi2pk", `REFERRALS#${useConfig().kabupatenCode}#diajukan`, nowIso())).map(
          (r) => toView(r, caller),
        )
      : [];
  return { items, overdue: items.filter((i) => i.overdue).length, escalations };
}

async function query(
  index: "gsi1" | "gsi2",
  name: string,
  value: string,
  before?: string,
): Promise<ReferralRecord[]> {
  const db = useDb();
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: index,
      KeyConditionExpression: before ? `${name} = :pk AND ${index}sk < :before` : `${name} = :pk`,
      ExpressionAttributeValues: { ":pk": value, ...(before ? { ":before": before } : {}) },
      Limit: 100,
    }),
  );
  return (out.Items ?? []) as ReferralRecord[];
}

/** The timeline of the referral's complaint, for anyone who may see the referral. */
export async function timeline(id: string): Promise<Timeline.TimelineEvent[]> {
  const caller = assertRole("back-office", "koordinator", "front-office", "supervisor", "manajer", "opd");
  const record = await load(id);
  if (!record) throw NotFoundError("Rujukan");
  assertCanSee(caller, record);
  const events = await Timeline.list(record.complaintId);
  // The OPD sees who did what and when, not the desa's and reviewers' internal notes.
  return caller.role === "opd" ? events.map(({ note: _note, ...event }) => event) : events;
}

export interface ReferralLetter {
  letterhead: string[];
  number: string;
  date: string;
  opd: string;
  program: string;
  approvedByName: string;
  dueAt: string;
  resident: { name: string; nik: string; rt: string; rw: string; desa: string; kecamatan: string };
  reason: string;
  needs: string;
  urgency: string;
}

/**
 * The surat rujukan: what the OPD needs to serve the resident (full NIK, address, needs) and no more.
 * Printing it reads the resident's record, so it is in the audit log.
 */
export async function letter(id: string): Promise<ReferralLetter> {
  const caller = assertRole("back-office", "koordinator", "supervisor", "manajer", "opd");
  const record = await load(id);
  if (!record) throw NotFoundError("Rujukan");
  assertCanSee(caller, record);
  if (!record.letterNumber || !record.opd || !record.approvedAt)
    throw ConflictError("Surat rujukan baru ada setelah rujukan disetujui manajer.");
  const complaint = await Complaint.load(record.complaintId);
  if (!complaint) throw NotFoundError("Pengaduan");
  const [settings, desa, catalog] = await Promise.all([
    Settings.load(),
    Region.find(record.desaCode),
    Catalog.load(),
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
    opd: catalog.opds.find((o) => o.code === record.opd)?.name ?? record.opd,
    program: catalog.programs.find((p) => p.code === record.program)?.name ?? record.program ?? "",
    approvedByName: record.approvedByName ?? "",
    dueAt: record.dueAt,
    resident: {
      name: complaint.reporter.name,
      nik: complaint.reporter.nik,
      rt: complaint.reporter.rt,
      rw: complaint.reporter.rw,
      desa: desa?.name ?? record.desaCode,
      kecamatan: desa && desa.level === "desa" ? desa.kecamatanName : record.kecamatanCode,
    },
    reason: record.reason,
    needs: record.needs,
    urgency: record.urgency,
  };
}
