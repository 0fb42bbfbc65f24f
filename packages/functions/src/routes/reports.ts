import { Hono } from "hono";
import * as Schema from "@puskesos/core/report/schema";
import { EXPORT_CONTENT_TYPES } from "@puskesos/core/proposal-export/schema";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";
import { REPORT_WORKFLOW } from "@puskesos/core/report/schema";

const tags = ["Laporan"];
// Reports are read a few times a month: their code loads with the first one, not with every cold start.
const Report = async () => (await import("./later.ts")).Report;

const fileResponse = (filename: string) => ({
  mediaTypes: Object.values(EXPORT_CONTENT_TYPES).map((type) => type.split(";")[0]!),
  filename,
});

const send = (
  c: { body: (b: Uint8Array<ArrayBuffer>, s: 200, h: Record<string, string>) => Response },
  file: Schema.FileOut,
) =>
  c.body(file.body, 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": `attachment; filename="${file.filename}"`,
  });

export const reports = new Hono<AppEnv>()
  .get(
    "/monthly",
    operation({
      id: "reports.monthly",
      tags,
      summary: "Laporan bulanan Puskesos satu desa: angka saat ini dan versi yang dikirim ke SLRT",
      description:
        "`month` TTTT-BB, tidak di masa depan. Desa: milik pemanggil, atau `desa` di wilayahnya (lain: 404).",
      response: Schema.MonthlyReportSchema,
    }),
    validate("query", Schema.MonthlyQuerySchema),
    async (c) => c.json(await (await Report()).monthly(c.req.valid("query"))),
  )
  .post(
    "/monthly/submit",
    action(REPORT_WORKFLOW, "submit", {
      tags,
      response: Schema.MonthlyReportSchema,
      description: "`version`: versi terakhir yang dilihat (0: belum ada); koreksi wajib `note`.",
    }),
    validate("json", Schema.SubmitReportSchema),
    async (c) => c.json(await (await Report()).submit(c.req.valid("json"))),
  )
  .get(
    "/monthly/file",
    operation({
      id: "reports.monthlyFile",
      tags,
      summary: "Laporan bulanan sebagai XLSX atau CSV (versi terkirim, atau angka saat ini)",
      response: fileResponse("laporan-33.28.01.2001-2026-11-v1.xlsx"),
    }),
    validate("query", Schema.MonthlyFileQuerySchema),
    async (c) => send(c, await (await Report()).monthlyFile(c.req.valid("query"))),
  )
  .get(
    "/dashboard",
    operation({
      id: "reports.dashboard",
      tags,
      summary: "Dasbor wilayah untuk satu bulan atau tahun",
      response: Schema.DashboardSchema,
    }),
    validate("query", Schema.DashboardQuerySchema),
    async (c) => c.json(await (await Report()).dashboard(c.req.valid("query"))),
  )
  .get(
    "/dashboard/file",
    operation({
      id: "reports.dashboardFile",
      tags,
      summary: "Dasbor yang sama sebagai XLSX atau CSV",
      response: fileResponse("dasbor-33.28-2026-11.xlsx"),
    }),
    validate("query", Schema.DashboardFileQuerySchema),
    async (c) => send(c, await (await Report()).dashboardFile(c.req.valid("query"))),
  );
