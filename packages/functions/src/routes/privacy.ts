import { Hono } from "hono";
import * as S from "@puskesos/core/privacy/schema";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Pelindungan data"];
const Privacy = async () => (await import("./later.ts")).Privacy;

export const privacy = new Hono<AppEnv>()
  .post(
    "/access-report",
    operation({
      id: "privacy.accessReport",
      tags,
      summary: "Laporan akses data seorang warga menurut NIK",
      description:
        "NIK dikirim di badan permintaan, tidak pernah di alamat. Setiap pembacaan dan perubahan data warga itu, terlama dulu, beserta permintaannya; laporan ini sendiri ikut dicatat.",
      response: S.AccessReportSchema,
    }),
    validate("json", S.AccessReportQuerySchema),
    async (c) => c.json(await (await Privacy()).report(c.req.valid("json"))),
  )
  .get(
    "/requests",
    operation({
      id: "privacyRequests.list",
      tags,
      summary: "Permintaan warga: yang terbuka (jatuh tempo terdekat dulu) atau semua",
      response: S.RequestPageSchema,
    }),
    validate("query", S.ListRequestsSchema),
    async (c) => c.json(await (await Privacy()).list(c.req.valid("query"))),
  )
  .post(
    "/requests",
    operation({
      id: "privacyRequests.create",
      tags,
      summary: "Mencatat permintaan warga (akses, koreksi, penghapusan, keberatan)",
      response: S.RequestViewSchema,
      statuses: [201],
    }),
    validate("json", S.CreateRequestSchema),
    async (c) => c.json(await (await Privacy()).create(c.req.valid("json")), 201),
  )
  .get(
    "/requests/:id",
    operation({
      id: "privacyRequests.get",
      tags,
      summary: "Satu permintaan warga",
      response: S.RequestViewSchema,
    }),
    async (c) => c.json(await (await Privacy()).get(c.req.param("id"))),
  )
  .post(
    "/requests/:id/answer",
    action(S.REQUEST_WORKFLOW, "answer", { tags, response: S.RequestViewSchema }),
    validate("json", S.AnswerRequestSchema),
    async (c) => c.json(await (await Privacy()).answer(c.req.param("id"), c.req.valid("json"))),
  )
  .post(
    "/requests/:id/decline",
    action(S.REQUEST_WORKFLOW, "decline", { tags, response: S.RequestViewSchema }),
    validate("json", S.DeclineRequestSchema),
    async (c) => c.json(await (await Privacy()).decline(c.req.param("id"), c.req.valid("json"))),
  );
