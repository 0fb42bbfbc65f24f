import { Hono } from "hono";
import { HealthSchema, storageStatus, type Health } from "@puskesos/core/db";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";

export const health = new Hono<AppEnv>().get(
  "/",
  operation({
    id: "health.get",
    tags: ["Sistem"],
    summary: "Status layanan dan penyimpanan",
    description: "200 bila penyimpanan siap, 503 bila tidak.",
    response: HealthSchema,
  }),
  async (c) => {
    const storage = await storageStatus();
    const body: Health = { ok: storage.ok, storage };
    return c.json(body, storage.ok ? 200 : 503);
  },
);
