import { Hono } from "hono";
import * as ReferralSchema from "@puskesos/core/referral/schema";
import { COMPLAINT_WORKFLOW } from "@puskesos/core/complaint/schema";
import { ValidationError } from "@puskesos/core/error";
import { TimelineSchema } from "@puskesos/core/timeline/schema";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

// The referral chain's code loads with its first request, not with every cold start.
const Referral = async () => (await import("./later.ts")).Referral;
const tags = ["Rujukan"];
const workflow = ReferralSchema.REFERRAL_WORKFLOW;
const response = ReferralSchema.ReferralViewSchema;
const step = (name: ReferralSchema.ReferralAction) => action(workflow, name, { tags, response });
const id = (c: { req: { param(name: "id"): string } }) => c.req.param("id");

export const referrals = new Hono<AppEnv>()
  .post(
    "/",
    action(COMPLAINT_WORKFLOW, "refer", {
      tags,
      response,
      description: "Pengaduan menjadi dirujuk; rujukan masuk kotak supervisor kecamatan.",
    }),
    validate("json", ReferralSchema.CreateReferralSchema),
    async (c) => c.json(await (await Referral()).create(c.req.valid("json")), 201),
  )
  .get(
    "/inbox",
    operation({
      id: "referrals.inbox",
      tags,
      summary: "Kotak masuk rujukan peran Anda",
      description: "Terlama jatuh tempo dulu; manajer juga melihat rujukan yang terlambat di supervisor.",
      response: ReferralSchema.ReferralInboxSchema,
    }),
    async (c) => c.json(await (await Referral()).inbox()),
  )
  .get(
    "/served",
    operation({
      id: "referrals.served",
      tags,
      summary: "Rujukan yang sudah dilayani OPD Anda",
      description: "Terbaru dulu, 50 per halaman.",
      response: ReferralSchema.ReferralPageSchema,
    }),
    validate("query", ReferralSchema.ServedQuerySchema),
    async (c) => c.json(await (await Referral()).served(c.req.valid("query"))),
  )
  .get("/:id", operation({ id: "referrals.get", tags, summary: "Satu rujukan", response }), async (c) =>
    c.json(await (await Referral()).get(id(c))),
  )
  .get(
    "/:id/letter",
    operation({
      id: "referrals.letter",
      tags,
      summary: "Data surat rujukan (dicetak)",
      description: "NIK lengkap untuk OPD; pembukaan dicatat di log audit.",
      response: ReferralSchema.ReferralLetterSchema,
    }),
    async (c) => c.json(await (await Referral()).letter(id(c))),
  )
  .get(
    "/:id/with-timeline",
    operation({
      id: "referrals.getWithTimeline",
      tags,
      summary: "Satu rujukan beserta riwayat pengaduannya (satu catatan di log akses)",
      response: ReferralSchema.ReferralWithTimelineSchema,
    }),
    async (c) => c.json(await (await Referral()).getWithTimeline(id(c))),
  )
  .get(
    "/:id/timeline",
    operation({
      id: "referrals.timeline",
      tags,
      summary: "Riwayat pengaduan dan rujukannya",
      response: TimelineSchema,
    }),
    async (c) => c.json(await (await Referral()).timeline(id(c))),
  )
  .post("/:id/forward", step("forward"), validate("json", ReferralSchema.ForwardSchema), async (c) =>
    c.json(await (await Referral()).forward(id(c), c.req.valid("json"))),
  )
  .post(
    "/:id/return-to-desa",
    step("return-to-desa"),
    validate("json", ReferralSchema.ReturnToDesaSchema),
    async (c) => c.json(await (await Referral()).returnToDesa(id(c), c.req.valid("json"))),
  )
  .post("/:id/resubmit", step("resubmit"), validate("json", ReferralSchema.ResubmitSchema), async (c) =>
    c.json(await (await Referral()).resubmit(id(c), c.req.valid("json"))),
  )
  .post("/:id/approve", step("approve"), validate("json", ReferralSchema.ApproveSchema), async (c) =>
    c.json(await (await Referral()).approve(id(c), c.req.valid("json"))),
  )
  .post("/:id/reject", step("reject"), validate("json", ReferralSchema.RejectSchema), async (c) =>
    c.json(await (await Referral()).reject(id(c), c.req.valid("json"))),
  )
  .post(
    "/:id/return-to-supervisor",
    step("return-to-supervisor"),
    validate("json", ReferralSchema.ReturnToSupervisorSchema),
    async (c) => c.json(await (await Referral()).returnToSupervisor(id(c), c.req.valid("json"))),
  )
  .post("/:id/accept", step("accept"), validate("json", ReferralSchema.AcceptSchema), async (c) =>
    c.json(await (await Referral()).accept(id(c), c.req.valid("json"))),
  )
  .post("/:id/decline", step("decline"), validate("json", ReferralSchema.DeclineSchema), async (c) =>
    c.json(await (await Referral()).decline(id(c), c.req.valid("json"))),
  )
  .post("/:id/complete", step("complete"), validate("json", ReferralSchema.CompleteSchema), async (c) =>
    c.json(await (await Referral()).complete(id(c), c.req.valid("json"))),
  )
  // Any other step name: say it is unknown, naming it, rather than a bare "address not found".
  .post("/:id/:action", (c) => {
    const name = c.req.param("action");
    throw ValidationError("Tindakan rujukan tidak dikenal.", [
      { field: "action", message: `Tindakan "${name}" tidak dikenal.` },
    ]);
  });
