import * as v from "valibot";
import { PPKS_CODES } from "../catalog/schema.ts";
import { kabupatenCode } from "../validation/fields.ts";

/** The shapes of a handover between kabupaten: the signed file, its import, and the trusted senders. */

/** A client's sex as records and facilities count it (beds are separated by sex). */
export const SEXES = ["L", "P"] as const;
/** A handover file as another kabupaten's stack signs it (seed 000: a client handed to the home region). */
export const HANDOVER_FORMAT = "puskesos-serah-terima/1";
const kabupaten = v.object({ kabupatenCode: v.string(), kabupatenName: v.string() });
export const HandoverDocumentSchema = v.object({
  id: v.string(),
  issuedAt: v.string(),
  from: v.object({
    ...kabupaten.entries,
    workerName: v.string(),
    workerUsername: v.string(),
    keyId: v.string(),
  }),
  to: v.object({ ...kabupaten.entries, receiver: v.string() }),
  reason: v.string(),
  client: v.object({
    name: v.string(),
    nik: v.optional(v.string()),
    identityVerified: v.boolean(),
    sex: v.picklist(SEXES),
    birthDate: v.optional(v.string()),
    estimatedAge: v.optional(v.number()),
    origin: v.optional(v.string()),
    ppks: v.picklist(PPKS_CODES),
    known: v.optional(v.string()),
  }),
  /** The case so far: opened, assessment, plan with progress, interventions, stays. */
  summary: v.record(v.string(), v.unknown()),
});
export type HandoverDocument = v.InferOutput<typeof HandoverDocumentSchema>;
export const HandoverFileSchema = v.object({
  format: v.literal(HANDOVER_FORMAT),
  document: HandoverDocumentSchema,
  signature: v.string(),
});
export type HandoverFile = v.InferOutput<typeof HandoverFileSchema>;

/** A sent handover: the file's exact text to save and send, and its content to print the letter from. */
export const HandoverDownloadSchema = v.object({ text: v.string(), file: HandoverFileSchema });
export type HandoverDownload = v.InferOutput<typeof HandoverDownloadSchema>;

export const ImportHandoverSchema = v.strictObject(
  {
    file: v.pipe(
      v.string("Berkas serah terima harus berupa teks."),
      v.title("Berkas serah terima"),
      v.minLength(1, "Berkas serah terima wajib dipilih."),
      v.maxLength(300_000, "Berkas serah terima terlalu besar."),
    ),
  },
  "Data harus berupa objek JSON.",
);

export const TrustedSenderSchema = v.object({
  kabupatenCode: v.string(),
  kabupatenName: v.string(),
  keyId: v.string(),
  addedBy: v.string(),
  addedAt: v.string(),
  /** The key it replaced, when the kabupaten was trusted with another before. */
  replacedKeyId: v.optional(v.string()),
});
/** A kabupaten no longer trusted, and the key it had. */
export const UntrustedSenderSchema = v.object({ kabupatenCode: v.string(), keyId: v.string() });
export const TrustedSendersSchema = v.object({
  own: v.object({
    kabupatenCode: v.string(),
    kabupatenName: v.string(),
    keyId: v.string(),
    publicKey: v.string(),
  }),
  senders: v.array(TrustedSenderSchema),
});
export const AddTrustedSenderSchema = v.strictObject(
  {
    kabupatenCode: kabupatenCode("Kabupaten pengirim"),
    publicKey: v.pipe(
      v.string("Kunci publik harus berupa teks."),
      v.title("Kunci publik"),
      v.trim(),
      v.minLength(1, "Kunci publik wajib diisi."),
      v.maxLength(2000, "Kunci publik terlalu panjang."),
      // A private key pasted by mistake is refused in the browser already, never sent or stored.
      v.check(
        (text) => !/PRIVATE KEY/.test(text),
        "Ini kunci privat, bukan kunci publik: jangan ditempel atau dikirim ke mana pun. Minta teks kunci publik (BEGIN PUBLIC KEY) dari kabupaten pengirim.",
      ),
    ),
  },
  "Data harus berupa objek JSON.",
);
