import { Hono } from "hono";
import * as S from "@puskesos/core/facility/schema";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Fasilitas"];
const Facility = async () => (await import("./later.ts")).Facility;

export const facilities = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "facilities.list",
      tags,
      summary: "Fasilitas kabupaten dengan kapasitas dan penghuni per jenis kelamin",
      response: S.FacilityListSchema,
    }),
    async (c) => c.json(await (await Facility()).list()),
  )
  .post(
    "/",
    operation({
      id: "facilities.add",
      tags,
      summary: "Menambah fasilitas",
      response: S.FacilitySchema,
      statuses: [201],
    }),
    validate("json", S.AddFacilitySchema),
    async (c) => c.json(await (await Facility()).add(c.req.valid("json")), 201),
  )
  .get(
    "/stays",
    operation({
      id: "facilities.stays",
      tags,
      summary: "Klien yang sedang tinggal, dengan lama tinggal",
      response: S.CurrentStaysSchema,
    }),
    async (c) => c.json(await (await Facility()).currentStays()),
  )
  .put(
    "/:code",
    operation({ id: "facilities.change", tags, summary: "Mengubah fasilitas", response: S.FacilitySchema }),
    validate("json", S.UpdateFacilitySchema),
    async (c) => c.json(await (await Facility()).change(c.req.param("code"), c.req.valid("json"))),
  );
