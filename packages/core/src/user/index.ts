import * as v from "valibot";
import { assertCan, can, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { hashPassword } from "../auth/password.ts";
import { clear as clearFailures } from "../auth/throttle.ts";
import { putNew, queryPage, transact, update as updateWrite, type Write } from "../db/index.ts";
import { AppError, ConflictError, NotFoundError } from "../error/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { key, load, newRecord, temporaryPassword, toUser, type UserRecord } from "./record.ts";
import {
  CreateUserSchema,
  ListUsersSchema,
  SetActiveSchema,
  UsernameSchema,
  type User,
  type UserPage,
  type UserWithPassword,
} from "./schema.ts";

export * from "./schema.ts";
export { key, load, newRecord, temporaryPassword, toUser, type UserRecord } from "./record.ts";
export { createFirstAdmin, FirstAdminSchema } from "./bootstrap.ts";

const UsernameParamSchema = v.object({ username: UsernameSchema });

/** Admin: creates a user with a one-time password, returned once, to be changed at first sign-in. */
export async function create(input: unknown): Promise<UserWithPassword> {
  const admin = assertCan("user.manage");
  const data = parse(CreateUserSchema, input);
  const password = temporaryPassword();
  const record = await newRecord(data, password, { mustChangePassword: true, createdBy: admin.username });
  await transact([
    putNew("user", record, `Nama pengguna "${record.username}" sudah dipakai.`),
    Audit.entry({
      action: "user.create",
      target: { type: "user", id: record.username },
      summary: `Membuat pengguna ${record.username} (${record.role}, ${record.scopeName})`,
    }),
  ]);
  return { user: toUser(record), temporaryPassword: password };
}

/** Admin: users of the kabupaten, optionally within one region, ordered by region then name. */
export async function list(query: unknown): Promise<UserPage> {
  assertCan("user.manage");
  const q = parse(ListUsersSchema, query);
  const page = await queryPage<UserRecord>(
    {
      IndexName: "gsi1",
      KeyConditionExpression: q.scope ? "gsi1pk = :pk AND begins_with(gsi1sk, :prefix)" : "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": "USERS", ...(q.scope ? { ":prefix": q.scope } : {}) },
    },
    { limit: 100, cursor: q.cursor },
  );
  return { ...page, items: page.items.map(toUser) };
}

async function existing(username: string): Promise<UserRecord> {
  // Parsed as a named field so a bad value is reported on `username`, as a form would show it.
  const { username: name } = parse(UsernameParamSchema, { username });
  const record = await load(name);
  if (!record) throw NotFoundError("Pengguna");
  return record;
}

/** Admin: one user; any user: themselves. */
export async function get(username: string): Promise<User> {
  const caller = useUser();
  if (!can(caller.role, "user.manage") && caller.username !== username) throw NotFoundError("Pengguna");
  return toUser(await existing(username));
}

/** Writes a change to a user with its audit entry, refusing it if someone changed the user meanwhile. */
export async function update(
  record: UserRecord,
  changes: Partial<UserRecord>,
  audit: Omit<Audit.AuditInput, "target">,
  alongside: Write[] = [],
): Promise<UserRecord> {
  const next: UserRecord = { ...record, ...changes, version: record.version + 1, updatedAt: nowIso() };
  await transact([
    updateWrite("user", {
      key: key(record.username),
      set: { ...changes, version: next.version, updatedAt: next.updatedAt },
      expect: { version: record.version },
      conflict: `Pengguna ${record.username} baru saja diubah orang lain. Muat ulang lalu coba lagi.`,
    }),
    Audit.entry({ ...audit, target: { type: "user", id: record.username } }),
    ...alongside,
  ]);
  return next;
}

/** Admin: deactivates (ends every session at once) or reactivates a user. */
export async function setActive(username: string, input: unknown): Promise<User> {
  const admin = assertCan("user.manage");
  const { active } = parse(SetActiveSchema, input);
  const record = await existing(username);
  if (record.username === admin.username && !active)
    throw new AppError("forbidden", "Anda tidak dapat menonaktifkan akun Anda sendiri.");
  if (record.active === active)
    throw ConflictError(active ? "Pengguna ini sudah aktif." : "Pengguna ini sudah nonaktif.");
  const next = await update(
    record,
    { active, authVersion: record.authVersion + 1 },
    {
      action: active ? "user.activate" : "user.deactivate",
      summary: `${active ? "Mengaktifkan" : "Menonaktifkan"} pengguna ${record.username}`,
    },
  );
  return toUser(next);
}

/** Admin: replaces a user's password with a one-time password and ends their sessions. */
export async function resetPassword(username: string): Promise<UserWithPassword> {
  assertCan("user.manage");
  const record = await existing(username);
  const password = temporaryPassword();
  const next = await update(
    record,
    {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      authVersion: record.authVersion + 1,
    },
    { action: "user.reset-password", summary: `Mengatur ulang kata sandi ${record.username}` },
  );
  // A user locked out by failed sign-ins is usually why the admin resets: the new password works at once.
  await clearFailures({ kind: "user", value: record.username });
  return { user: toUser(next), temporaryPassword: password };
}
