import * as Audit from "../audit/index.ts";
import { getMany } from "../db/batch.ts";
import { queryAll } from "../db/index.ts";
import { key as complaintKey } from "../complaint/record.ts";

type Raw = Record<string, unknown>;

/** Every item kept against one resident (audit entries and their requests), by the person index. */
export const byPerson = (nikh: string) =>
  queryAll<Raw>({
    IndexName: "gsi3",
    KeyConditionExpression: "gsi3pk = :pk",
    ExpressionAttributeValues: { ":pk": Audit.personPartition(nikh) },
  });

/** A case's entries are kept against the person; their summary names the case ("Kasus <id>: …"). */
const CASE_IN_SUMMARY = /kasus ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

function about(e: Audit.AuditEntry, records: ReadonlySet<string>) {
  if (records.has(e.targetId)) return true;
  const caseId = e.targetType === "person" ? CASE_IN_SUMMARY.exec(e.summary)?.[1] : undefined;
  return caseId !== undefined && records.has(caseId);
}

/**
 * The accesses made under earlier NIKs to records now this person's. A correction of the NIK links the
 * new NIK to the earlier one and to the records it was held on (Audit `former`). Followed only where
 * the complaint corrected is still this person's (a correction made by mistake and undone leads the
 * other NIK's owner nowhere), to those records' entries only and only from before each correction
 * (the earlier NIK may be someone else's), back through a chain of corrections.
 */
export async function underFormerNiks(tagged: Raw[], nikh: string) {
  const isLink = (raw: Raw) => Audit.isEntry(raw) && typeof raw.formerh === "string";
  const first = tagged.filter(isLink);
  const complaints = await getMany<{ id: string; reporter?: { nikh?: string } }>(
    [...new Set(first.map((raw) => Audit.fromItem(raw).targetId))].map(complaintKey),
  );
  const holds = new Set(complaints.filter((c) => c.reporter?.nikh === nikh).map((c) => c.id));
  const found: Raw[] = [];
  const formerNiks = new Map<string, { nikMasked: string; correctedAt: string }>();
  const seen = new Set<string>();
  let links = first.filter((raw) => holds.has(Audit.fromItem(raw).targetId));
  while (links.length) {
    const next: Raw[] = [];
    for (const link of links) {
      const former = String(link.formerh);
      const at = Audit.fromItem(link).at;
      if (seen.has(`${former}#${at}`)) continue;
      seen.add(`${former}#${at}`);
      if (former !== nikh)
        formerNiks.set(`${former}#${at}`, { nikMasked: String(link.formerMasked), correctedAt: at });
      const records = new Set(Array.isArray(link.formerRecords) ? link.formerRecords.map(String) : []);
      for (const raw of await byPerson(former)) {
        if (!Audit.isEntry(raw)) continue;
        const e = Audit.fromItem(raw);
        if (e.at >= at || !about(e, records)) continue;
        found.push(raw);
        if (isLink(raw)) next.push(raw);
      }
    }
    links = next;
  }
  const earlier = [...formerNiks.values()].sort((a, b) => (a.correctedAt < b.correctedAt ? -1 : 1));
  return { found, formerNiks: earlier };
}
