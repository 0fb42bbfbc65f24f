import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { listOpds } from "@puskesos/core/catalog";
import type { AppEnv } from "../http/env.ts";

export const catalog = new Hono<AppEnv>().get(
  "/opd",
  describeRoute({ tags: ["Katalog"], summary: "Daftar OPD" }),
  (c) => c.json(listOpds()),
);
