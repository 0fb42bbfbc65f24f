import type { UserActor } from "../actor/index.ts";
import { key as complaintKey } from "../complaint/record.ts";
import { useConfig } from "../config/index.ts";
import { getItem, update, type Write } from "../db/index.ts";
import { ConflictError } from "../error/index.ts";
import { maskNik } from "../resident/nik.ts";
import { formatLocal, nowIso } from "../time/index.ts";
import { isUuid } from "../validation/fields.ts";
import { countsOfProposal, tally } from "../report/tally.ts";
import { closingMarks } from "../retention/mark.ts";
import { actionsFor } from "../workflow/index.ts";
import type { ProposalView } from "./schema.ts";
import { PROPOSAL_STATE_LABELS, PROPOSAL_WORKFLOW, type ProposalState } from "./workflow.ts";

/** The stored proposal: the view with full NIKs and their hashes (for the export and the DPM loop). */
export interface ProposalRecord extends Omit<
  ProposalView,
  "actions" | "kkMasked" | "members" | "verification"
> {
  kk?: string;
  members: (ProposalView["members"][number] & { nik: string; nikh: string })[];
  verification?: NonNullable<ProposalView["verification"]> & { resultId: string };
  updatedBy: string;
}

export const key = (id: string) => ({ pk: `PROPOSAL#${id}`, sk: "PROPOSAL" });

export const load = async (id: string) => (isUuid(id) ? getItem<ProposalRecord>(key(id)) : undefined);

/**
 * Index keys: gsi1 the kabupaten's proposals in one state, gsi2 all of them, both sorted by desa
 * (so a kecamatan or a desa is a `begins_with`), gsi3 the visits scheduled for a kabupaten day.
 */
export function indexKeys(p: Pick<ProposalRecord, "id" | "desaCode" | "createdAt" | "state" | "schedule">) {
  const kabupaten = useConfig().kabupatenCode;
  const sort = `${p.desaCode}#${p.createdAt}#${p.id}`;
  return {
    gsi1pk: `PROPOSALS#${kabupaten}#${p.state}`,
    gsi1sk: sort,
    gsi2pk: `PROPOSALS#${kabupaten}`,
    gsi2sk: sort,
    ...(p.state === "dijadwalkan" && p.schedule
      ? { gsi3pk: `VISITS#${kabupaten}#${p.schedule.visitDate}`, gsi3sk: sort }
      : {}),
  };
}

export function toView(record: ProposalRecord, caller: UserActor): ProposalView {
  const { kk, members, verification, updatedBy: _by, ...rest } = record;
  const shown = Object.fromEntries(
    Object.entries(rest).filter(([name]) => !/^(pk|sk|type|gsi\d(pk|sk))$/.test(name)),
  ) as Omit<ProposalView, "actions" | "members" | "kkMasked">;
  return {
    ...shown,
    assets: rest.assets ?? [],
    // Proposals made before the address was kept with them.
    address: rest.address ?? { rt: "-", rw: "-" },
    updatedAt: rest.updatedAt ?? rest.createdAt,
    ...(kk ? { kkMasked: maskNik(kk) } : {}),
    members: members.map(({ nikMasked, name, relationship }) => ({ nikMasked, name, relationship })),
    ...(verification ? { verification: (({ resultId: _id, ...v }) => v)(verification) } : {}),
    actions: actionsFor(PROPOSAL_WORKFLOW, record, caller),
  };
}

/**
 * A proposal's move as the writes of one transaction: the proposal (conditional on the state and
 * version the caller decided on, its index keys following the state) and the state its complaint
 * shows beside it (no version change there: the back office's work on the complaint goes on).
 */
export function moveWrites(
  record: ProposalRecord,
  to: ProposalState,
  caller: { username: string },
  set: Partial<ProposalRecord> = {},
): Write[] {
  const now = nowIso();
  const next = { ...record, ...set, state: to };
  const keys = indexKeys(next);
  return [
    update("proposal", {
      key: key(record.id),
      set: { ...set, ...keys, state: to, updatedAt: now, updatedBy: caller.username },
      add: { version: 1 },
      ...(keys.gsi3pk ? {} : { remove: ["gsi3pk", "gsi3sk"] }),
      expect: { state: record.state, version: record.version },
    }),
    update("complaint-proposal", {
      key: complaintKey(record.complaintId),
      set: { proposalState: to },
      expect: { proposalId: record.id },
    }),
    ...tally(countsOfProposal(record), countsOfProposal(next)),
    ...closingMarks("proposal", record.id, record.state, to),
  ];
}

/** The 409 that tells the loser of a race what happened to the proposal. */
export const stale = (current: ProposalRecord) =>
  ConflictError(
    `Usulan ini sudah berubah: sekarang "${PROPOSAL_STATE_LABELS[current.state]}"${current.verification ? ` (hasil verval "${current.verification.result}" oleh ${current.verification.byName})` : ""} (oleh ${current.updatedBy}, ${formatLocal(current.updatedAt)}). Muat ulang untuk melihatnya.`,
  );
