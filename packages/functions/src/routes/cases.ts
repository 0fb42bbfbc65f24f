import { Hono } from "hono";
import * as S from "@puskesos/core/casework/schema";

import { ValidationError } from "@puskesos/core/error";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

// Casework loads with its first request, not with every cold start.
const Case = async () => (await import("./later.ts")).Case;
const tags = ["Kasus"];
const response = S.CaseViewSchema;
const step = (name: S.CaseAction) => action(S.CASE_WORKFLOW, name, { tags, response });
const id = (c: { req: { param(name: "id"): string } }) => c.req.param("id");

export const cases = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "cases.list",
      tags,
      summary: "Kasus pemanggil: terbuka, ditutup, atau yang perlu tindakan",
      description:
        "Pekerja sosial: kasusnya sendiri; supervisor: kasus pekerja sosial kecamatannya; manajer: semua.",
      response: S.CasePageSchema,
    }),
    validate("query", S.ListCasesSchema),
    async (c) => c.json(await (await Case()).list(c.req.valid("query"))),
  )
  .post(
    "/",
    operation({
      id: "cases.open",
      tags,
      summary: "Membuka kasus untuk klien PPKS",
      description:
        "Dari pengaduan, dari rujukan yang disetujui, atau langsung (penjangkauan, Satpol PP, polisi).",
      response,
      statuses: [201],
    }),
    validate("json", S.OpenCaseSchema),
    async (c) => c.json(await (await Case()).open(c.req.valid("json")), 201),
  )
  .get(
    "/workers",
    operation({
      id: "cases.workers",
      tags,
      summary: "Pekerja sosial yang dapat menangani kasus di suatu wilayah",
      response: S.WorkersSchema,
    }),
    validate("query", S.WorkersQuerySchema),
    async (c) => c.json(await (await Case()).workers(c.req.valid("query"))),
  )
  .get(
    "/handover-keys",
    operation({
      id: "cases.handoverKeys",
      tags,
      summary: "Kunci publik stack ini dan kabupaten pengirim tepercaya",
      response: S.TrustedSendersSchema,
    }),
    async (c) => c.json(await (await Case()).trustedSenders()),
  )
  .post(
    "/handover-keys",
    operation({
      id: "cases.trustSender",
      tags,
      summary: "Mendaftarkan kunci publik kabupaten pengirim",
      response: S.TrustedSenderSchema,
      statuses: [201],
    }),
    validate("json", S.AddTrustedSenderSchema),
    async (c) => c.json(await (await Case()).trustSender(c.req.valid("json")), 201),
  )
  .delete(
    "/handover-keys/:code",
    operation({
      id: "cases.untrustSender",
      tags,
      summary: "Berhenti memercayai kunci kabupaten pengirim",
      description: "Berkas serah terima yang ditandatangani kunci itu ditolak sesudahnya.",
      response: S.UntrustedSenderSchema,
    }),
    async (c) => c.json(await (await Case()).untrustSender(c.req.param("code"))),
  )
  .post(
    "/import",
    operation({
      id: "cases.import",
      tags,
      summary: "Membuka kasus dari berkas serah terima kabupaten lain",
      description:
        "Ditolak (dan dicatat di log audit) bila berkas diubah, ditandatangani kabupaten yang belum dipercaya, atau ditujukan ke kabupaten lain.",
      response,
      statuses: [201],
    }),
    validate("json", S.ImportHandoverSchema),
    async (c) => c.json(await (await Case()).importFile(c.req.valid("json")), 201),
  )
  .get(
    "/:id",
    operation({
      id: "cases.get",
      tags,
      summary: "Berkas kasus dengan catatannya",
      description:
        "Hanya pekerja sosial penanggung jawab, supervisornya, dan manajer; pembukaan dicatat di log audit.",
      response: S.CaseFileSchema,
    }),
    async (c) => c.json(await (await Case()).get(id(c))),
  )
  .get(
    "/:id/handover",
    operation({
      id: "cases.handoverFile",
      tags,
      summary: "Berkas serah terima bertanda tangan (untuk dikirim dan dicetak)",
      response: S.HandoverDownloadSchema,
    }),
    async (c) => c.json(await (await Case()).handoverFile(id(c))),
  )
  .post("/:id/assess", step("assess"), validate("json", S.AssessmentSchema), async (c) =>
    c.json(await (await Case()).assess(id(c), c.req.valid("json"))),
  )
  .post("/:id/submit-plan", step("submit-plan"), validate("json", S.PlanSchema), async (c) =>
    c.json(await (await Case()).submitPlan(id(c), c.req.valid("json"))),
  )
  .post("/:id/approve-plan", step("approve-plan"), validate("json", S.ApproveCaseSchema), async (c) =>
    c.json(await (await Case()).approvePlan(id(c), c.req.valid("json"))),
  )
  .post("/:id/return-plan", step("return-plan"), validate("json", S.ReturnCaseSchema), async (c) =>
    c.json(await (await Case()).returnPlan(id(c), c.req.valid("json"))),
  )
  .post("/:id/intervene", step("intervene"), validate("json", S.InterventionSchema), async (c) =>
    c.json(await (await Case()).intervene(id(c), c.req.valid("json"))),
  )
  .post("/:id/evaluate", step("evaluate"), validate("json", S.EvaluationSchema), async (c) =>
    c.json(await (await Case()).evaluate(id(c), c.req.valid("json"))),
  )
  .post(
    "/:id/submit-termination",
    step("submit-termination"),
    validate("json", S.TerminationSchema),
    async (c) => c.json(await (await Case()).submitTermination(id(c), c.req.valid("json"))),
  )
  .post(
    "/:id/approve-termination",
    step("approve-termination"),
    validate("json", S.ApproveCaseSchema),
    async (c) => c.json(await (await Case()).approveTermination(id(c), c.req.valid("json"))),
  )
  .post(
    "/:id/return-termination",
    step("return-termination"),
    validate("json", S.ReturnCaseSchema),
    async (c) => c.json(await (await Case()).returnTermination(id(c), c.req.valid("json"))),
  )
  .post("/:id/admit", step("admit"), validate("json", S.AdmitSchema), async (c) =>
    c.json(await (await Case()).admit(id(c), c.req.valid("json"))),
  )
  .post("/:id/discharge", step("discharge"), validate("json", S.DischargeSchema), async (c) =>
    c.json(await (await Case()).discharge(id(c), c.req.valid("json"))),
  )
  .post("/:id/hand-over", step("hand-over"), validate("json", S.HandOverSchema), async (c) =>
    c.json(await (await Case()).handOver(id(c), c.req.valid("json"))),
  )
  .post("/:id/:action", (c) => {
    const name = c.req.param("action");
    throw ValidationError("Tindakan kasus tidak dikenal.", [
      { field: "action", message: `Tindakan "${name}" tidak dikenal.` },
    ]);
  });
