import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as User from "@puskesos/core/user";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Pengguna"];

export const users = new Hono<AppEnv>()
  .get(
    "/",
    describeRoute({
      tags,
      summary: "Daftar pengguna kabupaten (admin)",
      description: "Urut per wilayah; `scope` menyaring per kode wilayah.",
    }),
    validate("query", User.ListUsersSchema),
    async (c) => c.json(await User.list(c.req.valid("query"))),
  )
  .post(
    "/",
    describeRoute({
      tags,
      summary: "Membuat pengguna (admin)",
      description:
        "Menjawab dengan kata sandi sementara yang hanya ditampilkan sekali dan wajib diganti saat pertama masuk.",
    }),
    validate("json", User.CreateUserSchema),
    async (c) => c.json(await User.create(c.req.valid("json")), 201),
  )
  .get(
    "/:username",
    describeRoute({ tags, summary: "Satu pengguna (admin, atau diri sendiri)" }),
    async (c) => c.json(await User.get(c.req.param("username"))),
  )
  .put(
    "/:username/active",
    describeRoute({
      tags,
      summary: "Menonaktifkan atau mengaktifkan pengguna (admin)",
      description: "Menonaktifkan mengakhiri semua sesinya.",
    }),
    validate("json", User.SetActiveSchema),
    async (c) => c.json(await User.setActive(c.req.param("username"), c.req.valid("json"))),
  )
  .post(
    "/:username/password-reset",
    describeRoute({
      tags,
      summary: "Mengatur ulang kata sandi (admin)",
      description: "Memberi kata sandi sementara baru dan mengakhiri semua sesinya.",
    }),
    async (c) => c.json(await User.resetPassword(c.req.param("username"))),
  );
