import { assertCan, useUser, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { useConfig } from "../config/index.ts";
import { getItem, putNew, queryPage, transact, update, type Page } from "../db/index.ts";
import { ConflictError, NotFoundError, refuse } from "../error/index.ts";
import { maskNik, nikHash } from "../resident/index.ts";
import { closingMarks } from "../retention/mark.ts";
import { addDays, local, nowIso, today } from "../time/index.ts";
import { isUuid } from "../validation/fields.ts";
import { parse } from "../validation/index.ts";
import { actionsFor, assertMayTake, authorize } from "../workflow/index.ts";
import { CreateRequestSchema, ListRequestsSchema, type RequestView } from "./schema.ts";
import {
  ANSWER_DAYS,
  AnswerRequestSchema,
  DeclineRequestSchema,
  REQUEST_KIND_LABELS,
  REQUEST_STATE_LABELS,
  REQUEST_WORKFLOW,
  type RequestKind,
  type RequestState,
} from "./workflow.ts";

/** The stored request: the view's fields plus the full NIK (sealed at rest), its hash and the kabupaten. */
export interface RequestRecord extends Omit<
  RequestView,
  "actions" | "kindLabel" | "stateLabel" | "overdue" | "answeredLate"
> {
  kind: RequestKind;
  state: RequestState;
  nik: string;
  nikh: string;
  kabupatenCode: string;
  updatedAt: string;
}

export const key = (id: string) => ({ pk: `PRIVACYREQ#${id}`, sk: "REQUEST" });
const listPartition = () => `PRIVACYREQS#${useConfig().kabupatenCode}`;
const openPartition = () => `PRIVACYREQS#OPEN#${useConfig().kabupatenCode}`;

export const load = async (id: string) => (isUuid(id) ? getItem<RequestRecord>(key(id)) : undefined);

/** The view's own fields only: a stored item also carries its keys, among them the person's NIK hash. */
export function toView(record: RequestRecord, caller: UserActor, day = today()): RequestView {
  return {
    id: record.id,
    kind: record.kind,
    state: record.state,
    nikMasked: record.nikMasked,
    name: record.name,
    ...(record.contact ? { contact: record.contact } : {}),
    detail: record.detail,
    receivedOn: record.receivedOn,
    dueOn: record.dueOn,
    ...(record.answer ? { answer: record.answer } : {}),
    ...(record.answeredAt ? { answeredAt: record.answeredAt } : {}),
    ...(record.answeredBy ? { answeredBy: record.answeredBy } : {}),
    ...(record.answeredByName ? { answeredByName: record.answeredByName } : {}),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    version: record.version,
    kindLabel: REQUEST_KIND_LABELS[record.kind],
    stateLabel: REQUEST_STATE_LABELS[record.state],
    overdue: record.state === "terbuka" && day > record.dueOn,
    // Kept once answered: the kabupaten's record of whether it met the law's deadline.
    answeredLate: record.answeredAt ? local(record.answeredAt).day > record.dueOn : false,
    actions: actionsFor(REQUEST_WORKFLOW, record, caller),
  };
}

/** Records a resident's request as it came in (at the counter, by letter, by phone); a resend is the same. */
export async function create(input: unknown): Promise<RequestView> {
  const caller = assertCan("privacy.request");
  const data = parse(CreateRequestSchema, input);
  const day = today();
  if (data.receivedOn > day) refuse("receivedOn", "Tanggal diterima tidak boleh setelah hari ini.");
  if (data.receivedOn < addDays(day, -366))
    refuse("receivedOn", "Tanggal diterima paling lama setahun yang lalu.");
  const existing = await load(data.id);
  if (existing) {
    if (existing.nikh !== nikHash(data.nik)) throw ConflictError("ID permintaan ini sudah dipakai.");
    return toView(existing, caller, day);
  }
  const now = nowIso();
  const nikh = nikHash(data.nik);
  const record: RequestRecord = {
    id: data.id,
    kind: data.kind,
    state: "terbuka",
    nik: data.nik,
    nikh,
    nikMasked: maskNik(data.nik),
    name: data.name,
    ...(data.contact ? { contact: data.contact } : {}),
    detail: data.detail,
    receivedOn: data.receivedOn,
    dueOn: addDays(data.receivedOn, ANSWER_DAYS),
    kabupatenCode: useConfig().kabupatenCode,
    createdAt: now,
    createdBy: caller.username,
    updatedAt: now,
    version: 1,
  };
  await transact([
    putNew(
      "privacy-request",
      {
        ...key(record.id),
        type: "privacy-request",
        gsi1pk: listPartition(),
        gsi1sk: `${record.receivedOn}#${now}#${record.id}`,
        gsi2pk: openPartition(),
        gsi2sk: `${record.dueOn}#${record.id}`,
        gsi3pk: Audit.personPartition(nikh),
        gsi3sk: `${now}#${record.id}`,
        ...record,
      },
      "Permintaan ini sudah tercatat.",
    ),
    Audit.entry({
      action: "privacy.request",
      target: { type: "privacy-request", id: record.id },
      summary: `Permintaan ${REQUEST_KIND_LABELS[record.kind].toLowerCase()} dari ${record.nikMasked} dicatat`,
      person: nikh,
    }),
  ]);
  return toView(record, caller, day);
}

/** Open requests, soonest due first; or all, newest first. 25 a page. */
export async function list(query: unknown): Promise<Page<RequestView>> {
  const caller = assertCan("privacy.request");
  const q = parse(ListRequestsSchema, query);
  const open = (q.status ?? "terbuka") === "terbuka";
  const page = await queryPage<RequestRecord>(
    {
      IndexName: open ? "gsi2" : "gsi1",
      KeyConditionExpression: open ? "gsi2pk = :pk" : "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": open ? openPartition() : listPartition() },
      ScanIndexForward: open,
    },
    { limit: 25, cursor: q.cursor },
  );
  const day = today();
  return { ...page, items: page.items.map((r) => toView(r, caller, day)) };
}

/** One request, as its officer reads it. */
export async function get(id: string): Promise<RequestView> {
  const caller = assertCan("privacy.request");
  const record = await load(id);
  if (!record) throw NotFoundError("Permintaan");
  return toView(record, caller);
}

/** The requests of one resident (access report), oldest first. */
export const ofPerson = (records: RequestRecord[], caller: UserActor) =>
  records.map((r) => toView(r, caller)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));

function close(action: "answer" | "decline") {
  const spec = REQUEST_WORKFLOW.actions[action];
  const schema = action === "answer" ? AnswerRequestSchema : DeclineRequestSchema;
  return async (id: string, input: unknown): Promise<RequestView> => {
    const caller = useUser();
    assertMayTake(REQUEST_WORKFLOW, action, caller);
    const data = parse(schema, input);
    const record = await load(id);
    if (!record) throw NotFoundError("Permintaan");
    const stale = () =>
      ConflictError(
        `Permintaan ini sudah berubah: sekarang "${REQUEST_STATE_LABELS[record.state]}". Muat ulang untuk melihatnya.`,
      );
    authorize(REQUEST_WORKFLOW, action, record, caller, { version: data.version, stale });
    const now = nowIso();
    const closed = {
      state: spec.to,
      answer: "answer" in data ? data.answer : data.reason,
      answeredAt: now,
      answeredBy: caller.username,
      answeredByName: caller.name,
      updatedAt: now,
    };
    await transact([
      update("privacy-request", {
        key: key(id),
        set: closed,
        add: { version: 1 },
        remove: ["gsi2pk", "gsi2sk"],
        expect: { state: record.state, version: record.version },
        conflict: "Permintaan ini baru saja diubah orang lain. Muat ulang lalu coba lagi.",
      }),
      ...closingMarks("request", id, record.state, spec.to),
      Audit.entry({
        action: `privacy.${action}`,
        target: { type: "privacy-request", id },
        summary: spec.done,
        person: record.nikh,
      }),
    ]);
    return toView({ ...record, ...closed, version: record.version + 1 }, caller);
  };
}

export const answer = close("answer");
export const decline = close("decline");
