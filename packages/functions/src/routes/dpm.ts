import { Hono } from "hono";
import * as v from "valibot";
import * as Dpm from "@puskesos/core/dpm";
import { NikSchema } from "@puskesos/core/resident/schema";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["DPM"];
export const NameQuerySchema = v.strictObject({
  name: v.pipe(
    v.string("Nama harus berupa teks."),
    v.title("Nama"),
    v.maxLength(60, "Nama maksimal 60 karakter."),
  ),
});

export const dpm = new Hono<AppEnv>()
  .put(
    "/:desa",
    operation({
      id: "dpm.import",
      tags,
      summary: "Mengimpor DPM satu desa dari CSV (admin)",
      description:
        "Badan permintaan: CSV (text/csv) dengan kolom NIK dan NAMA (ALAMAT, DESIL opsional). Menggantikan daftar lama sekaligus; baris yang salah dilaporkan per baris.",
      response: Dpm.DpmImportResultSchema,
    }),
    async (c) =>
      c.json(await (await import("./later.ts")).importDpm(c.req.param("desa"), await c.req.text())),
  )
  .get(
    "/:desa",
    operation({
      id: "dpm.status",
      tags,
      summary: "Status impor DPM satu desa (admin)",
      response: Dpm.DpmStatusSchema,
    }),
    async (c) => c.json(await Dpm.status(c.req.param("desa"))),
  )
  .post(
    "/:desa/nik",
    operation({
      id: "dpm.lookupByNik",
      tags,
      summary: "Memeriksa DPM menurut NIK",
      description: "POST agar NIK tidak ada di URL.",
      response: Dpm.DpmLookupSchema,
    }),
    validate("json", v.strictObject({ nik: NikSchema })),
    async (c) => c.json(await Dpm.lookupByNik(c.req.param("desa"), c.req.valid("json"))),
  )
  .post(
    "/:desa/name",
    operation({
      id: "dpm.searchByName",
      tags,
      summary: "Mencari DPM desa menurut awal nama",
      response: Dpm.DpmLookupSchema,
    }),
    validate("json", NameQuerySchema),
    async (c) => c.json(await Dpm.searchByName(c.req.param("desa"), c.req.valid("json").name)),
  );
