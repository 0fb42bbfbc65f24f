import { Hono } from "hono";
import * as Schema from "@puskesos/core/indicator/schema";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Indikator kabupaten"];
// Indicators are edited rarely: their code loads with the first request, not at every cold start.
const Indicator = async () => (await import("./later.ts")).Indicator;

export const indicators = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "indicators.list",
      tags,
      summary: "Indikator kabupaten yang dicatat saat verval (aktif dan yang sudah dihentikan)",
      response: Schema.IndicatorListSchema,
    }),
    async (c) => c.json(await (await Indicator()).list()),
  )
  .post(
    "/",
    operation({
      id: "indicators.add",
      tags,
      summary: "Menambah indikator kabupaten (manajer)",
      response: Schema.IndicatorSchema,
      statuses: [201],
    }),
    validate("json", Schema.AddIndicatorSchema),
    async (c) => c.json(await (await Indicator()).add(c.req.valid("json")), 201),
  )
  .post(
    "/:code/retire",
    operation({
      id: "indicators.retire",
      tags,
      summary: "Menghentikan indikator (hasil lama tetap menyimpannya)",
      response: Schema.IndicatorSchema,
    }),
    async (c) => c.json(await (await Indicator()).retire(c.req.param("code"))),
  );
