import { assertCan, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { useConfig } from "../config/index.ts";
import { queryAll, queryPage, type Query } from "../db/index.ts";
import { NotFoundError } from "../error/index.ts";
import { parse } from "../validation/index.ts";
import { reaches } from "../workflow/index.ts";
import { loadFile, personOf, toView, type CaseRecord } from "./record.ts";
import { ListCasesSchema, type CaseFile, type CasePage, type CaseView } from "./schema.ts";
import { AWAITING_APPROVAL, CASE_WORKFLOW, isCaseWorker } from "./workflow.ts";

/**
 * A case file with its entries. Case notes are the most sensitive data here (health, disability,
 * children, criminal history): only the responsible worker, the worker's supervisor and the manajer
 * reach it, and every opening is audited against the person.
 */
export async function get(id: string): Promise<CaseFile> {
  const caller = assertCan("case.read");
  const file = await loadFile(id);
  if (!file || !reaches(CASE_WORKFLOW, file.record, caller)) throw NotFoundError("Kasus");
  await Audit.record({
    action: "case.read",
    target: personOf(file.record),
    summary: `Membuka berkas kasus ${id}`,
  });
  const entries = file.entries.map(({ action, label, at, by, byName, role, data }) => ({
    action,
    label,
    at,
    by,
    byName,
    role,
    data,
  }));
  return { case: toView(file.record, caller), entries };
}

/** The caller's cases, open or closed: a worker's own, a supervisor's workers' in its kecamatan, the manajer's all. */
function casesOf(caller: UserActor, status: "open" | "closed"): Query {
  if (isCaseWorker(caller.role))
    return {
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk AND begins_with(gsi1sk, :status)",
      ExpressionAttributeValues: { ":pk": `CASEWORKER#${caller.username}`, ":status": `${status}#` },
    };
  const partition = `CASES#${useConfig().kabupatenCode}#${status}`;
  return caller.scope.level === "kabupaten"
    ? {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk",
        ExpressionAttributeValues: { ":pk": partition },
      }
    : {
        IndexName: "gsi2",
        KeyConditionExpression: "gsi2pk = :pk AND begins_with(gsi2sk, :area)",
        ExpressionAttributeValues: { ":pk": partition, ":area": `${caller.scope.code}#` },
      };
}

/**
 * Whether a case waits for the caller: an assessment and plan to make (a new case has no target yet, so
 * nothing else would bring it back to its worker), an approval to give, a plan or termination returned,
 * a target passed.
 */
export const needsAction = (view: CaseView) =>
  view.overdueSteps > 0 ||
  (view.state === "asesmen" && view.actions.some((a) => a === "assess" || a === "submit-plan")) ||
  (AWAITING_APPROVAL.includes(view.state as CaseRecord["state"]) && view.actions.length > 0) ||
  (view.returned && view.actions.length > 0);

/**
 * A case as a list shows it: who, what kind of PPKS, where it stands; the notes, the plan and what is
 * known of the client stay in the file, whose every opening is audited.
 */
function summary(view: CaseView): CaseView {
  const { plan: _p, returnNote: _n, client, ...rest } = view;
  const { known: _k, origin: _o, birthDate: _b, ...who } = client;
  return { ...rest, client: who, stays: [] };
}

export async function list(query: unknown): Promise<CasePage> {
  const caller = assertCan("case.read");
  const q = parse(ListCasesSchema, query);
  if (q.status === "perlu-tindakan") {
    const open = await queryAll<CaseRecord>(casesOf(caller, "open"));
    return {
      items: open
        .map((r) => toView(r, caller))
        .filter(needsAction)
        .map(summary),
    };
  }
  const page = await queryPage<CaseRecord>(casesOf(caller, q.status === "ditutup" ? "closed" : "open"), {
    limit: 50,
    cursor: q.cursor,
  });
  return { ...page, items: page.items.map((r) => summary(toView(r, caller))) };
}
