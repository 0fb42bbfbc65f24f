import { assertCan, useUser, type UserActor } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import * as Catalog from "../catalog/index.ts";
import { failedWrite, put, putNew, queryAll, queryKeys, transact, type Write } from "../db/index.ts";
import { ConflictError, ValidationError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { actionsFor, assertMayTake, authorize } from "../workflow/index.ts";
import { figuresOf } from "./figures.ts";
import { assertPast, monthEnded } from "./period.ts";
import {
  MonthlyQuerySchema,
  sameFigures,
  SubmitReportSchema,
  type Figures,
  type MonthlyReport,
  type Submission,
} from "./schema.ts";
import { monthOf } from "./stats.ts";
import { REPORT_WORKFLOW, type ReportState } from "./workflow.ts";

/**
 * A desa's monthly Puskesos report: the month's counters as figures, and the versions the koordinator
 * sent to the SLRT. Each version is kept as it was sent (pk `MONTHLY#<desa>#<month>`, sk `V#<nnnn>`);
 * `LATEST` says which is the newest and is where the dashboard finds which desa have sent (gsi1).
 */
const partition = (desa: string, month: string) => `MONTHLY#${desa}#${month}`;
const versionKey = (desa: string, month: string, n: number) => ({
  pk: partition(desa, month),
  sk: `V#${String(n).padStart(4, "0")}`,
});
const latestKey = (desa: string, month: string) => ({ pk: partition(desa, month), sk: "LATEST" });

/** Where the dashboard finds the desa of a month that sent their report. */
export const submittedIndex = (month: string) => `SUBMITTED#${month}`;

/**
 * The index sort key of a desa's latest report: the desa, then the version and when it was sent, so the
 * dashboard's "who has sent" reads the keys-only index alone, without the items.
 */
export const submittedSort = (desaCode: string, version: number, submittedAt: string) =>
  `${desaCode}#${String(version).padStart(4, "0")}#${submittedAt}`;

/** The desa of an area that have sent the month's report, each with its latest version and when. */
export async function submittedIn(month: string, areaCode: string) {
  const entries = await queryKeys({
    IndexName: "gsi1",
    KeyConditionExpression: "gsi1pk = :pk AND begins_with(gsi1sk, :area)",
    ExpressionAttributeValues: { ":pk": submittedIndex(month), ":area": `${areaCode}.` },
  });
  return entries.map((e) => {
    const [desaCode = "", version = "0", submittedAt = ""] = e.gsi1sk!.split("#");
    return { desaCode, version: Number(version), submittedAt };
  });
}

/** The desa the caller asks for: its own, or one its scope covers; 404 outside it. */
async function desaOf(caller: UserActor, named: string | undefined) {
  const code = caller.scope.level === "desa" ? caller.scope.code : named;
  if (!code) throw ValidationError("Pilih desa.", [{ field: "desa", message: "Pilih desa." }]);
  const region = await Region.get(code);
  if (region.level !== "desa")
    throw ValidationError("Pilih desa.", [{ field: "desa", message: "Kode bukan desa." }]);
  return region;
}

async function submissions(desa: string, month: string): Promise<Submission[]> {
  const items = await queryAll<Submission & { sk: string }>({
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :v)",
    ExpressionAttributeValues: { ":pk": partition(desa, month), ":v": "V#" },
    ScanIndexForward: false,
    ConsistentRead: true,
  });
  return items.map(({ version, submittedAt, submittedBy, submittedByName, note, figures }) => ({
    version,
    submittedAt,
    submittedBy,
    submittedByName,
    ...(note ? { note } : {}),
    figures,
  }));
}

async function build(caller: UserActor, desaCode: string | undefined, month: string): Promise<MonthlyReport> {
  assertPast(month, "month");
  const desa = await desaOf(caller, desaCode);
  const [stats, sent, catalog, kabupaten] = await Promise.all([
    monthOf(desa.code, month),
    submissions(desa.code, month),
    Catalog.load(),
    Region.current(),
  ]);
  const state: ReportState = sent.length ? "dikirim" : "belum-dikirim";
  const figures = figuresOf(stats, catalog.opds);
  return {
    desaCode: desa.code,
    desaName: desa.name,
    desaKind: desa.kind,
    kecamatanCode: desa.kecamatanCode,
    kecamatanName: desa.kecamatanName,
    kabupatenName: kabupaten.name,
    month,
    monthEnded: monthEnded(month),
    state,
    figures,
    submissions: sent,
    actions: offered(actionsFor(REPORT_WORKFLOW, { state, desaCode: desa.code }, caller), figures, sent),
  };
}

/** The report of a desa and month for whoever may read it (its koordinator, kepala desa, and above). */
export async function get(query: unknown): Promise<MonthlyReport> {
  const caller = assertCan("report.read");
  const q = parse(MonthlyQuerySchema, query);
  return build(caller, q.desa, q.month);
}

/**
 * The koordinator sends the month's figures as they are now to the SLRT; sending again is a
 * correction, a new version with what was corrected. Conditional on the version the koordinator saw.
 */
export async function submit(input: unknown): Promise<MonthlyReport> {
  const caller = useUser();
  const data = parse(SubmitReportSchema, input);
  const action = data.version === 0 ? "submit" : "correct";
  assertMayTake(REPORT_WORKFLOW, action, caller);
  const report = await build(caller, data.desa, data.month);
  const latest = report.submissions[0]?.version ?? 0;
  // The report's version is the number of versions sent: the one the koordinator saw must still be the last.
  authorize(
    REPORT_WORKFLOW,
    action,
    { state: report.state, desaCode: report.desaCode, version: latest },
    caller,
    { version: data.version, stale: () => stale(report) },
  );
  if (action === "correct" && !data.note)
    throw ValidationError("Tulis apa yang dikoreksi.", [
      { field: "note", message: "Tulis apa yang dikoreksi." },
    ]);
  const last = report.submissions[0];
  // A correction that changes no figure would be a second copy of the last version under a new number.
  if (action === "correct" && last && sameFigures(last.figures, report.figures))
    throw ValidationError(`Angka saat ini sama dengan versi ${last.version}: tidak ada yang dikoreksi.`, []);
  const version = latest + 1;
  const now = nowIso();
  const sent: Submission = {
    version,
    submittedAt: now,
    submittedBy: caller.username,
    submittedByName: caller.name,
    ...(data.note ? { note: data.note } : {}),
    figures: report.figures,
  };
  const writes: Write[] = [
    putNew("report-version", {
      ...versionKey(report.desaCode, data.month, version),
      type: "report",
      ...sent,
    }),
    put("report-latest", {
      ...latestKey(report.desaCode, data.month),
      type: "report-latest",
      version,
      submittedAt: now,
      gsi1pk: submittedIndex(data.month),
      gsi1sk: submittedSort(report.desaCode, version, now),
    }),
    Audit.entry({
      action: `report.${action}`,
      target: { type: "report", id: `${report.desaCode}#${data.month}` },
      summary: `${action === "submit" ? "Mengirim" : "Mengoreksi"} laporan bulanan ${data.month} (versi ${version})`,
    }),
  ];
  try {
    await transact(writes);
  } catch (error) {
    if (failedWrite(error) === "report-version") throw stale(await build(caller, data.desa, data.month));
    throw error;
  }
  return {
    ...report,
    state: "dikirim",
    submissions: [sent, ...report.submissions],
    actions: offered(
      actionsFor(REPORT_WORKFLOW, { state: "dikirim", desaCode: report.desaCode }, caller),
      report.figures,
      [sent],
    ),
  };
}

/** A correction is offered only once a figure differs from the last version sent (else it is refused). */
function offered<A extends string>(actions: A[], figures: Figures, sent: readonly { figures: Figures }[]) {
  const last = sent[0];
  return last && sameFigures(last.figures, figures) ? actions.filter((a) => a !== "correct") : actions;
}

const stale = (report: MonthlyReport) => {
  const last = report.submissions[0];
  return ConflictError(
    last
      ? `Laporan ini sudah dikirim (versi ${last.version} oleh ${last.submittedByName}). Muat ulang untuk melihatnya.`
      : "Laporan ini belum pernah dikirim. Muat ulang lalu coba lagi.",
  );
};
