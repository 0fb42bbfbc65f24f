import { Hono } from "hono";
import * as Complaint from "@puskesos/core/complaint";
import { EXPORT_CONTENT_TYPES } from "@puskesos/core/proposal-export/schema";
import { BrowseFileQuerySchema, BrowseQuerySchema } from "@puskesos/core/report/schema";
import { TimelineSchema } from "@puskesos/core/timeline/schema";
import { action, operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Pengaduan"];
const workflow = Complaint.COMPLAINT_WORKFLOW;
// Lists above the desa, files and cancellations are rarer than intake: loaded with the first one.
const later = () => import("./later.ts");

export const complaints = new Hono<AppEnv>()
  .post(
    "/",
    operation({
      id: "complaints.register",
      tags,
      summary: "Mendaftarkan pengaduan warga (dengan pemeriksaan DPM)",
      description:
        "201 bila baru; 200 dengan data yang sama bila `id` yang sama dikirim ulang (kotak keluar luring). NIK dengan kode wilayah tak dikenal dijawab 422 `needsConfirmation` sampai `idConfirmed: true`.",
      response: Complaint.ComplaintViewSchema,
      statuses: [201, 200],
    }),
    validate("json", Complaint.RegisterComplaintSchema),
    async (c) => {
      const { complaint, created } = await Complaint.register(c.req.valid("json"));
      return c.json(complaint, created ? 201 : 200);
    },
  )
  .post(
    "/search",
    operation({
      id: "complaints.search",
      tags,
      summary: "Mencari pengaduan desa",
      description:
        "Menurut hari antrian, status, kategori, nama, atau NIK. POST agar NIK tidak pernah ada di URL.",
      response: Complaint.ComplaintPageSchema,
    }),
    validate("json", Complaint.ListComplaintsSchema),
    async (c) => c.json(await Complaint.list(c.req.valid("json"))),
  )
  .get(
    "/browse",
    operation({
      id: "complaints.browse",
      tags,
      summary: "Daftar pengaduan wilayah: satu bulan, menurut kecamatan, desa, dan satu saringan",
      description: "Satu saringan saja; `overdue=ya` untuk semua bulan. Urut per desa lalu tanggal.",
      response: Complaint.ComplaintPageSchema,
    }),
    validate("query", BrowseQuerySchema),
    async (c) => c.json(await (await later()).browse(c.req.valid("query"))),
  )
  .get(
    "/browse/file",
    operation({
      id: "complaints.browseFile",
      tags,
      summary: "Daftar pengaduan yang sama sebagai XLSX atau CSV",
      description: "NIK disamarkan; `nik=lengkap` (peran yang boleh menampilkan NIK) dicatat di log audit.",
      response: {
        mediaTypes: Object.values(EXPORT_CONTENT_TYPES).map((type) => type.split(";")[0]!),
        filename: "pengaduan-33.28-2026-11.xlsx",
      },
    }),
    validate("query", BrowseFileQuerySchema),
    async (c) => {
      const file = await (await later()).browseFile(c.req.valid("query"));
      return c.body(file.body, 200, {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      });
    },
  )
  .get(
    "/:id",
    operation({
      id: "complaints.get",
      tags,
      summary: "Membuka satu pengaduan (NIK disamarkan)",
      response: Complaint.ComplaintViewSchema,
    }),
    async (c) => c.json(await Complaint.get(c.req.param("id"))),
  )
  .post(
    "/:id/handle",
    action(workflow, "handle", { tags, response: Complaint.ComplaintViewSchema }),
    validate("json", Complaint.HandlingSchema),
    async (c) => c.json(await Complaint.handle(c.req.param("id"), c.req.valid("json"))),
  )
  .post(
    "/:id/resolve",
    action(workflow, "resolve", { tags, response: Complaint.ComplaintViewSchema }),
    validate("json", Complaint.HandlingSchema),
    async (c) => c.json(await Complaint.resolve(c.req.param("id"), c.req.valid("json"))),
  )
  .post(
    "/:id/cancel",
    action(workflow, "cancel", {
      tags,
      response: Complaint.ComplaintViewSchema,
      description: "Usulan rumah tangga dan rujukan yang masih berjalan ditarik bersamanya.",
    }),
    validate("json", Complaint.CancelSchema),
    async (c) => c.json(await (await later()).cancel(c.req.param("id"), c.req.valid("json"))),
  )
  .post(
    "/:id/correct",
    action(workflow, "correct", {
      tags,
      response: Complaint.ComplaintViewSchema,
      description:
        "Atas permintaan warga (UU PDP). Nilai lama dan baru disimpan di riwayat pengaduan; NIK yang tak lazim dijawab 422 `needsConfirmation` sampai `idConfirmed: true`.",
    }),
    validate("json", Complaint.CorrectReporterSchema),
    async (c) => c.json(await (await later()).correct(c.req.param("id"), c.req.valid("json"))),
  )
  .get(
    "/:id/with-timeline",
    operation({
      id: "complaints.getWithTimeline",
      tags,
      summary: "Membuka satu pengaduan beserta riwayatnya (satu catatan di log akses)",
      response: Complaint.ComplaintWithTimelineSchema,
    }),
    async (c) => c.json(await Complaint.getWithTimeline(c.req.param("id"))),
  )
  .get(
    "/:id/timeline",
    operation({ id: "complaints.timeline", tags, summary: "Riwayat pengaduan", response: TimelineSchema }),
    async (c) => c.json(await Complaint.timeline(c.req.param("id"))),
  )
  .post(
    "/:id/reveal-nik",
    action(workflow, "reveal-nik", {
      tags,
      response: Complaint.RevealedNikSchema,
      description: "Tindakan sengaja yang dicatat di log audit.",
    }),
    async (c) => c.json(await Complaint.revealNik(c.req.param("id"))),
  );
