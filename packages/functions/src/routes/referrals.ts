import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as v from "valibot";
import * as Referral from "@puskesos/core/referral";
import { ValidationError } from "@puskesos/core/error";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Rujukan"];
const isAction = (action: string): action is Referral.TransitionAction =>
  (Referral.TRANSITION_ACTIONS as string[]).includes(action);

export const referrals = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Merujuk pengaduan (back office desa)",
      description: "Pengaduan menjadi dirujuk; rujukan masuk kotak supervisor kecamatan.",
    }),
    validate("json", Referral.CreateReferralSchema),
    async (c) => c.json(await Referral.create(c.req.valid("json")), 201),
  )
  .get(
    "/inbox",
    describeRoute({
      tags,
      summary: "Kotak masuk rujukan peran Anda",
      description: "Terlama jatuh tempo dulu; manajer juga melihat rujukan yang terlambat di supervisor.",
    }),
    async (c) => c.json(await Referral.inbox()),
  )
  .get("/:id", describeRoute({ tags, summary: "Satu rujukan" }), async (c) =>
    c.json(await Referral.get(c.req.param("id"))),
  )
  .get(
    "/:id/letter",
    describeRoute({
      tags,
      summary: "Data surat rujukan (dicetak)",
      description: "NIK lengkap untuk OPD; pembukaan dicatat di log audit.",
    }),
    async (c) => c.json(await Referral.letter(c.req.param("id"))),
  )
  .get("/:id/timeline", describeRoute({ tags, summary: "Riwayat pengaduan dan rujukannya" }), async (c) =>
    c.json(await Referral.timeline(c.req.param("id"))),
  )
  .post(
    "/:id/:action",
    describeRoute({
      tags,
      summary: "Langkah rujukan",
      description: `Tindakan: ${Referral.TRANSITION_ACTIONS.join(", ")}. Sertakan \`version\` yang Anda lihat; versi usang dijawab 409.`,
    }),
    validate("json", v.object({ version: v.number("Versi harus berupa angka.") })),
    async (c) => {
      const action = c.req.param("action");
      if (!isAction(action))
        throw ValidationError("Tindakan rujukan tidak dikenal.", [
          { field: "action", message: `Tindakan "${action}" tidak dikenal.` },
        ]);
      return c.json(await Referral.transition(c.req.param("id"), action, await c.req.json()));
    },
  );
