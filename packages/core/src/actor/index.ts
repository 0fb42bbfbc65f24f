import { AsyncLocalStorage } from "node:async_hooks";
import { AppError, ForbiddenError, NotFoundError, UnauthenticatedError } from "../error/index.ts";
import { can, type Permission } from "./permissions.ts";
import { covers, type Role, type Scope } from "./schema.ts";

export * from "./permissions.ts";
export * from "./schema.ts";

/**
 * Who is calling. Set once per request by the HTTP middleware (or by a script) with `provide`,
 * read by every core function with `use`, so no route can forget to pass or check it.
 */
export type Actor =
  | {
      type: "user";
      username: string;
      name: string;
      role: Role;
      scope: Scope;
      /** The OPD an `opd` officer works for. */
      opd?: string;
      /** Signed in with a one-time password: may do nothing but change it. */
      mustChangePassword: boolean;
      /** Client address, for the audit log. */
      ip: string;
      sessionId: string;
    }
  | { type: "public"; ip: string }
  /** Start-up tasks (table bootstrap, demo seed, admin bootstrap command). */
  | { type: "system"; name: string };

export type UserActor = Extract<Actor, { type: "user" }>;

const storage = new AsyncLocalStorage<Actor>();

export function provide<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}

export function use(): Actor {
  const actor = storage.getStore();
  if (!actor) throw new Error("Actor context missing: wrap the call in provide()");
  return actor;
}

/**
 * The signed-in user, or 401. A user still holding a one-time password gets 403 from everything
 * except the few calls that pass `allowPendingPassword` (who am I, change password, sign out).
 */
export function useUser(options: { allowPendingPassword?: boolean } = {}): UserActor {
  const actor = use();
  if (actor.type !== "user") throw UnauthenticatedError();
  if (actor.mustChangePassword && !options.allowPendingPassword)
    throw new AppError("forbidden", "Ganti kata sandi sementara Anda terlebih dahulu.");
  return actor;
}

/** The signed-in user if their role holds `permission` (actor/permissions.ts), or 403. */
export function assertCan(permission: Permission): UserActor {
  const user = useUser();
  if (!can(user.role, permission)) throw ForbiddenError();
  return user;
}

/**
 * Refuses a record whose region lies outside the caller's scope with 404 — not 403 — so that the
 * existence of records in other desa or kecamatan does not leak (DESIGN §2).
 */
export function assertInScope(regionCode: string, what = "Data"): UserActor {
  const user = useUser();
  if (!covers(user.scope, regionCode)) throw NotFoundError(what);
  return user;
}

/** Who did it, as the audit log records it. */
export function describe(actor: Actor): { by: string; role: string; ip: string } {
  switch (actor.type) {
    case "user":
      return { by: actor.username, role: actor.role, ip: actor.ip };
    case "public":
      return { by: "publik", role: "publik", ip: actor.ip };
    case "system":
      return { by: `sistem:${actor.name}`, role: "sistem", ip: "-" };
  }
}
