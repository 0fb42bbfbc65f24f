import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import * as Dpm from "@puskesos/core/dpm";
import { NikSchema } from "@puskesos/core/complaint/schema";
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
    describeRoute({
      tags,
      summary: "Mengimpor DPM satu desa dari CSV (admin)",
      description:
        "Badan permintaan: CSV (text/csv) dengan kolom NIK dan NAMA (ALAMAT, DESIL opsional). Menggantikan daftar lama sekaligus; baris yang salah dilaporkan per baris.",
    }),
    async (c) => c.json(await Dpm.importCsv(c.req.param("desa"), await c.req.text())),
  )
  .get("/:desa", describeRoute({ tags, summary: "Status impor DPM satu desa (admin)" }), async (c) =>
    c.json(await Dpm.status(c.req.param("desa"))),
  )
  .post(
    "/:desa/nik",
    describeRoute({
      tags,
      summary: "Memeriksa DPM menurut NIK",
      description: "POST agar NIK tidak ada di URL.",
    }),
    validate("json", v.strictObject({ nik: NikSchema })),
    async (c) => c.json(await Dpm.lookupByNik(c.req.param("desa"), c.req.valid("json"))),
  )
  .post(
    "/:desa/name",
    describeRoute({ tags, summary: "Mencari DPM desa menurut awal nama" }),
    validate("json", NameQuerySchema),
    async (c) => c.json(await Dpm.searchByName(c.req.param("desa"), c.req.valid("json").name)),
  );
