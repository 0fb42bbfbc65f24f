import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { storageStatus } from "@puskesos/core/db";
import type { AppEnv } from "../http/env.ts";

export const health = new Hono<AppEnv>().get(
  "/",
  describeRoute({
    tags: ["Sistem"],
    summary: "Status layanan dan penyimpanan",
    description: "200 bila penyimpanan siap, 503 bila tidak.",
  }),
  async (c) => {
    const storage = await storageStatus();
    return c.json({ ok: storage.ok, storage }, storage.ok ? 200 : 503);
  },
);
