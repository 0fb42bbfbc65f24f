import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { useConfig } from "@puskesos/core/config";

/**
 * `__Host-` binds the cookie to this exact origin over HTTPS; plain-HTTP localhost cannot use the
 * prefix (nor Secure), so the local server turns `secureCookies` off.
 */
export const sessionCookieName = () => (useConfig().secureCookies ? "__Host-puskesos_sesi" : "puskesos_sesi");

export function setSessionCookie(c: Context, token: string, expiresAt: number) {
  setCookie(c, sessionCookieName(), token, {
    httpOnly: true,
    secure: useConfig().secureCookies,
    sameSite: "Strict",
    path: "/",
    expires: new Date(expiresAt * 1000),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, sessionCookieName(), { path: "/", secure: useConfig().secureCookies });
}
