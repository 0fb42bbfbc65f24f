import { Hono } from "hono";
import * as Schema from "@puskesos/core/musdes/schema";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Musyawarah Desa"];
// Twice a year per desa: its code loads with the first musdes, not with every cold start.
const Musdes = async () => (await import("./later.ts")).Musdes;

export const musdes = new Hono<AppEnv>()
  .post(
    "/",
    operation({
      id: "musdes.record",
      tags,
      summary: "Mencatat musdes dan keputusannya atas usulan yang layak (koordinator, kepala desa)",
      description:
        "Semua diperiksa sebelum ditulis; tiap keputusan satu transaksi pada usulannya. `id` yang sama dikirim ulang menerapkan yang belum.",
      response: Schema.MusdesViewSchema,
    }),
    validate("json", Schema.RecordMusdesSchema),
    async (c) => c.json(await (await Musdes()).record(c.req.valid("json"))),
  )
  .get(
    "/",
    operation({
      id: "musdes.list",
      tags,
      summary: "Musdes satu desa, terbaru dulu",
      response: Schema.MusdesListSchema,
    }),
    validate("query", Schema.ListMusdesSchema),
    async (c) => c.json(await (await Musdes()).list(c.req.valid("query"))),
  )
  .get(
    "/:id/annex",
    operation({
      id: "musdes.annex",
      tags,
      summary: "Lampiran musdes: daftar rumah tangga yang diputuskan (dicetak A4)",
      response: Schema.MusdesAnnexSchema,
    }),
    async (c) => c.json(await (await Musdes()).annex(c.req.param("id"))),
  );
