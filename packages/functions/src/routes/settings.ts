import { Hono } from "hono";
import * as Settings from "@puskesos/core/settings";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Pengaturan"];

export const settings = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "settings.get",
      tags,
      summary: "Pengaturan kabupaten (batas hari, kop surat)",
      response: Settings.SettingsSchema,
    }),
    async (c) => c.json(await Settings.get()),
  )
  .put(
    "/",
    operation({
      id: "settings.update",
      tags,
      summary: "Mengubah pengaturan kabupaten (manajer, admin)",
      response: Settings.SettingsSchema,
    }),
    validate("json", Settings.UpdateSettingsSchema),
    async (c) => c.json(await Settings.update(c.req.valid("json"))),
  )
  .put(
    "/retention",
    operation({
      id: "settings.updateRetention",
      tags,
      summary: "Mengubah masa simpan data pribadi (pejabat pelindungan data, manajer, admin)",
      response: Settings.SettingsSchema,
    }),
    validate("json", Settings.UpdateRetentionOnlySchema),
    async (c) => c.json(await Settings.updateRetention(c.req.valid("json"))),
  );
