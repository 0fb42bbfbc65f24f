import { randomInt } from "node:crypto";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import * as v from "valibot";
import { assertRole, type Scope, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { hashPassword } from "../auth/password.ts";
import {
  decodeCursor,
  encodeCursor,
  putNew,
  transact,
  useDb,
  type Page,
  type TransactItem,
} from "../db/index.ts";
import { AppError, ConflictError, NotFoundError, ValidationError } from "../error/index.ts";
import { opdName } from "../catalog/index.ts";
import * as Region from "../region/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { CreateUserSchema, ListUsersSchema, SetActiveSchema, UsernameSchema, type User } from "./schema.ts";

export * from "./schema.ts";
export { createFirstAdmin, FirstAdminSchema } from "./bootstrap.ts";

const UsernameParamSchema = v.object({ username: UsernameSchema });

/** The stored item; `authVersion` changes whenever existing sessions must stop working. */
export interface UserRecord extends User {
  passwordHash: string;
  authVersion: number;
  version: number;
}

export const key = (username: string) => ({ pk: `USER#${username}`, sk: "USER" });

/** Picks the public fields: stored items also carry keys, the hash and versions. */
export function toUser(record: UserRecord): User {
  return {
    username: record.username,
    name: record.name,
    role: record.role,
    scope: { level: record.scope.level, code: record.scope.code },
    scopeName: record.scopeName,
    ...(record.opd ? { opd: record.opd } : {}),
    active: record.active,
    mustChangePassword: record.mustChangePassword,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
  };
}

/** Reads a user record without any role check (sign-in, session resolution). */
export async function load(username: string): Promise<UserRecord | undefined> {
  const db = useDb();
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: key(username), ConsistentRead: true }),
  );
  return out.Item as UserRecord | undefined;
}

/** A readable one-time password: 12 characters without look-alikes (0/O, 1/l). */
export function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8).join("")}`;
}

async function scopeName(scope: Scope): Promise<string> {
  const region = await Region.find(scope.code);
  if (!region || region.level !== scope.level)
    throw ValidationError("Wilayah tugas tidak ada di kabupaten ini.", [
      { field: "scope.code", message: `Kode wilayah ${scope.code} tidak ada di kabupaten ini.` },
    ]);
  return region.level === "desa"
    ? `${region.kind === "kelurahan" ? "Kelurahan" : "Desa"} ${region.name}`
    : region.level === "kecamatan"
      ? `Kecamatan ${region.name}`
      : region.name;
}

/** The item a new user is stored as (shared with the demo seed and the admin bootstrap). */
export async function newRecord(
  input: v.InferOutput<typeof CreateUserSchema>,
  password: string,
  options: { mustChangePassword: boolean; createdBy: string },
): Promise<UserRecord & Record<string, unknown>> {
  const now = nowIso();
  if (input.opd && !(await opdName(input.opd)))
    throw ValidationError("OPD tidak dikenal.", [
      { field: "opd", message: `OPD "${input.opd}" tidak dikenal.` },
    ]);
  return {
    ...key(input.username),
    gsi1pk: "USERS",
    gsi1sk: `${input.scope.code}#${input.username}`,
    type: "user",
    username: input.username,
    name: input.name,
    role: input.role,
    scope: input.scope,
    scopeName: await scopeName(input.scope),
    ...(input.opd ? { opd: input.opd } : {}),
    active: true,
    mustChangePassword: options.mustChangePassword,
    passwordHash: await hashPassword(password),
    authVersion: 1,
    version: 1,
    createdAt: now,
    createdBy: options.createdBy,
    updatedAt: now,
  };
}

/** Admin: creates a user with a one-time password, returned once, to be changed at first sign-in. */
export async function create(input: unknown): Promise<{ user: User; temporaryPassword: string }> {
  const admin = assertRole("admin");
  const data = parse(CreateUserSchema, input);
  const password = temporaryPassword();
  const record = await newRecord(data, password, { mustChangePassword: true, createdBy: admin.username });
  await transact(
    [
      putNew(record),
      Audit.entry({
        action: "user.create",
        target: { type: "user", id: record.username },
        summary: `Membuat pengguna ${record.username} (${record.role}, ${record.scopeName})`,
      }),
    ],
    () => `Nama pengguna "${record.username}" sudah dipakai.`,
  );
  return { user: toUser(record), temporaryPassword: password };
}

/** Admin: users of the kabupaten, optionally within one region, ordered by region then name. */
export async function list(query: unknown): Promise<Page<User>> {
  assertRole("admin");
  const q = parse(ListUsersSchema, query);
  const db = useDb();
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: "gsi1",
      KeyConditionExpression: q.scope ? "gsi1pk = :pk AND begins_with(gsi1sk, :prefix)" : "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": "USERS", ...(q.scope ? { ":prefix": q.scope } : {}) },
      Limit: 100,
      ExclusiveStartKey: decodeCursor(q.cursor),
    }),
  );
  return {
    items: (out.Items ?? []).map((item) => toUser(item as UserRecord)),
    cursor: encodeCursor(out.LastEvaluatedKey),
  };
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
  if (caller.role !== "admin" && caller.username !== username) throw NotFoundError("Pengguna");
  return toUser(await existing(username));
}

/** Writes a change to a user with its audit entry, refusing it if someone changed the user meanwhile. */
export async function update(
  record: UserRecord,
  changes: Partial<UserRecord>,
  audit: Omit<Audit.AuditInput, "target">,
  alongside: TransactItem[] = [],
): Promise<UserRecord> {
  const db = useDb();
  const next: UserRecord = { ...record, ...changes, version: record.version + 1, updatedAt: nowIso() };
  const names = Object.keys(changes).concat("version", "updatedAt");
  await transact(
    [
      {
        Update: {
          TableName: db.table,
          Key: key(record.username),
          UpdateExpression: `SET ${names.map((n, i) => `#n${i} = :v${i}`).join(", ")}`,
          ConditionExpression: "#version = :expected",
          ExpressionAttributeNames: {
            ...Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
            "#version": "version",
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(names.map((n, i) => [`:v${i}`, next[n as keyof UserRecord]])),
            ":expected": record.version,
          },
        },
      },
      Audit.entry({ ...audit, target: { type: "user", id: record.username } }),
      ...alongside,
    ],
    () => `Pengguna ${record.username} baru saja diubah orang lain. Muat ulang lalu coba lagi.`,
  );
  return next;
}

/** Admin: deactivates (ends every session at once) or reactivates a user. */
export async function setActive(username: string, input: unknown): Promise<User> {
  const admin = assertRole("admin");
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
export async function resetPassword(username: string): Promise<{ user: User; temporaryPassword: string }> {
  assertRole("admin");
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
  return { user: toUser(next), temporaryPassword: password };
}
