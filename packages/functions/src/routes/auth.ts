import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as Auth from "@puskesos/core/auth";
import { clearSessionCookie, setSessionCookie } from "../http/cookie.ts";
import type { AppEnv } from "../http/env.ts";
import { validate } from "../http/validate.ts";

export const auth = new Hono<AppEnv>()
  .post(
    "/login",
    describeRoute({
      tags: ["Autentikasi"],
      summary: "Masuk dengan nama pengguna dan kata sandi",
      description:
        "Membuat sesi dan mengirim cookie HttpOnly. Percobaan gagal dibatasi per nama pengguna dan per alamat (429).",
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
    describeRoute({ tags: ["Autentikasi"], summary: "Keluar dan mengakhiri sesi di server" }),
    async (c) => {
      const token = c.get("sessionToken");
      if (token) await Auth.logout(token);
      clearSessionCookie(c);
      return c.json({ ok: true });
    },
  )
  .get("/me", describeRoute({ tags: ["Autentikasi"], summary: "Pengguna yang sedang masuk" }), async (c) => {
    return c.json(await Auth.me());
  })
  .post(
    "/password",
    describeRoute({
      tags: ["Autentikasi"],
      summary: "Mengganti kata sandi sendiri",
      description: "Mengakhiri semua sesi lain pengguna ini dan memberi sesi baru untuk perangkat ini.",
    }),
    validate("json", Auth.ChangePasswordSchema),
    async (c) => {
      const signedIn = await Auth.changePassword(c.req.valid("json"));
      setSessionCookie(c, signedIn.token, signedIn.expiresAt);
      return c.json({ user: signedIn.user });
    },
  );
