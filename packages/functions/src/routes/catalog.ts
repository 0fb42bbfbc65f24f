import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as Catalog from "@puskesos/core/catalog";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Katalog"];

export const catalog = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({ tags, summary: "Katalog: OPD, program, dan rute rujukan (nasional + kabupaten)" }),
    async (c) => c.json(await Catalog.get()),
  )
  .get("/opd", describeRoute({ tags, summary: "Daftar OPD" }), async (c) => c.json(await Catalog.listOpds()))
  .post(
    "/opds",
    describeRoute({ tags, summary: "Menambah OPD kabupaten (manajer, admin)" }),
    validate("json", Catalog.AddOpdSchema),
    async (c) => c.json(await Catalog.addOpd(c.req.valid("json")), 201),
  )
  .post(
    "/programs",
    describeRoute({ tags, summary: "Menambah program kabupaten, mis. JAMKESDA (manajer, admin)" }),
    validate("json", Catalog.AddProgramSchema),
    async (c) => c.json(await Catalog.addProgram(c.req.valid("json")), 201),
  )
  .put(
    "/routes",
    describeRoute({
      tags,
      summary: "Menyimpan rute rujukan (manajer, admin)",
      description: "Menggantikan seluruh daftar rute.",
    }),
    validate("json", Catalog.SaveRoutesSchema),
    async (c) => c.json(await Catalog.saveRoutes(c.req.valid("json"))),
  );
