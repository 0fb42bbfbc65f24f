import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { Context } from "hono";
import { useConfig } from "@puskesos/core/config";
import { EDGE_HEADER } from "./edge.ts";

interface LambdaEnv {
  requestContext?: { http?: { sourceIp?: string } };
}
interface NodeEnv {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** An address without a port: `1.2.3.4:443` and `[2001:db8::1]:443` lose the port; a bare IPv6 stays whole. */
export function addressOnly(value: string): string {
  if (isIP(value)) return value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) return bracketed[1];
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
  return v4?.[1] ?? value;
}

/**
 * The caller's address, for throttling and the audit log. Forwarded headers are trusted only when
 * the deployment names the one its proxy sets (`TRUSTED_IP_HEADER`), since anyone can send an
 * X-Forwarded-For; and, when an edge key is configured, only on requests that carry it.
 */
export function clientIp(c: Context): string {
  const header = process.env.TRUSTED_IP_HEADER;
  if (header && fromEdge(c)) {
    const value = c.req.header(header);
    // CloudFront-Viewer-Address is "ip:port"; X-Forwarded-For is "client, proxy1, ...".
    const first = value?.split(",")[0]?.trim();
    if (first) return addressOnly(first);
  }
  const env = c.env as (LambdaEnv & NodeEnv) | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/** Whether the request came through the CDN: true when no edge key is configured (local server). */
function fromEdge(c: Context): boolean {
  const key = useConfig().edgeKey;
  if (!key) return true;
  const sent = c.req.header(EDGE_HEADER);
  if (!sent) return false;
  // Equal-length digests so the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(sent), digest(key));
}
