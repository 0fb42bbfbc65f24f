import { key as caseKey, load as loadCase, type CaseRecord } from "../casework/record.ts";
import { getItem, queryAll, update, type Write } from "../db/index.ts";
import { stayKey } from "../facility/index.ts";
import { key as proposalKey, load as loadProposal, type ProposalRecord } from "../proposal/record.ts";
import { key as referralKey } from "../referral/record.ts";
import { maskNik } from "../resident/index.ts";
import type { ComplaintRecord } from "./record.ts";

type Reporter = ComplaintRecord["reporter"];

/** A proposal whose members were already sent to DTSEN keeps what was sent. */
const EXPORTED = new Set(["diekspor"]);

/** Whether retention has made a record anonymous (then nothing personal goes back onto it). */
type Linked = { anonymizedAt?: string };

/**
 * What a correction of the reporter also changes, in the same transaction as the complaint: the
 * referral's copy of the name and masked NIK, the reporter's own entry among a proposal's members
 * (unless the proposal has been exported), the client of each case opened from the complaint and the
 * name on each of that case's stays in a facility (the occupancy screen's copy). A
 * record retention has made anonymous gets nothing personal back. Each is conditional on the version
 * read, so a change made meanwhile makes the correction fail and be tried again.
 */
export async function correctionWrites(record: ComplaintRecord, reporter: Reporter): Promise<Write[]> {
  const before = record.reporter;
  const moved = reporter.nikh !== before.nikh;
  if (!moved && reporter.name === before.name && reporter.rt === before.rt && reporter.rw === before.rw)
    return [];
  const [referral, proposal, cases] = await Promise.all([
    record.referralId ? getItem<Linked>(referralKey(record.referralId)) : undefined,
    record.proposalId && (moved || reporter.name !== before.name)
      ? (loadProposal(record.proposalId) as Promise<(ProposalRecord & Linked) | undefined>)
      : undefined,
    moved || reporter.name !== before.name ? casesOf(record.id) : [],
  ]);
  return [
    ...(record.referralId && referral && !referral.anonymizedAt
      ? [
          update("referral-reporter", {
            key: referralKey(record.referralId),
            set: {
              reporter: {
                name: reporter.name,
                nikMasked: reporter.nikMasked,
                rt: reporter.rt,
                rw: reporter.rw,
              },
              personh: reporter.nikh,
            },
            expect: { anonymizedAt: undefined },
          }),
        ]
      : []),
    ...(record.proposalId && proposal && !proposal.anonymizedAt && !EXPORTED.has(proposal.state)
      ? memberWrites(record.proposalId, proposal, before.nikh, reporter)
      : []),
    ...cases
      .filter((c) => !c.anonymizedAt && c.client.nikh === before.nikh)
      .flatMap((c) => [
        update("case-client", {
          key: caseKey(c.id),
          set: { client: { ...c.client, name: reporter.name, nik: reporter.nik, nikh: reporter.nikh } },
          add: { version: 1 },
          expect: { version: c.version, anonymizedAt: undefined },
          conflict: "Kasus pelapor ini baru saja diubah. Coba simpan koreksi lagi.",
        }),
        ...(reporter.name === c.client.name
          ? []
          : c.stays.map((s) =>
              update("stay-client", { key: stayKey(s.id), set: { clientName: reporter.name } }),
            )),
      ]),
  ];
}

function memberWrites(id: string, proposal: ProposalRecord, nikh: string, reporter: Reporter): Write[] {
  if (!proposal.members.some((m) => m.nikh === nikh)) return [];
  const members = proposal.members.map((m) =>
    m.nikh === nikh
      ? {
          ...m,
          nik: reporter.nik,
          nikh: reporter.nikh,
          nikMasked: maskNik(reporter.nik),
          name: reporter.name,
        }
      : m,
  );
  return [
    update("proposal-member", {
      key: proposalKey(id),
      set: { members },
      add: { version: 1 },
      expect: { version: proposal.version, anonymizedAt: undefined },
      conflict: "Usulan pelapor ini baru saja diubah. Coba simpan koreksi lagi.",
    }),
  ];
}

/**
 * The records that hold the reporter's data besides the complaint (its referral, proposal and cases):
 * a corrected NIK's access report takes the accesses to them made under the earlier NIK.
 */
export async function linkedRecords(record: ComplaintRecord): Promise<string[]> {
  const cases = await casesOf(record.id);
  return [record.id, record.referralId, record.proposalId, ...cases.map((c) => c.id)].filter(
    (id): id is string => Boolean(id),
  );
}

/** The cases opened from the complaint, found through the events their opening wrote in its timeline. */
async function casesOf(complaintId: string) {
  const events = await queryAll<{ action: string; caseId?: string }>({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :event)",
    ExpressionAttributeValues: { ":pk": `COMPLAINT#${complaintId}`, ":event": "EVENT#" },
  });
  const ids = [...new Set(events.flatMap((e) => (e.action === "case.open" && e.caseId ? [e.caseId] : [])))];
  const found = (await Promise.all(ids.map(loadCase))) as ((CaseRecord & Linked) | undefined)[];
  return found.filter((c) => c !== undefined);
}
