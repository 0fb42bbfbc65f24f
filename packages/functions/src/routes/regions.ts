import { Hono } from "hono";
import * as Region from "@puskesos/core/region";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";

const tags = ["Wilayah"];

export const regions = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "regions.tree",
      tags,
      summary: "Kecamatan dan desa dalam wilayah tugas Anda",
      response: Region.KabupatenSchema,
    }),
    async (c) => c.json(await Region.tree()),
  )
  .get(
    "/:code",
    operation({
      id: "regions.get",
      tags,
      summary: "Satu wilayah",
      description: "Wilayah di luar wilayah tugas Anda dijawab 404.",
      response: Region.RegionSchema,
    }),
    async (c) => c.json(await Region.get(c.req.param("code"))),
  );
