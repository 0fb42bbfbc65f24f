import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as Region from "@puskesos/core/region";
import type { AppEnv } from "../http/env.ts";

const tags = ["Wilayah"];

export const regions = new Hono<AppEnv>()
  .get("/", describeRoute({ tags, summary: "Kecamatan dan desa dalam wilayah tugas Anda" }), async (c) =>
    c.json(await Region.tree()),
  )
  .get(
    "/:code",
    describeRoute({
      tags,
      summary: "Satu wilayah",
      description: "Wilayah di luar wilayah tugas Anda dijawab 404.",
    }),
    async (c) => c.json(await Region.get(c.req.param("code"))),
  );
