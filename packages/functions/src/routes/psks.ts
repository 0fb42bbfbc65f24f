import { Hono } from "hono";
import * as Schema from "@puskesos/core/psks/schema";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["PSKS"];
// The registry is kept now and then: its code loads with the first request, not at every cold start.
const Psks = async () => (await import("./later.ts")).Psks;

export const psks = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "psks.list",
      tags,
      summary: "PSKS wilayah pemanggil dan wilayah di atasnya",
      response: Schema.PsksListSchema,
    }),
    validate("query", Schema.ListPsksSchema),
    async (c) => c.json(await (await Psks()).list(c.req.valid("query"))),
  )
  .post(
    "/",
    operation({
      id: "psks.add",
      tags,
      summary: "Menambah PSKS",
      response: Schema.PsksEntrySchema,
      statuses: [201],
    }),
    validate("json", Schema.AddPsksSchema),
    async (c) => c.json(await (await Psks()).add(c.req.valid("json")), 201),
  )
  .put(
    "/:region/:id",
    operation({ id: "psks.change", tags, summary: "Mengubah PSKS", response: Schema.PsksEntrySchema }),
    validate("json", Schema.UpdatePsksSchema),
    async (c) =>
      c.json(await (await Psks()).change(c.req.param("region"), c.req.param("id"), c.req.valid("json"))),
  );
