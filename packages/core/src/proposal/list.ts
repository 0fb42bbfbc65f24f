import * as Audit from "../audit/index.ts";
import { assertCan, assertInScope } from "../actor/index.ts";
import { useConfig } from "../config/index.ts";
import { queryPage, type Page, type Query } from "../db/index.ts";
import { NotFoundError } from "../error/index.ts";
import { parse } from "../validation/index.ts";
import { load, toView, type ProposalRecord } from "./record.ts";
import { ListProposalsSchema, type ProposalView } from "./schema.ts";

/**
 * Proposals of the caller's scope, all of it by default, narrowed to a kecamatan or a desa, to a
 * state, or to the visits scheduled on a day; oldest first within each desa. Each is one Query on a
 * kabupaten-wide index whose sort key starts with the desa code, so an area is a `begins_with`.
 */
export async function list(query: unknown): Promise<Page<ProposalView>> {
  const caller = assertCan("proposal.list");
  const q = parse(ListProposalsSchema, query);
  const area = caller.scope.level === "desa" ? caller.scope.code : (q.desa ?? q.kecamatan);
  if (area) assertInScope(area, "Wilayah");
  const prefix =
    caller.scope.level !== "kabupaten" && (!area || area === caller.scope.code) ? caller.scope.code : area;
  const kabupaten = useConfig().kabupatenCode;
  const partition = q.visitDate
    ? { index: "gsi3", name: "gsi3pk", value: `VISITS#${kabupaten}#${q.visitDate}` }
    : q.state
      ? { index: "gsi1", name: "gsi1pk", value: `PROPOSALS#${kabupaten}#${q.state}` }
      : { index: "gsi2", name: "gsi2pk", value: `PROPOSALS#${kabupaten}` };
  const sortKey = partition.name.replace("pk", "sk");
  // A desa code ends its part of the sort key with "#"; a kecamatan code is followed by ".".
  const start = prefix ? `${prefix}${prefix.split(".").length === 4 ? "#" : "."}` : undefined;
  const keyed: Query = {
    IndexName: partition.index,
    KeyConditionExpression: start
      ? `${partition.name} = :pk AND begins_with(${sortKey}, :area)`
      : `${partition.name} = :pk`,
    ExpressionAttributeValues: { ":pk": partition.value, ...(start ? { ":area": start } : {}) },
  };
  const page = await queryPage<ProposalRecord>(keyed, { limit: 50, cursor: q.cursor });
  // A day's visits are what the survey team takes onto the phone ("Bawa kunjungan hari ini"): names
  // and masked NIKs leave the office, so each member finds it in the access report by NIK.
  if (q.visitDate)
    await Audit.recordMany(
      page.items.flatMap((p) =>
        p.members.map((m) => ({
          action: "proposal.visits",
          target: { type: "proposal", id: p.id },
          summary: `Daftar kunjungan verval ${q.visitDate} (${p.members.length} anggota)`,
          person: m.nikh,
        })),
      ),
    );
  return { ...page, items: page.items.map((item) => toView(item, caller)) };
}

/** One proposal of the caller's scope. */
export async function get(id: string): Promise<ProposalView> {
  const caller = assertCan("proposal.list");
  const record = await load(id);
  if (!record) throw NotFoundError("Usulan");
  assertInScope(record.desaCode, "Usulan");
  await Audit.recordMany(
    record.members.map((m) => ({
      action: "proposal.read",
      target: { type: "proposal", id },
      summary: `Membuka usulan rumah tangga (${record.members.length} anggota)`,
      person: m.nikh,
    })),
  );
  return toView(record, caller);
}
