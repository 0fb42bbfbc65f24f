import { assertCan, roleLabel } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { queryAll } from "../db/index.ts";
import { getMany } from "../db/batch.ts";
import { key as complaintKey } from "../complaint/record.ts";
import { maskNik, nikHash } from "../resident/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { describeAction, describeRecord } from "./labels.ts";
import { load, ofPerson, type RequestRecord } from "./requests.ts";
import { FieldError, NotFoundError } from "../error/index.ts";
import { AccessReportQuerySchema, type AccessEntry, type AccessReport } from "./schema.ts";

const byPerson = (nikh: string) =>
  queryAll<Record<string, unknown>>({
    IndexName: "gsi3",
    KeyConditionExpression: "gsi3pk = :pk",
    ExpressionAttributeValues: { ":pk": Audit.personPartition(nikh) },
  });

/**
 * The accesses made under earlier NIKs to records now this person's: a correction of the NIK links the
 * new NIK to the earlier one and the records it was held on (Audit `former`). Only those records'
 * entries, and only from before the correction: the earlier NIK may be someone else's. A chain of
 * corrections is followed back.
 */
async function underFormerNiks(tagged: Record<string, unknown>[]) {
  const found: Record<string, unknown>[] = [];
  const formerNiks: { nikMasked: string; correctedAt: string }[] = [];
  const seen = new Set<string>();
  let links = tagged.filter((raw) => Audit.isEntry(raw) && typeof raw.formerh === "string");
  while (links.length) {
    const next: Record<string, unknown>[] = [];
    for (const link of links) {
      const nikh = String(link.formerh);
      const at = Audit.fromItem(link).at;
      if (seen.has(`${nikh}#${at}`)) continue;
      seen.add(`${nikh}#${at}`);
      formerNiks.push({ nikMasked: String(link.formerMasked), correctedAt: at });
      const records = new Set(Array.isArray(link.formerRecords) ? link.formerRecords.map(String) : []);
      for (const raw of await byPerson(nikh)) {
        if (!Audit.isEntry(raw)) continue;
        const e = Audit.fromItem(raw);
        if (e.at >= at || !records.has(e.targetId)) continue;
        found.push(raw);
        if (typeof raw.formerh === "string") next.push(raw);
      }
    }
    links = next;
  }
  return { found, formerNiks: formerNiks.sort((a, b) => (a.correctedAt < b.correctedAt ? -1 : 1)) };
}

const byPartition = (pk: string) =>
  queryAll<Record<string, unknown>>({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": pk },
  });

/**
 * Every access to one resident's data (UU PDP: the resident's right to know who used it), found by
 * NIK through its keyed hash: each read and write recorded against the person, oldest first, with who
 * (name, role, office), when and what, never the record's contents; and the resident's requests. The
 * report is an access too, so it is recorded first and lists itself.
 */
export async function report(input: unknown): Promise<AccessReport> {
  const caller = assertCan("privacy.report");
  const query = parse(AccessReportQuerySchema, input);
  const nik = query.nik ?? (query.requestId ? (await load(query.requestId))?.nik : undefined);
  if (!nik) throw query.requestId ? NotFoundError("Permintaan warga") : FieldError("nik", "NIK wajib diisi.");
  const nikh = nikHash(nik);
  await Audit.record({
    action: "privacy.report",
    target: { type: "resident", id: nikh },
    summary: "Laporan akses data dibuat",
  });
  const [tagged, residentTarget, personTarget] = await Promise.all([
    byPerson(nikh),
    // Entries written before they carried the person's index key were kept against the resident.
    byPartition(`AUDIT#resident#${nikh}`),
    byPartition(`AUDIT#person#${nikh}`),
  ]);
  const former = await underFormerNiks(tagged);
  const audits = new Map<string, Audit.AuditEntry>();
  for (const raw of [...tagged, ...residentTarget, ...personTarget, ...former.found])
    if (Audit.isEntry(raw)) {
      const e = Audit.fromItem(raw);
      audits.set(e.id, e);
    }
  const requests = tagged.filter((e) => e.type === "privacy-request") as unknown as RequestRecord[];
  const usernames = [...new Set([...audits.values()].map((e) => e.by))].filter(
    (by) => !by.startsWith("sistem:") && by !== "publik",
  );
  // The resident knows a complaint by the tracking code on their receipt, not by its id.
  const complaintIds = [
    ...new Set([...audits.values()].flatMap((e) => (e.targetType === "complaint" ? [e.targetId] : []))),
  ];
  const [found, complaints] = await Promise.all([
    getMany<{ username: string; name: string; scopeName: string }>(
      usernames.map((u) => ({ pk: `USER#${u}`, sk: "USER" })),
    ),
    getMany<{ id: string; trackingCode: string }>(complaintIds.map(complaintKey)),
  ]);
  const users = new Map(found.map((u) => [u.username, u]));
  const codes = new Map(complaints.map((c) => [c.id, c.trackingCode]));
  const entries: AccessEntry[] = [...audits.values()]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((e) => {
      const user = users.get(e.by);
      return {
        id: e.id,
        at: e.at,
        by: e.by,
        ...(user ? { byName: user.name, office: user.scopeName } : {}),
        role: e.role,
        roleLabel: roleLabel(e.role),
        ...describeAction(e.action),
        record: describeRecord(e, codes),
      };
    });
  return {
    nikMasked: maskNik(nik),
    madeAt: nowIso(),
    entries,
    requests: ofPerson(requests, caller),
    formerNiks: former.formerNiks,
  };
}
