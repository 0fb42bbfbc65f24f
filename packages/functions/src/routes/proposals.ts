import { Hono } from "hono";
import { COMPLAINT_WORKFLOW } from "@puskesos/core/complaint/schema";
import * as ProposalSchema from "@puskesos/core/proposal/schema";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

// The proposal steps' code loads with their first request, not with every cold start.
const Proposal = async () => (await import("./later.ts")).Proposal;
const tags = ["Usulan rumah tangga"];
const workflow = ProposalSchema.PROPOSAL_WORKFLOW;
const response = ProposalSchema.ProposalViewSchema;

export const proposals = new Hono<AppEnv>()
  .post(
    "/",
    action(COMPLAINT_WORKFLOW, "propose", {
      tags,
      response,
      description: "201 bila baru; 200 bila `id` yang sama dikirim ulang.",
    }),
    validate("json", ProposalSchema.CreateProposalSchema),
    async (c) => {
      const { proposal, created } = await (await Proposal()).create(c.req.valid("json"));
      return c.json(proposal, created ? 201 : 200);
    },
  )
  .get(
    "/",
    operation({
      id: "proposals.list",
      tags,
      summary: "Usulan di wilayah Anda, menurut status, kecamatan, desa, atau tanggal kunjungan",
      response: ProposalSchema.ProposalPageSchema,
    }),
    validate("query", ProposalSchema.ListProposalsSchema),
    async (c) => c.json(await (await Proposal()).list(c.req.valid("query"))),
  )
  .get("/:id", operation({ id: "proposals.get", tags, summary: "Satu usulan", response }), async (c) =>
    c.json(await (await Proposal()).get(c.req.param("id"))),
  )
  .post(
    "/:id/schedule",
    action(workflow, "schedule", { tags, response }),
    validate("json", ProposalSchema.ScheduleSchema),
    async (c) => c.json(await (await Proposal()).schedule(c.req.param("id"), c.req.valid("json"))),
  )
  .post(
    "/:id/verify",
    action(workflow, "verify", {
      tags,
      response,
      description: "Hasil yang sama (`resultId` yang sama) dikirim ulang dijawab tanpa dicatat dua kali.",
    }),
    validate("json", ProposalSchema.VerifySchema),
    async (c) => c.json(await (await Proposal()).verify(c.req.param("id"), c.req.valid("json"))),
  )
  .post(
    "/:id/decide",
    action(workflow, "decide", {
      tags,
      response,
      description: "Biasanya lewat pencatatan musdes (POST /musdes).",
    }),
    validate("json", ProposalSchema.DecideSchema),
    async (c) => c.json(await (await Proposal()).decide(c.req.param("id"), c.req.valid("json"))),
  );
