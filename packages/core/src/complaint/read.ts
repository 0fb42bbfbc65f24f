import type { QueryCommandInput } from "../db/commands.ts";
import { assertCan, assertInScope, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { openCaseOf } from "../casework/one-per-complaint.ts";
import { queryFiltered, type Page } from "../db/index.ts";
import { nameKey } from "../dpm/name.ts";
import { ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import { maskNik, nikHash } from "../resident/index.ts";
import * as Timeline from "../timeline/index.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize } from "../workflow/index.ts";
import { load, toView, type ComplaintRecord } from "./record.ts";
import { ListComplaintsSchema, type ComplaintView } from "./schema.ts";
import { COMPLAINT_WORKFLOW } from "./workflow.ts";

/** A complaint of the caller's reach, or 404 (its existence does not leak). */
async function inReach(id: string): Promise<ComplaintRecord> {
  assertCan("complaint.read");
  const record = await load(id);
  if (!record) throw NotFoundError("Pengaduan");
  assertInScope(record.desaCode, "Pengaduan");
  return record;
}

/** Opens one complaint of the caller's scope, NIK masked; the read is in the audit log. */
export async function get(id: string): Promise<ComplaintView> {
  const record = await inReach(id);
  await Audit.record({
    action: "complaint.read",
    target: { type: "complaint", id },
    summary: "Membuka pengaduan",
    person: record.reporter.nikh,
  });
  return toView(record, useUser());
}

/** A complaint with its timeline, as its page shows them: one read, so one entry in the access log. */
export async function getWithTimeline(id: string) {
  const complaint = await get(id);
  const timeline = await Timeline.list(id, { notes: true });
  const openCase = await openCaseOf(id, timeline);
  return { complaint, timeline, ...(openCase ? { openCase } : {}) };
}

/** Shows the full NIK: a deliberate action, recorded against the complaint and the resident. */
export async function revealNik(id: string): Promise<{ nik: string; kk?: string }> {
  const caller = useUser();
  assertMayTake(COMPLAINT_WORKFLOW, "reveal-nik", caller);
  const record = await load(id);
  if (!record) throw NotFoundError("Pengaduan");
  authorize(COMPLAINT_WORKFLOW, "reveal-nik", record, caller, {
    stale: () => ConflictError("NIK pengaduan ini tidak dapat ditampilkan."),
  });
  await Audit.record({
    action: "complaint.reveal-nik",
    target: { type: "complaint", id },
    summary: "Menampilkan NIK lengkap",
    person: record.reporter.nikh,
  });
  return { nik: record.reporter.nik, ...(record.reporter.kk ? { kk: record.reporter.kk } : {}) };
}

/** The complaint's timeline, for anyone who may open it. */
export async function timeline(id: string): Promise<Timeline.TimelineEntry[]> {
  const record = await inReach(id);
  await Audit.record({
    action: "complaint.timeline",
    target: { type: "complaint", id },
    summary: "Membuka riwayat pengaduan",
    person: record.reporter.nikh,
  });
  return Timeline.list(id, { notes: true });
}

/** The desa's complaints, newest first: by queue day, state, category, name or NIK; 25 a page. */
export async function list(query: unknown): Promise<Page<ComplaintView>> {
  const caller = assertCan("complaint.read");
  const q = parse(ListComplaintsSchema, query);
  const desa = caller.scope.level === "desa" ? caller.scope.code : q.desa;
  if (!desa)
    throw ValidationError("Pilih desa yang ingin dilihat.", [
      { field: "desa", message: "Pilih desa yang ingin dilihat." },
    ]);
  assertInScope(desa, "Desa");
  let keyed: Pick<QueryCommandInput, "KeyConditionExpression" | "ExpressionAttributeValues"> & {
    IndexName: string;
  };
  if (q.nik) {
    const nikh = nikHash(q.nik);
    keyed = {
      IndexName: "gsi3",
      KeyConditionExpression: "gsi3pk = :pk",
      ExpressionAttributeValues: { ":pk": `NIK#${nikh}` },
    };
    await Audit.record({
      action: "complaint.search-nik",
      target: { type: "resident", id: nikh },
      summary: `Mencari pengaduan di ${desa} dengan NIK ${maskNik(q.nik)}`,
    });
  } else if (q.state) {
    keyed = {
      IndexName: "gsi2",
      KeyConditionExpression: "gsi2pk = :pk",
      ExpressionAttributeValues: { ":pk": `DESA#${desa}#STATE#${q.state}` },
    };
  } else {
    keyed = {
      IndexName: "gsi1",
      KeyConditionExpression: q.day ? "gsi1pk = :pk AND begins_with(gsi1sk, :day)" : "gsi1pk = :pk",
      ExpressionAttributeValues: {
        ":pk": `DESA#${desa}#COMPLAINT`,
        ...(q.day ? { ":day": `${q.day}#` } : {}),
      },
    };
  }
  // The indexes keep keys only: what the key does not pick is checked on the complaints read.
  const name = q.name ? nameKey(q.name) : undefined;
  const wanted = (c: ComplaintRecord) =>
    c.desaCode === desa &&
    (!q.state || c.state === q.state) &&
    (!q.day || c.queueDay === q.day) &&
    (!q.category || c.category === q.category) &&
    (!name || (c.reporter.nameKey ?? "").includes(name));
  const page = await queryFiltered<ComplaintRecord>({ ...keyed, ScanIndexForward: false }, wanted, {
    limit: 25,
    cursor: q.cursor,
  });
  return { ...page, items: page.items.map((item) => toView(item, caller)) };
}
