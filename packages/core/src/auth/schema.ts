import * as v from "valibot";
import { TimeZoneSchema } from "../region/schema.ts";
import { NewPasswordSchema, UserSchema } from "../user/schema.ts";

export const LoginSchema = v.strictObject(
  {
    username: v.pipe(
      v.string("Nama pengguna harus berupa teks."),
      v.title("Nama pengguna"),
      v.trim(),
      v.toLowerCase(),
      v.minLength(1, "Nama pengguna wajib diisi."),
      v.maxLength(64, "Nama pengguna terlalu panjang."),
    ),
    password: v.pipe(
      v.string("Kata sandi harus berupa teks."),
      v.title("Kata sandi"),
      v.minLength(1, "Kata sandi wajib diisi."),
      v.maxLength(128, "Kata sandi terlalu panjang."),
    ),
  },
  "Data masuk harus berupa objek JSON.",
);

export const ChangePasswordSchema = v.pipe(
  v.strictObject(
    {
      currentPassword: v.pipe(
        v.string("Kata sandi saat ini harus berupa teks."),
        v.title("Kata sandi saat ini"),
        v.minLength(1, "Kata sandi saat ini wajib diisi."),
        v.maxLength(128, "Kata sandi saat ini terlalu panjang."),
      ),
      newPassword: NewPasswordSchema,
    },
    "Data harus berupa objek JSON.",
  ),
  v.forward(
    v.check((i) => i.currentPassword !== i.newPassword, "Kata sandi baru harus berbeda dari yang lama."),
    ["newPassword"],
  ),
);

/** The signed-in user with the kabupaten's zone, so screens show dates as the kabupaten reads them, not the browser. */
export const MeSchema = v.object({ ...UserSchema.entries, timeZone: TimeZoneSchema });
export type Me = v.InferOutput<typeof MeSchema>;

/** The answer to a sign-in or a password change: who holds the new session (the token is in the cookie). */
export const SessionAnswerSchema = v.object({ user: MeSchema });

export const LoggedOutSchema = v.object({ ok: v.literal(true) });
