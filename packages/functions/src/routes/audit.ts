import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as Audit from "@puskesos/core/audit";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

export const audit = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    tags: ["Log audit"],
    summary: "Log audit (admin), terbaru dulu",
    description:
      "Per hari (`day`, bawaan hari ini), per pelaku (`by`), atau per data (`targetType` + `targetId`).",
  }),
  validate("query", Audit.AuditQuerySchema),
  async (c) => c.json(await Audit.list(c.req.valid("query"))),
);
