import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as Proposal from "@puskesos/core/proposal";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Usulan rumah tangga"];

export const proposals = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Mengusulkan rumah tangga yang tidak ada di DPM",
      description: "Mengubah pengaduan menjadi menunggu verval.",
    }),
    validate("json", Proposal.CreateProposalSchema),
    async (c) => {
      const { proposal, created } = await Proposal.create(c.req.valid("json"));
      return c.json(proposal, created ? 201 : 200);
    },
  )
  .get(
    "/",
    describeRoute({ tags, summary: "Usulan per kecamatan dan desa (tim survei)" }),
    validate("query", Proposal.ListProposalsSchema),
    async (c) => c.json(await Proposal.list(c.req.valid("query"))),
  );
