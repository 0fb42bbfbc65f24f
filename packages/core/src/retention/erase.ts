import { queryAll, updateIf, type UpdateSpec } from "../db/index.ts";

/** What stands where a name or a free text was: the screens keep their shape and say why it is empty. */
export const ERASED = "(dihapus: masa simpan berakhir)";
export const MASKED_NIK = "****************";
/** A person reduced to nothing that identifies them (the views' reporter shape). */
export const NOBODY = { name: ERASED, nikMasked: MASKED_NIK, rt: "-", rw: "-" };

/** What a record gives the sweep while it still holds personal data. */
export interface Finished {
  id: string;
  state: string;
  version: number;
  anonymizedAt?: string;
}

/**
 * How one kind of record is made anonymous. `erase` is the record's own update: personal fields out,
 * everything the reports count kept, conditional on the state and version read (and on not being
 * anonymous yet), so a change made meanwhile is never overwritten. `followUp` clears the items that hold
 * its personal data besides it; it runs after the record's update and again on a later run if that run
 * was cut short, so each of its writes is idempotent.
 */
export interface Eraser<R extends Finished> {
  load(id: string): Promise<R | undefined>;
  /** When the record last changed: its period runs from that kabupaten day. */
  changedAt(record: R): string;
  erase(record: R, at: string): UpdateSpec;
  followUp(record: R): Promise<void>;
}

/** The condition every record's erasure carries. */
export const unchanged = (r: Finished) => ({ state: r.state, version: r.version, anonymizedAt: undefined });

interface StoredEvent {
  pk: string;
  sk: string;
  entity?: string;
  action: string;
  note?: string;
  changes?: unknown;
}

/** Whose event it is, as the timeline reads it (events written before `entity` was kept name it by action). */
const ownerOf = (e: StoredEvent) =>
  e.entity ?? (e.action === "referral.create" ? "complaint" : e.action.split(".")[0]);

/**
 * The notes (and a correction's earlier values) of one record's events in its complaint's timeline.
 * The events themselves stay: who did what, when, from which state to which.
 */
export async function eraseTimeline(complaintId: string, kind: "complaint" | "referral" | "proposal") {
  const events = await queryAll<StoredEvent>({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :event)",
    ExpressionAttributeValues: { ":pk": `COMPLAINT#${complaintId}`, ":event": "EVENT#" },
  });
  const owned = events.filter((e) => {
    const owner = ownerOf(e);
    return kind === "complaint" ? owner !== "referral" && owner !== "proposal" : owner === kind;
  });
  await Promise.all(
    owned
      .filter((e) => e.note !== undefined || e.changes !== undefined)
      .map((e) => updateIf({ key: { pk: e.pk, sk: e.sk }, remove: ["note", "changes"] })),
  );
}
