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
    "/kabupaten",
    operation({
      id: "regions.kabupaten",
      tags,
      summary: "Semua kabupaten dan kota di Indonesia",
      description: "Kode Kemendagri dan nama, untuk memilih kabupaten lain (mis. tujuan serah terima kasus).",
      response: Region.KabupatenListSchema,
    }),
    async (c) => c.json(await Region.kabupatenList()),
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
