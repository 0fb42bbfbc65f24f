import { Hono } from "hono";
import * as Catalog from "@puskesos/core/catalog";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Katalog"];

export const catalog = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "catalog.get",
      tags,
      summary: "Katalog: OPD, program, dan rute rujukan (nasional + kabupaten)",
      response: Catalog.CatalogSchema,
    }),
    async (c) => c.json(await Catalog.get()),
  )
  .get(
    "/opd",
    operation({ id: "catalog.listOpds", tags, summary: "Daftar OPD", response: Catalog.OpdListSchema }),
    async (c) => c.json(await Catalog.listOpds()),
  )
  .post(
    "/opds",
    operation({
      id: "catalog.addOpd",
      tags,
      summary: "Menambah OPD kabupaten (manajer, admin)",
      response: Catalog.OpdSchema,
      statuses: [201],
    }),
    validate("json", Catalog.AddOpdSchema),
    async (c) => c.json(await Catalog.addOpd(c.req.valid("json")), 201),
  )
  .post(
    "/programs",
    operation({
      id: "catalog.addProgram",
      tags,
      summary: "Menambah program kabupaten, mis. JAMKESDA, dengan bidang layanannya (manajer, admin)",
      response: Catalog.ProgramSchema,
      statuses: [201],
    }),
    validate("json", Catalog.AddProgramSchema),
    async (c) => c.json(await Catalog.addProgram(c.req.valid("json")), 201),
  )
  .put(
    "/programs/:code/service-field",
    operation({
      id: "catalog.setServiceField",
      tags,
      summary: "Mengubah bidang layanan kesejahteraan sosial sebuah program (manajer, admin)",
      description:
        "Program nasional atau program kabupaten: rehabilitasi, perlindungan, jaminan, atau pemberdayaan " +
        "sosial (UU 11/2009). Rujukan yang disetujui sesudahnya membawa bidang yang baru.",
      response: Catalog.ProgramSchema,
    }),
    validate("json", Catalog.SetServiceFieldSchema),
    async (c) => c.json(await Catalog.setServiceField(c.req.param("code"), c.req.valid("json"))),
  )
  .put(
    "/routes",
    operation({
      id: "catalog.saveRoutes",
      tags,
      summary: "Menyimpan rute rujukan (manajer, admin)",
      description: "Menggantikan seluruh daftar rute.",
      response: Catalog.RouteListSchema,
    }),
    validate("json", Catalog.SaveRoutesSchema),
    async (c) => c.json(await Catalog.saveRoutes(c.req.valid("json"))),
  )
  .put(
    "/category-routes",
    operation({
      id: "catalog.saveCategoryRoutes",
      tags,
      summary: "Menyimpan OPD per kategori pengaduan (manajer, admin)",
      description:
        "OPD yang disarankan formulir rujukan untuk tiap kategori pengaduan, di samping rute PPKS. " +
        "Kategori yang tidak disebut kembali ke bawaan.",
      response: Catalog.CategoryRouteListSchema,
    }),
    validate("json", Catalog.SaveCategoryRoutesSchema),
    async (c) => c.json(await Catalog.saveCategoryRoutes(c.req.valid("json"))),
  );
