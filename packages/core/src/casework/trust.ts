import { createPublicKey } from "node:crypto";
import { assertCan } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { useConfig } from "../config/index.ts";
import { getItem, put, queryAll, transact } from "../db/index.ts";
import { refuse } from "../error/index.ts";
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

/** This stack's public key and the senders it trusts. */
export async function trustedSenders() {
  assertCan("handover.keys");
  const pem = publicKeyPem();
  const senders = await queryAll<Record<string, string>>({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": `TRUSTKEY#${own()}` },
  });
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

/** Records (or replaces) the public key another kabupaten's stack signs its handovers with. */
export async function trustSender(input: unknown) {
  const caller = assertCan("handover.keys");
  const data = parse(AddTrustedSenderSchema, input);
  if (data.kabupatenCode === own()) refuse("kabupatenCode", "Kabupaten pengirim harus kabupaten lain.");
  const name = await kabupatenOf(data.kabupatenCode, "kabupatenCode");
  let keyId = "";
  try {
    if (createPublicKey(data.publicKey).asymmetricKeyType !== "ed25519") throw new TypeError("not ed25519");
    keyId = keyIdOf(data.publicKey);
  } catch (error) {
    if (!(error instanceof TypeError || (error instanceof Error && "code" in error))) throw error;
    refuse(
      "publicKey",
      "Kunci publik tidak dikenali: tempelkan teks kunci dari halaman serah terima kabupaten pengirim.",
    );
  }
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
      summary: `Kunci serah terima ${name} (${keyId}) dipercaya`,
    }),
  ]);
  return sender;
}
