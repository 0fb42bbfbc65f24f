import { Hono } from "hono";
import * as Tracking from "@puskesos/core/tracking";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

export const status = new Hono<AppEnv>().post(
  "/",
  operation({
    id: "status.lookup",
    tags: ["Status publik"],
    summary: "Status pengaduan untuk warga",
    description:
      "Kode pelacakan dari tanda terima + 4 angka terakhir NIK. Tanpa data pribadi; dibatasi per alamat.",
    response: Tracking.PublicStatusSchema,
  }),
  validate("json", Tracking.StatusQuerySchema),
  async (c) => c.json(await Tracking.status(c.req.valid("json"))),
);
