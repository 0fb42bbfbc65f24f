import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as Complaint from "@puskesos/core/complaint";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Pengaduan"];

export const complaints = new Hono<AppEnv>()
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Mendaftarkan pengaduan warga (dengan pemeriksaan DPM)",
      description:
        "201 bila baru; 200 dengan data yang sama bila `id` yang sama dikirim ulang (kotak keluar luring). NIK dengan kode wilayah tak dikenal dijawab 422 `needsConfirmation` sampai `idConfirmed: true`.",
    }),
    validate("json", Complaint.RegisterComplaintSchema),
    async (c) => {
      const { complaint, created } = await Complaint.register(c.req.valid("json"));
      return c.json(complaint, created ? 201 : 200);
    },
  )
  .post(
    "/search",
    describeRoute({
      tags,
      summary: "Mencari pengaduan desa",
      description:
        "Menurut hari antrian, status, kategori, nama, atau NIK. POST agar NIK tidak pernah ada di URL.",
    }),
    validate("json", Complaint.ListComplaintsSchema),
    async (c) => c.json(await Complaint.list(c.req.valid("json"))),
  )
  .get("/:id", describeRoute({ tags, summary: "Membuka satu pengaduan (NIK disamarkan)" }), async (c) =>
    c.json(await Complaint.get(c.req.param("id"))),
  )
  .post(
    "/:id/handle",
    describeRoute({ tags, summary: "Mencatat jawaban dan penanganan desa (back office)" }),
    validate("json", Complaint.HandlingSchema),
    async (c) => c.json(await Complaint.handle(c.req.param("id"), "handle", c.req.valid("json"))),
  )
  .post(
    "/:id/resolve",
    describeRoute({ tags, summary: "Menyelesaikan pengaduan di desa (back office)" }),
    validate("json", Complaint.HandlingSchema),
    async (c) => c.json(await Complaint.handle(c.req.param("id"), "resolve", c.req.valid("json"))),
  )
  .get("/:id/timeline", describeRoute({ tags, summary: "Riwayat pengaduan" }), async (c) =>
    c.json(await Complaint.timeline(c.req.param("id"))),
  )
  .post(
    "/:id/reveal-nik",
    describeRoute({
      tags,
      summary: "Menampilkan NIK lengkap",
      description: "Tindakan sengaja yang dicatat di log audit.",
    }),
    async (c) => c.json(await Complaint.revealNik(c.req.param("id"))),
  );
