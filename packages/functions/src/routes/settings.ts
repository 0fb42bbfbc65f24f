import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as Settings from "@puskesos/core/settings";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

export const settings = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({ tags: ["Pengaturan"], summary: "Pengaturan kabupaten (batas hari, kop surat)" }),
    async (c) => c.json(await Settings.get()),
  )
  .put(
    "/",
    describeRoute({ tags: ["Pengaturan"], summary: "Mengubah pengaturan kabupaten (manajer, admin)" }),
    validate("json", Settings.UpdateSettingsSchema),
    async (c) => c.json(await Settings.update(c.req.valid("json"))),
  );
