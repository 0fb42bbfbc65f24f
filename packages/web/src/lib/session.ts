import { createSignal } from "solid-js";
import { can as roleCan, type Permission } from "@puskesos/core/actor/permissions";
import type { Me } from "@puskesos/core/auth/schema";
import { api, ApiError, call, setUnauthenticatedHandler } from "./api.ts";

/** The signed-in user: undefined while loading, null when signed out. */
const [me, setMe] = createSignal<Me | null | undefined>(undefined);
export { me, setMe };

/** Whether the signed-in user's role holds a permission of core's table (menus, page guards). */
export const can = (permission: Permission) => roleCan(me()?.role, permission);

/**
 * Who signed in last on this device (name, role, scope: nothing about residents), so the intake
 * screen opens without a connection. The server still checks the session on every request.
 */
const CACHED = "puskesos.me";
const remember = (user: Me | null) =>
  user ? localStorage.setItem(CACHED, JSON.stringify(user)) : localStorage.removeItem(CACHED);

export async function loadMe(): Promise<void> {
  try {
    const user = await call(api.auth.me.$get());
    remember(user);
    setMe(user);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      remember(null);
      setMe(null);
    } else if (error instanceof ApiError && error.status === 0) {
      const cached = localStorage.getItem(CACHED);
      setMe(cached ? (JSON.parse(cached) as Me) : null);
    } else throw error;
  }
}

export function signedIn(user: Me) {
  remember(user);
  setMe(user);
}

export async function signOut(): Promise<void> {
  try {
    await call(api.auth.logout.$post());
  } finally {
    remember(null);
    setMe(null);
  }
}

// A session that ends on the server (expired, password reset, deactivated) sends the user to sign in.
setUnauthenticatedHandler(() => {
  remember(null);
  setMe(null);
});
