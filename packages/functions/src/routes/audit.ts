import { Hono } from "hono";
import * as Audit from "@puskesos/core/audit";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

export const audit = new Hono<AppEnv>().get(
  "/",
  operation({
    id: "audit.list",
    tags: ["Log audit"],
    summary: "Log audit (admin), terbaru dulu",
    description:
      "Per hari (`day`, bawaan hari ini), per pelaku (`by`), atau per data (`targetType` + `targetId`).",
    response: Audit.AuditPageSchema,
  }),
  validate("query", Audit.AuditQuerySchema),
  async (c) => c.json(await Audit.list(c.req.valid("query"))),
);
