import { createPublicKey } from "node:crypto";
import { assertCan } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { useConfig } from "../config/index.ts";
import { getItem, put, queryAll, remove, transact } from "../db/index.ts";
import { NotFoundError, refuse } from "../error/index.ts";
import { kabupatenName } from "../region/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { AddTrustedSenderSchema } from "./schema.ts";
import { keyIdOf, publicKeyPem } from "./signature.ts";

/**
 * The stacks this one trusts: each kabupaten's public key, registered by its manajer or admin after
 * checking the key's fingerprint with the other kabupaten (docs/deploy.md).
 */
const own = () => useConfig().kabupatenCode;
const trustKey = (from: string) => ({ pk: `TRUSTKEY#${own()}`, sk: from });

/** The name of a kabupaten of Indonesia, or a 422 on `field`. */
export async function kabupatenOf(code: string, field: string): Promise<string> {
  const name = await kabupatenName(code);
  if (!name) refuse(field, `Kabupaten ${code} tidak dikenal.`);
  return name!;
}

/** The public key a trusted kabupaten signs with, if it is trusted here. */
export const trustedKey = (from: string) =>
  getItem<{ publicKey: string; kabupatenName: string }>(trustKey(from));

const listSenders = () =>
  queryAll<Record<string, string>>({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": `TRUSTKEY#${own()}` },
  });

/** This stack's public key and the senders it trusts. */
export async function trustedSenders() {
  assertCan("handover.keys");
  const pem = publicKeyPem();
  const senders = await listSenders();
  return {
    own: {
      kabupatenCode: own(),
      kabupatenName: (await kabupatenName(own())) ?? own(),
      keyId: keyIdOf(pem),
      publicKey: pem,
    },
    senders: senders.map(({ kabupatenCode, kabupatenName: name, keyId, addedBy, addedAt }) => ({
      kabupatenCode: kabupatenCode!,
      kabupatenName: name!,
      keyId: keyId!,
      addedBy: addedBy!,
      addedAt: addedAt!,
    })),
  };
}

/** The fingerprint of a pasted public key, or a 422 on `publicKey` for text that is no Ed25519 key. */
function fingerprintOf(pem: string): string {
  // createPublicKey also takes a private key (and derives its public half): the schema refuses one
  // (AddTrustedSenderSchema), and only a PUBLIC KEY block is read here.
  if (!/-----BEGIN PUBLIC KEY-----/.test(pem))
    refuse(
      "publicKey",
      "Kunci publik tidak dikenali: tempelkan seluruh teks, termasuk baris BEGIN PUBLIC KEY dan END PUBLIC KEY.",
    );
  try {
    if (createPublicKey(pem).asymmetricKeyType !== "ed25519") throw new TypeError("not ed25519");
    return keyIdOf(pem);
  } catch (error) {
    if (!(error instanceof TypeError || (error instanceof Error && "code" in error))) throw error;
    return refuse(
      "publicKey",
      "Kunci publik tidak dikenali: tempelkan teks kunci dari halaman serah terima kabupaten pengirim.",
    );
  }
}

/**
 * Records (or replaces) the public key another kabupaten's stack signs its handovers with. A key pasted
 * from the wrong place is refused: this stack's own, or one another kabupaten is already trusted with
 * (each stack has its own key, so one key for two kabupaten is a mix-up, and would let either sign as both).
 */
export async function trustSender(input: unknown) {
  const caller = assertCan("handover.keys");
  const data = parse(AddTrustedSenderSchema, input);
  if (data.kabupatenCode === own()) refuse("kabupatenCode", "Kabupaten pengirim harus kabupaten/kota lain.");
  const name = await kabupatenOf(data.kabupatenCode, "kabupatenCode");
  const keyId = fingerprintOf(data.publicKey);
  if (keyId === keyIdOf(publicKeyPem()))
    refuse(
      "publicKey",
      `Ini kunci publik kabupaten ini sendiri, bukan kunci ${name}. Minta teks kunci dari admin ${name}.`,
    );
  const senders = await listSenders();
  const other = senders.find((s) => s.keyId === keyId && s.kabupatenCode !== data.kabupatenCode);
  if (other)
    refuse(
      "publicKey",
      `Kunci ini sudah terdaftar untuk ${other.kabupatenName}. Setiap kabupaten punya kuncinya sendiri: periksa lagi teks yang ditempel.`,
    );
  const before = senders.find((s) => s.kabupatenCode === data.kabupatenCode);
  if (before?.keyId === keyId) refuse("publicKey", `Kunci ini sudah terdaftar untuk ${name}.`);
  const sender = {
    kabupatenCode: data.kabupatenCode,
    kabupatenName: name,
    keyId,
    addedBy: caller.username,
    addedAt: nowIso(),
  };
  await transact([
    put("trusted-sender", {
      ...trustKey(data.kabupatenCode),
      type: "trusted-sender",
      publicKey: data.publicKey,
      ...sender,
    }),
    Audit.entry({
      action: "handover.trust",
      target: { type: "trusted-sender", id: data.kabupatenCode },
      summary: before
        ? `Kunci serah terima ${name} diganti: ${before.keyId} → ${keyId}`
        : `Kunci serah terima ${name} (${keyId}) dipercaya`,
    }),
  ]);
  return { ...sender, ...(before ? { replacedKeyId: before.keyId } : {}) };
}

/** Stops trusting a kabupaten's key (a key leaked, or no more handovers): its files are refused after. */
export async function untrustSender(kabupatenCode: string) {
  assertCan("handover.keys");
  // Only a kabupaten's code names a trusted sender (anything longer could not even be a table key).
  const found = /^\d{2}\.\d{2}$/.test(kabupatenCode)
    ? await getItem<{ kabupatenName: string; keyId: string }>(trustKey(kabupatenCode))
    : undefined;
  if (!found) throw NotFoundError("Kabupaten pengirim");
  await transact([
    remove("trusted-sender", trustKey(kabupatenCode)),
    Audit.entry({
      action: "handover.untrust",
      target: { type: "trusted-sender", id: kabupatenCode },
      summary: `Kunci serah terima ${found!.kabupatenName} (${found!.keyId}) dihapus`,
    }),
  ]);
  return { kabupatenCode, keyId: found!.keyId };
}
