import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as Queue from "@puskesos/core/queue";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Antrian"];

export const queue = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({ tags, summary: "Antrian hari ini di kantor Anda, dengan jumlah per status" }),
    async (c) => c.json(await Queue.today()),
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Memberi nomor antrian berikutnya",
      description: "Unik dan tanpa loncatan per kantor per hari (zona waktu kabupaten).",
    }),
    async (c) => c.json(await Queue.take(), 201),
  )
  .put(
    "/:number/state",
    describeRoute({ tags, summary: "Memanggil, menyelesaikan, atau menandai tidak hadir" }),
    validate("json", Queue.MoveTicketSchema),
    async (c) => c.json(await Queue.move(Number(c.req.param("number")), c.req.valid("json"))),
  );
