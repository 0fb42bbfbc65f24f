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
import { ConflictError, FieldError, NotFoundError } from "../error/index.ts";
import { byPerson, underFormerNiks } from "./former-niks.ts";
import { AccessReportQuerySchema, type AccessEntry, type AccessReport } from "./schema.ts";

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
  const request = query.requestId ? await load(query.requestId) : undefined;
  if (query.requestId && !request) throw NotFoundError("Permintaan warga");
  const nik = query.nik ?? request?.nik;
  if (!nik)
    throw request
      ? ConflictError(
          "NIK pada permintaan ini sudah dihapus karena masa simpannya lewat. Buat laporan dengan NIK warga.",
        )
      : FieldError("nik", "NIK wajib diisi.");
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
  const former = await underFormerNiks(tagged, nikh);
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
