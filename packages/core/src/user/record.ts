import { randomInt } from "node:crypto";
import type * as v from "valibot";
import type { Scope } from "../actor/index.ts";
import { hashPassword } from "../auth/password.ts";
import { getItem } from "../db/index.ts";
import { ValidationError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { desaLabel } from "../region/schema.ts";
import { nowIso } from "../time/index.ts";
import type { CreateUserSchema, User } from "./schema.ts";

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
export const load = (username: string) => getItem<UserRecord>(key(username));

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
    ? desaLabel(region)
    : region.level === "kecamatan"
      ? `Kecamatan ${region.name}`
      : region.name;
}

/** The item a new user is stored as (shared with the demo seed and the admin bootstrap). */
export async function newRecord(
  input: v.InferOutput<typeof CreateUserSchema>,
  password: string,
  options: {
    mustChangePassword: boolean;
    createdBy: string;
    /** `password` already hashed: the demo users share one password, hashed once per seed. */
    passwordHash?: string;
  },
): Promise<UserRecord & Record<string, unknown>> {
  const now = nowIso();
  // The catalog loads only here (creating an OPD officer): a cold start's sign-in does not need it.
  if (input.opd && !(await (await import("../catalog/index.ts")).opdName(input.opd)))
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
    passwordHash: options.passwordHash ?? (await hashPassword(password)),
    authVersion: 1,
    version: 1,
    createdAt: now,
    createdBy: options.createdBy,
    updatedAt: now,
  };
}
