import { Hono } from "hono";
import * as User from "@puskesos/core/user";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Pengguna"];

export const users = new Hono<AppEnv>()
  .get(
    "/",
    operation({
      id: "users.list",
      tags,
      summary: "Daftar pengguna kabupaten (admin)",
      description: "Urut per wilayah; `scope` menyaring per kode wilayah.",
      response: User.UserPageSchema,
    }),
    validate("query", User.ListUsersSchema),
    async (c) => c.json(await User.list(c.req.valid("query"))),
  )
  .post(
    "/",
    operation({
      id: "users.create",
      tags,
      summary: "Membuat pengguna (admin)",
      description:
        "Menjawab dengan kata sandi sementara yang hanya ditampilkan sekali dan wajib diganti saat pertama masuk.",
      response: User.UserWithPasswordSchema,
      statuses: [201],
    }),
    validate("json", User.CreateUserSchema),
    async (c) => c.json(await User.create(c.req.valid("json")), 201),
  )
  .get(
    "/:username",
    operation({
      id: "users.get",
      tags,
      summary: "Satu pengguna (admin, atau diri sendiri)",
      response: User.UserSchema,
    }),
    async (c) => c.json(await User.get(c.req.param("username"))),
  )
  .put(
    "/:username/active",
    operation({
      id: "users.setActive",
      tags,
      summary: "Menonaktifkan atau mengaktifkan pengguna (admin)",
      description: "Menonaktifkan mengakhiri semua sesinya.",
      response: User.UserSchema,
    }),
    validate("json", User.SetActiveSchema),
    async (c) => c.json(await User.setActive(c.req.param("username"), c.req.valid("json"))),
  )
  .post(
    "/:username/password-reset",
    operation({
      id: "users.resetPassword",
      tags,
      summary: "Mengatur ulang kata sandi (admin)",
      description: "Memberi kata sandi sementara baru dan mengakhiri semua sesinya.",
      response: User.UserWithPasswordSchema,
    }),
    async (c) => c.json(await User.resetPassword(c.req.param("username"))),
  );
