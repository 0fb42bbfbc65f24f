import { describe, use, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { transact } from "../db/index.ts";
import { AppError, ValidationError } from "../error/index.ts";
import { kabupatenZone } from "../time/index.ts";
import * as User from "../user/index.ts";
import { parse } from "../validation/index.ts";
import { ChangePasswordSchema, LoginSchema, type Me } from "./schema.ts";
import { decoyHash, hashPassword, verifyPassword } from "./password.ts";
import * as Session from "./session.ts";
import * as Throttle from "./throttle.ts";

export { Session, Throttle };
export * from "./schema.ts";

export interface SignedIn {
  token: string;
  expiresAt: number;
  user: Me;
}

const toMe = (record: User.UserRecord): Me => ({ ...User.toUser(record), timeZone: kabupatenZone() });

const WRONG = "Nama pengguna atau kata sandi salah.";

/** Signs in with username and password; throttled per username and per address. */
export async function login(input: unknown): Promise<SignedIn> {
  const actor = use();
  const ip = describe(actor).ip;
  const { username, password } = parse(LoginSchema, input);
  const keys: Throttle.ThrottleKey[] = [
    { kind: "user", value: username },
    { kind: "ip", value: ip },
  ];
  await Throttle.check(keys);
  const record = await User.load(username);
  // Hash even for unknown users so response time does not tell which usernames exist.
  const ok = await verifyPassword(password, record?.passwordHash ?? (await decoyHash()));
  if (!record || !ok || !record.active) {
    await Throttle.record(keys);
    if (record)
      await Audit.record({
        action: "auth.login-failed",
        target: { type: "user", id: record.username },
        summary: record.active
          ? "Percobaan masuk gagal (kata sandi salah)"
          : "Percobaan masuk ke akun nonaktif",
      });
    throw new AppError(
      "unauthenticated",
      record && ok && !record.active ? "Akun ini sudah dinonaktifkan. Hubungi admin." : WRONG,
    );
  }
  await Throttle.clear(keys[0]!);
  const session = Session.newSession(record, ip);
  await transact([
    session.put,
    // The audit entry names the user as the actor, since the caller is still anonymous here.
    Audit.entryAs(
      { by: record.username, role: record.role, ip },
      { action: "auth.login", target: { type: "user", id: record.username }, summary: "Masuk" },
    ),
  ]);
  return { token: session.token, expiresAt: session.expiresAt, user: toMe(record) };
}

/** Ends the caller's session on the server. */
export async function logout(token: string): Promise<void> {
  const caller = useUser({ allowPendingPassword: true });
  await transact([
    Session.deleteItem(token),
    Audit.entry({ action: "auth.logout", target: { type: "user", id: caller.username }, summary: "Keluar" }),
  ]);
}

/** The caller as the home page shows them. */
export async function me(): Promise<Me> {
  const caller = useUser({ allowPendingPassword: true });
  const record = await User.load(caller.username);
  if (!record) throw new AppError("unauthenticated", "Sesi tidak berlaku lagi. Silakan masuk kembali.");
  return toMe(record);
}

/**
 * Changes the caller's own password. Every session of the user ends (authVersion moves) and a new
 * one is issued for this device, so a stolen session cannot outlive a password change.
 */
export async function changePassword(input: unknown): Promise<SignedIn> {
  const caller = useUser({ allowPendingPassword: true });
  const data = parse(ChangePasswordSchema, input);
  const record = await User.load(caller.username);
  if (!record) throw new AppError("unauthenticated", "Sesi tidak berlaku lagi. Silakan masuk kembali.");
  if (!(await verifyPassword(data.currentPassword, record.passwordHash)))
    throw ValidationError("Kata sandi saat ini salah.", [
      { field: "currentPassword", message: "Kata sandi saat ini salah." },
    ]);
  if (data.newPassword.toLowerCase().includes(record.username))
    throw ValidationError("Kata sandi baru tidak boleh memuat nama pengguna.", [
      { field: "newPassword", message: "Kata sandi baru tidak boleh memuat nama pengguna." },
    ]);
  const changes = {
    passwordHash: await hashPassword(data.newPassword),
    mustChangePassword: false,
    authVersion: record.authVersion + 1,
  };
  const session = Session.newSession({ ...record, ...changes }, caller.ip);
  const next = await User.update(
    record,
    changes,
    { action: "user.change-password", summary: "Mengganti kata sandi sendiri" },
    [session.put],
  );
  return { token: session.token, expiresAt: session.expiresAt, user: toMe(next) };
}
