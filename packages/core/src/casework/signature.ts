import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { useConfig } from "../config/index.ts";

/**
 * The stack's signing key for handover files: Ed25519 from a seed derived from the stack's secret, so
 * it needs no storage of its own and stays the same across deploys. Its public half is given to the
 * other kabupaten beforehand (docs/deploy.md), and theirs kept here as trusted senders.
 */
const PKCS8_ED25519 = Buffer.from("302e020100300506032b657004220420", "hex");

let cached: { seed: string; key: KeyObject } | undefined;

function privateKey(): KeyObject {
  const seed = useConfig().signingSeed;
  if (!seed) throw new Error("Signing seed not configured");
  if (cached?.seed !== seed) {
    const der = Buffer.concat([PKCS8_ED25519, Buffer.from(seed, "base64url")]);
    cached = { seed, key: createPrivateKey({ key: der, format: "der", type: "pkcs8" }) };
  }
  return cached.key;
}

/** The public key as PEM text, to paste into the other kabupaten's list of trusted senders. */
export const publicKeyPem = () =>
  createPublicKey(privateKey()).export({ type: "spki", format: "pem" }).toString();

/** A short id of a public key (its SHA-256, first 16 hex), printed on the letter and checked on import. */
export function keyIdOf(pem: string): string {
  const der = createPublicKey(pem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

/** JSON with keys sorted at every level: the exact bytes that are signed and checked. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export const signDocument = (document: unknown) =>
  sign(null, Buffer.from(canonical(document)), privateKey()).toString("base64");

/** Whether `signature` is the sender's over exactly this document; a malformed key or signature is false. */
export function verifyDocument(document: unknown, signature: string, senderPem: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(canonical(document)),
      createPublicKey(senderPem),
      Buffer.from(signature, "base64"),
    );
  } catch (error) {
    if (error instanceof Error && /key|signature|DECODER|asn1/i.test(error.message)) return false;
    throw error;
  }
}
