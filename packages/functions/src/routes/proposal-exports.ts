import { Hono } from "hono";
import { PROPOSAL_WORKFLOW } from "@puskesos/core/proposal/schema";
import * as Schema from "@puskesos/core/proposal-export/schema";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Ekspor usulan"];
// Exports are rare: their code (and the file writers behind it) loads with the first one, not with
// every cold start of the Lambda.
const Exports = async () => (await import("./later.ts")).Exports;

export const proposalExports = new Hono<AppEnv>()
  .post(
    "/",
    action(PROPOSAL_WORKFLOW, "export", {
      tags,
      response: Schema.ProposalExportViewSchema,
      statuses: [201, 200],
      description:
        "Satu desa (`desaCode`) atau seluruh kabupaten; batch bernomor per tahun. 201 bila baru; 200 bila `id` yang sama dikirim ulang (menyelesaikan batch yang sama).",
    }),
    validate("json", Schema.CreateExportSchema),
    async (c) => {
      const { batch, created } = await (await Exports()).createExport(c.req.valid("json"));
      return c.json(batch, created ? 201 : 200);
    },
  )
  .get(
    "/",
    operation({
      id: "proposalExports.list",
      tags,
      summary: "Batch ekspor usulan kabupaten, terbaru dulu (jumlah, tanpa NIK)",
      response: Schema.ProposalExportPageSchema,
    }),
    validate("query", Schema.ListExportsSchema),
    async (c) => c.json(await (await Exports()).listExports(c.req.valid("query"))),
  )
  .get(
    "/:id/file",
    operation({
      id: "proposalExports.file",
      tags,
      summary: "Berkas batch untuk DTSEN/SIKS-NG (XLSX atau CSV), dibangun ulang dari usulannya",
      description: "Berisi NIK lengkap; tiap unduhan dicatat di log audit.",
      response: {
        mediaTypes: Object.values(Schema.EXPORT_CONTENT_TYPES).map((type) => type.split(";")[0]!),
        filename: "usulan-0001-USULAN-33.28-2026.xlsx",
      },
    }),
    validate("query", Schema.ExportFileQuerySchema),
    async (c) => {
      const file = await (await Exports()).exportFile(c.req.param("id"), c.req.valid("query"));
      return c.body(file.body, 200, {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      });
    },
  );
