import type { Context } from "hono";

interface LambdaEnv {
  requestContext?: { http?: { sourceIp?: string } };
}
interface NodeEnv {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The caller's address, for throttling and the audit log. Forwarded headers are trusted only when
 * the deployment names the one its proxy sets (`TRUSTED_IP_HEADER`, e.g. CloudFront-Viewer-Address),
 * since anyone can send an X-Forwarded-For.
 */
export function clientIp(c: Context): string {
  const header = process.env.TRUSTED_IP_HEADER;
  if (header) {
    const value = c.req.header(header);
    // CloudFront-Viewer-Address is "ip:port"; X-Forwarded-For is "client, proxy1, ...".
    const first = value?.split(",")[0]?.trim();
    if (first) return first.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  }
  const env = c.env as (LambdaEnv & NodeEnv) | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}
