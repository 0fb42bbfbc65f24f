import { Hono } from "hono";
import * as Queue from "@puskesos/core/queue";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Antrian"];
const workflow = Queue.TICKET_WORKFLOW;
const response = Queue.TicketSchema;

export const queue = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "queue.today",
      tags,
      summary: "Antrian hari ini di kantor Anda, dengan jumlah per status",
      response: Queue.QueueTodaySchema,
    }),
    async (c) => c.json(await Queue.todayQueue()),
  )
  .post(
    "/",
    operation({
      id: "queue.take",
      tags,
      summary: "Memberi nomor antrian berikutnya",
      description: "Unik dan tanpa loncatan per kantor per hari (zona waktu kabupaten).",
      response,
      statuses: [201],
    }),
    async (c) => c.json(await Queue.take(), 201),
  )
  .post("/:number/call", action(workflow, "call", { tags, response }), async (c) =>
    c.json(await Queue.act("call", c.req.param("number"))),
  )
  .post("/:number/finish", action(workflow, "finish", { tags, response }), async (c) =>
    c.json(await Queue.act("finish", c.req.param("number"))),
  )
  .post("/:number/absent", action(workflow, "absent", { tags, response }), async (c) =>
    c.json(await Queue.act("absent", c.req.param("number"))),
  )
  .post("/:number/requeue", action(workflow, "requeue", { tags, response }), async (c) =>
    c.json(await Queue.act("requeue", c.req.param("number"))),
  )
  .put(
    "/:number/state",
    operation({
      id: "queue.move",
      tags,
      summary: "Memindahkan nomor ke status tertentu (bentuk lama)",
      description:
        "Untuk halaman yang masih terbuka dari versi sebelumnya; memakai tindakan yang dinyatakan untuk perpindahan itu. Gunakan rute per tindakan.",
      response,
      deprecated: true,
    }),
    validate("json", Queue.MoveTicketSchema),
    async (c) => c.json(await Queue.moveTo(c.req.param("number"), c.req.valid("json"))),
  );
