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

/**
 * A sign-out made without a connection could not end the session on the server (its cookie is out of
 * the page's reach): the next start ends it first, so the next person on this device is not signed in
 * as the one who left.
 */
const PENDING_LOGOUT = "puskesos.logout-pending";

async function endPendingLogout(): Promise<boolean> {
  if (!localStorage.getItem(PENDING_LOGOUT)) return false;
  try {
    await call(api.auth.logout.$post());
    localStorage.removeItem(PENDING_LOGOUT);
  } catch (error) {
    console.warn("sesi lama belum dapat diakhiri", error);
  }
  return true;
}

export async function loadMe(): Promise<void> {
  if (await endPendingLogout()) {
    remember(null);
    setMe(null);
    return;
  }
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
  // A new sign-in replaces the cookie the pending sign-out was for.
  localStorage.removeItem(PENDING_LOGOUT);
  remember(user);
  setMe(user);
}

/** What else the device keeps for a user and drops at sign-out (the outbox registers its own). */
const onLeave: ((username: string) => void | Promise<void>)[] = [];
export const onSignOut = (forget: (username: string) => void | Promise<void>) => void onLeave.push(forget);

/**
 * Ends the session and drops what this device keeps for the user (DESIGN §6, shared devices): the
 * cached user, their drafts, the outbox's received records. Their unsent records stay, sealed, for them.
 */
export async function signOut(): Promise<void> {
  const username = me()?.username;
  try {
    await call(api.auth.logout.$post());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 0)) throw error;
    localStorage.setItem(PENDING_LOGOUT, "1");
  } finally {
    remember(null);
    // What the device keeps is dropped before the screen moves on, so an officer signing in at once
    // never meets the last one's records still being deleted.
    try {
      if (username) {
        await (await import("./draft.ts")).forgetDrafts(username);
        for (const forget of onLeave) await forget(username);
      }
    } finally {
      setMe(null);
    }
  }
}

// Another tab signed out or in as someone else: this one follows, so it shows no one else's records.
window.addEventListener("storage", (event) => {
  if (event.key !== CACHED && event.key !== null) return;
  const cached = localStorage.getItem(CACHED);
  const user = cached ? (JSON.parse(cached) as Me) : null;
  if (user?.username !== me()?.username) setMe(user);
});

// A session that ends on the server (expired, password reset, deactivated) sends the user to sign in.
setUnauthenticatedHandler(() => {
  remember(null);
  setMe(null);
});
