import { Hono } from "hono";
import * as Indicator from "@puskesos/core/indicator";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Indikator kabupaten"];

export const indicators = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "indicators.list",
      tags,
      summary: "Indikator kabupaten yang dicatat saat verval (aktif dan yang sudah dihentikan)",
      response: Indicator.IndicatorListSchema,
    }),
    async (c) => c.json(await Indicator.list()),
  )
  .post(
    "/",
    operation({
      id: "indicators.add",
      tags,
      summary: "Menambah indikator kabupaten (manajer)",
      response: Indicator.IndicatorSchema,
      statuses: [201],
    }),
    validate("json", Indicator.AddIndicatorSchema),
    async (c) => c.json(await Indicator.add(c.req.valid("json")), 201),
  )
  .post(
    "/:code/retire",
    operation({
      id: "indicators.retire",
      tags,
      summary: "Menghentikan indikator (hasil lama tetap menyimpannya)",
      response: Indicator.IndicatorSchema,
    }),
    async (c) => c.json(await Indicator.retire(c.req.param("code"))),
  );
