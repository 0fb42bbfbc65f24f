import { createSignal } from "solid-js";
import type { User } from "@puskesos/core/user/schema";
import { api, ApiError, call, setUnauthenticatedHandler } from "./api.ts";

/** The signed-in user: undefined while loading, null when signed out. */
const [me, setMe] = createSignal<User | null | undefined>(undefined);
export { me, setMe };

export async function loadMe(): Promise<void> {
  try {
    setMe(await call(api.auth.me.$get()));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) setMe(null);
    else throw error;
  }
}

export async function signOut(): Promise<void> {
  try {
    await call(api.auth.logout.$post());
  } finally {
    setMe(null);
  }
}

// A session that ends on the server (expired, password reset, deactivated) sends the user to sign in.
setUnauthenticatedHandler(() => setMe(null));
