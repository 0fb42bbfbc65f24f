import { Hono } from "hono";
import * as Auth from "@puskesos/core/auth";
import { clearSessionCookie, setSessionCookie } from "../http/cookie.ts";
import { operation } from "../http/describe.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

const tags = ["Autentikasi"];

export const auth = new Hono<AppEnv>()
  .post(
    "/login",
    operation({
      id: "auth.login",
      tags,
      summary: "Masuk dengan nama pengguna dan kata sandi",
      description:
        "Membuat sesi dan mengirim cookie HttpOnly. Percobaan gagal dibatasi per nama pengguna dan per alamat (429).",
      response: Auth.SessionAnswerSchema,
    }),
    validate("json", Auth.LoginSchema),
    async (c) => {
      const signedIn = await Auth.login(c.req.valid("json"));
      setSessionCookie(c, signedIn.token, signedIn.expiresAt);
      return c.json({ user: signedIn.user });
    },
  )
  .post(
    "/logout",
    operation({
      id: "auth.logout",
      tags,
      summary: "Keluar dan mengakhiri sesi di server",
      response: Auth.LoggedOutSchema,
    }),
    async (c) => {
      const token = c.get("sessionToken");
      if (token) await Auth.logout(token);
      clearSessionCookie(c);
      return c.json({ ok: true as const });
    },
  )
  .get(
    "/me",
    operation({ id: "auth.me", tags, summary: "Pengguna yang sedang masuk", response: Auth.MeSchema }),
    async (c) => c.json(await Auth.me()),
  )
  .post(
    "/password",
    operation({
      id: "auth.password",
      tags,
      summary: "Mengganti kata sandi sendiri",
      description: "Mengakhiri semua sesi lain pengguna ini dan memberi sesi baru untuk perangkat ini.",
      response: Auth.SessionAnswerSchema,
    }),
    validate("json", Auth.ChangePasswordSchema),
    async (c) => {
      const signedIn = await Auth.changePassword(c.req.valid("json"));
      setSessionCookie(c, signedIn.token, signedIn.expiresAt);
      return c.json({ user: signedIn.user });
    },
  );
