import { createHash, createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const sha256 = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/**
 * Checks a request's AWS Signature Version 4 as AWS does, written from AWS's published steps
 * (canonical request, string to sign, derived key) independently of the signer the app uses, so a
 * request the app signs wrongly for what actually goes on the wire (host, headers, body) fails here.
 * Returns why it fails, or undefined when the signature is right.
 */
export function sigv4Problem(
  request: { method: string; path: string; headers: IncomingHttpHeaders; body: string },
  expect: { service: string; secretAccessKey: string },
): string | undefined {
  const auth = String(request.headers.authorization ?? "");
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!match) return `unreadable Authorization: ${auth}`;
  const [, , day, region, service, signedHeaders, signature] = match as unknown as string[];
  if (service !== expect.service) return `signed for ${service}, not ${expect.service}`;
  const amzDate = String(request.headers["x-amz-date"] ?? "");
  if (!amzDate.startsWith(day!)) return `x-amz-date ${amzDate} is not of ${day}`;
  const names = signedHeaders!.split(";");
  for (const required of ["host", "x-amz-date", "x-amz-target", "content-type"])
    if (!names.includes(required)) return `${required} is not signed`;
  const canonical = [
    request.method,
    request.path,
    "",
    ...names.map((name) => `${name}:${String(request.headers[name] ?? "").trim()}`),
    "",
    signedHeaders,
    sha256(request.body),
  ].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  let key = hmac(`AWS4${expect.secretAccessKey}`, day!);
  for (const part of [region!, service!, "aws4_request"]) key = hmac(key, part);
  const expected = createHmac("sha256", key).update(toSign, "utf8").digest("hex");
  return expected === signature ? undefined : "signature does not match";
}
