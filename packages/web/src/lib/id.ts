/**
 * A new random id (UUID v4) for a record made on this device. `crypto.randomUUID` exists only in a
 * secure context (https or localhost); over a plain-http LAN address the same id is made from
 * `crypto.getRandomValues`, which every context has.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Whether this page may keep records on the device sealed (Web Crypto's `subtle` exists only in a secure
 * context). Without it, records waiting to be sent and drafts live only while the page is open.
 */
export const canSeal = (): boolean => Boolean(globalThis.crypto?.subtle);
