import type * as v from "valibot";
import { covers, type Role, type Scope } from "../actor/schema.ts";
import { AppError, ForbiddenError, NotFoundError } from "../error/index.ts";

/**
 * A workflow declared once: its states and their labels, its actions, who may take each action from
 * which states and within which reach, and each action's input schema. The server enforces exactly
 * this (`authorize`), every view carries what the caller may do now (`actionsFor`), and the web draws
 * its buttons from those names and these labels. Pure data and checks: shared with the browser.
 */

/**
 * How a role reaches a record: through the record's region lying in its scope, as its assigned OPD,
 * or as the one worker responsible for it (a case).
 */
export type Reach = "region" | "opd" | "worker";

/** The caller as a workflow needs to know it. */
export interface Caller {
  role: Role;
  scope: Scope;
  opd?: string | undefined;
  username?: string | undefined;
}

/** A condition beyond role, reach and state (a deadline passed, a record not in the DPM). */
export interface Guard<R> {
  allows: (record: R, now: Date) => boolean;
  /** Why not, as the 409 tells it. */
  refusal: string | ((record: R) => string);
}

export interface ActionSpec<S extends string, R> {
  /** What the button says: "Teruskan ke manajer". */
  label: string;
  /** What the timeline says once done: "Diteruskan ke manajer". */
  done: string;
  from: readonly S[];
  /** The state after; absent when the action changes no state (showing the NIK). */
  to?: S;
  /** The states the action may lead to when its input decides which (a verification: layak or not). */
  outcomes?: readonly S[];
  roles: readonly Role[];
  /** The request body; absent when the action takes none. */
  input?: v.GenericSchema;
  /** The OpenAPI operationId of the route that takes this action. */
  operation: string;
  /** The event name the timeline records it under (default `<entity>.<action>`). */
  event?: string;
  guard?: Guard<R>;
  /** Shown as a warning button: the action refuses or sends back. */
  danger?: boolean;
  /** Asked before sending, for an action that cannot be taken back: what it will do. */
  confirm?: string;
}

export interface WorkflowSpec<S extends string, R, A extends Record<string, ActionSpec<S, R>>> {
  entity: "complaint" | "referral" | "proposal" | "ticket" | "report" | "case" | "privacy-request";
  /** The entity's name in Indonesian: "Rujukan". */
  label: string;
  states: readonly S[];
  stateLabels: Record<S, string>;
  /** The region (desa or office code) a record belongs to. */
  region: (record: R) => string;
  /** The OPD a record is assigned to, for roles that reach records by OPD. */
  opd?: (record: R) => string | undefined;
  /** The user responsible for a record, for roles that reach records as its worker. */
  worker?: (record: R) => string;
  /** Roles that reach records otherwise than by region. */
  reach?: Partial<Record<Role, Reach>>;
  actions: A;
}

export function defineWorkflow<S extends string, R, A extends Record<string, ActionSpec<S, R>>>(
  spec: WorkflowSpec<S, R, A>,
): WorkflowSpec<S, R, A> {
  return spec;
}

type AnyWorkflow<R> = WorkflowSpec<string, R, Record<string, ActionSpec<string, R>>>;
type StateOf<R> = R extends { state: infer S } ? S : never;

/** Whether the caller reaches the record at all (may read it); 404 otherwise. */
export function reaches<R>(workflow: AnyWorkflow<R>, record: R, caller: Caller): boolean {
  switch (workflow.reach?.[caller.role] ?? "region") {
    case "opd": {
      const opd = workflow.opd?.(record);
      return Boolean(opd) && opd === caller.opd;
    }
    case "worker":
      return Boolean(caller.username) && workflow.worker?.(record) === caller.username;
    case "region":
      return covers(caller.scope, workflow.region(record));
  }
}

/** A record whose personal data the retention job erased (retention/) takes no more actions. */
const anonymized = (record: object) => Boolean((record as { anonymizedAt?: string }).anonymizedAt);
const ANONYMIZED = "Data pribadi catatan ini sudah dihapus karena masa simpannya berakhir.";

/** Whether the caller may take `action` on the record now. */
export function permits<R extends { state: string }>(
  workflow: AnyWorkflow<R>,
  action: string,
  record: R,
  caller: Caller,
  now: Date = new Date(),
): boolean {
  const spec = workflow.actions[action];
  return Boolean(
    spec &&
    spec.roles.includes(caller.role) &&
    reaches(workflow, record, caller) &&
    spec.from.includes(record.state) &&
    !anonymized(record) &&
    (!spec.guard || spec.guard.allows(record, now)),
  );
}

/** The actions the caller may take on the record now, in declaration order: what a view carries. */
export function actionsFor<R extends { state: string }, A extends string>(
  workflow: WorkflowSpec<StateOf<R> & string, R, Record<A, ActionSpec<StateOf<R> & string, R>>>,
  record: R,
  caller: Caller,
  now: Date = new Date(),
): A[] {
  const w = workflow as unknown as AnyWorkflow<R>;
  return (Object.keys(workflow.actions) as A[]).filter((action) => permits(w, action, record, caller, now));
}

/** 403 before anything is read when the caller's role may never take `action`. */
export function assertMayTake(
  workflow: { actions: Record<string, { roles: readonly Role[] }> },
  action: string,
  caller: Caller,
): void {
  if (!workflow.actions[action]?.roles.includes(caller.role)) throw ForbiddenError();
}

/**
 * The server's check before an action, refusing as the API promises: a role that may never take it
 * 403; a record out of reach 404 (its existence does not leak); a record changed since the caller
 * saw it 409 from `stale`; a guard that fails 409 with its reason; a record in a state the action
 * does not start from 409 from `stale`.
 */
export function authorize<R extends { state: string; version?: number }>(
  workflow: AnyWorkflow<R>,
  action: string,
  record: R,
  caller: Caller,
  options: { version?: number; stale: () => AppError; now?: Date },
): void {
  const spec = workflow.actions[action];
  if (!spec || !spec.roles.includes(caller.role)) throw ForbiddenError();
  if (!reaches(workflow, record, caller)) throw NotFoundError(workflow.label);
  if (anonymized(record)) throw new AppError("conflict", ANONYMIZED);
  if (options.version !== undefined && record.version !== options.version) throw options.stale();
  if (spec.guard && !spec.guard.allows(record, options.now ?? new Date()))
    throw new AppError(
      "conflict",
      typeof spec.guard.refusal === "function" ? spec.guard.refusal(record) : spec.guard.refusal,
    );
  if (!spec.from.includes(record.state)) throw options.stale();
}

/** The event name an action is recorded under in a timeline. */
export const eventOf = (entity: string, action: string, spec: { event?: string }) =>
  spec.event ?? `${entity}.${action}`;
