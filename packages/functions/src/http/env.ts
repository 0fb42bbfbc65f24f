import type { Actor } from "@puskesos/core/actor";

/** What the middleware puts on every request's context. */
export interface AppEnv {
  Variables: {
    actor: Actor;
    /** The raw session token from the cookie, when there is a valid session. */
    sessionToken: string | undefined;
    requestId: string;
  };
}
