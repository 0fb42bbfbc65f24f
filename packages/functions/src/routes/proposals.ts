import { Hono } from "hono";
import * as Complaint from "@puskesos/core/complaint";
import * as Proposal from "@puskesos/core/proposal";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Usulan rumah tangga"];

export const proposals = new Hono<AppEnv>()
  .post(
    "/",
    action(Complaint.COMPLAINT_WORKFLOW, "propose", {
      tags,
      response: Proposal.ProposalViewSchema,
      description: "201 bila baru; 200 bila `id` yang sama dikirim ulang.",
    }),
    validate("json", Proposal.CreateProposalSchema),
    async (c) => {
      const { proposal, created } = await Proposal.create(c.req.valid("json"));
      return c.json(proposal, created ? 201 : 200);
    },
  )
  .get(
    "/",
    operation({
      id: "proposals.list",
      tags,
      summary: "Usulan per kecamatan dan desa",
      response: Proposal.ProposalPageSchema,
    }),
    validate("query", Proposal.ListProposalsSchema),
    async (c) => c.json(await Proposal.list(c.req.valid("query"))),
  );
