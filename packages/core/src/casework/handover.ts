import { randomUUID } from "node:crypto";
import * as v from "valibot";
import { assertCan } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { useConfig } from "../config/index.ts";
import { failedWrite, getItem, put, putNew, transact } from "../db/index.ts";
import { ConflictError, NotFoundError, refuse } from "../error/index.ts";
import { kabupatenName } from "../region/index.ts";
import { nikHash } from "../resident/index.ts";
import { formatLocal, nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { reaches } from "../workflow/index.ts";
import { entry, loadFile, opened, personOf, toView } from "./record.ts";
import {
  HANDOVER_FORMAT,
  HandoverFileSchema,
  ImportHandoverSchema,
  type CaseView,
  type HandoverDocument,
  type HandoverDownload,
  type HandoverFile,
} from "./schema.ts";
import { kabupatenOf, trustedKey } from "./trust.ts";
import { canonical, keyIdOf, publicKeyPem, signDocument, verifyDocument } from "./signature.ts";
import { step } from "./step.ts";
import { CASE_WORKFLOW } from "./workflow.ts";

/**
 * Handover between kabupaten (seed 000). Each kabupaten runs its own stack, so a handover is a
 * document: the sending stack signs it with its key, the receiving stack checks it against the sender's
 * public key, exchanged beforehand, and opens the case on its side; the sending case closes.
 */
const own = () => useConfig().kabupatenCode;
const documentKey = (id: string) => ({ pk: `HANDOVER#${id}`, sk: "HANDOVER" });

export const handOver = step("hand-over", async (input, { record, caller }) => {
  if (input.toKabupatenCode === own())
    refuse("toKabupatenCode", "Kabupaten tujuan harus kabupaten/kota lain.");
  const toName = await kabupatenOf(input.toKabupatenCode, "toKabupatenCode");
  const file = await loadFile(record.id);
  const latest = (action: string) => file?.entries.filter((e) => e.action === action).at(-1)?.data;
  const { nikh: _h, desaCode: _d, ...client } = record.client;
  const document: HandoverDocument = {
    id: randomUUID(),
    issuedAt: nowIso(),
    from: {
      kabupatenCode: own(),
      kabupatenName: (await kabupatenName(own())) ?? own(),
      workerName: caller.name,
      workerUsername: caller.username,
      keyId: keyIdOf(publicKeyPem()),
    },
    to: { kabupatenCode: input.toKabupatenCode, kabupatenName: toName, receiver: input.receiver },
    reason: input.reason,
    client: client as HandoverDocument["client"],
    summary: {
      caseId: record.id,
      openedAt: record.openedAt,
      source: record.source.kind,
      ...(latest("assess") ? { assessment: latest("assess") } : {}),
      ...(record.plan ? { plan: record.plan.goals } : {}),
      interventions: (file?.entries ?? []).filter((e) => e.action === "intervene").map((e) => e.data),
      stays: record.stays,
    },
  };
  const signed: HandoverFile = { format: HANDOVER_FORMAT, document, signature: signDocument(document) };
  // The file is exactly these bytes; an import accepts no other spelling of it (./handover.ts readFile).
  const text = canonical(signed);
  return {
    set: { handover: { documentId: document.id, toKabupatenCode: input.toKabupatenCode, toName } },
    data: { to: toName, receiver: input.receiver, reason: input.reason, documentId: document.id },
    writes: [put("handover", { ...documentKey(document.id), type: "handover", caseId: record.id, text })],
  };
});

/** The signed file of a handed-over case (to send, or to print its letter), audited against the person. */
export async function handoverFile(caseId: string): Promise<HandoverDownload> {
  const caller = assertCan("case.read");
  const found = await loadFile(caseId);
  if (!found || !reaches(CASE_WORKFLOW, found.record, caller) || !found.record.handover)
    throw NotFoundError("Serah terima");
  const item = await getItem<{ text: string }>(documentKey(found.record.handover.documentId));
  if (!item) throw NotFoundError("Serah terima");
  await Audit.record({
    action: "case.handover-file",
    target: personOf(found.record),
    summary: `Membuka berkas serah terima kasus ${caseId}`,
  });
  return { text: item.text, file: JSON.parse(item.text) as HandoverFile };
}

const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

/**
 * The file as received, or a 422 on `file` when it is no handover file at all. `exact` says whether it is
 * the very bytes a sender wrote (the canonical JSON, trailing line breaks aside): not even a space or a
 * number spelled otherwise passes. The signature is checked over the document as received.
 */
function readFile(text: string): {
  file: HandoverFile;
  raw: { document: unknown; signature: string };
  exact: boolean;
} {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    refuse("file", "Berkas serah terima rusak atau terpotong. Minta berkas asli dari pengirim.");
  }
  const parsed = v.safeParse(HandoverFileSchema, json);
  if (!parsed.success) refuse("file", "Berkas ini bukan berkas serah terima Puskesos.");
  const raw = json as { document: unknown; signature: string };
  const exact = canonical(json) === text.replace(/[\r\n]+$/, "") && SIGNATURE.test(raw.signature);
  return { file: parsed.output as HandoverFile, raw, exact };
}

/** Text a file claims before its signature is checked: no control or direction marks, cut short. */
const claimed = (text: string, max = 80) => text.replace(/[\p{Cc}\p{Cf}]/gu, "").slice(0, max);

/**
 * A refused import, kept in the audit log under the sender it claims (a forged or altered file is worth
 * an admin's look), then answered on `file`. The message is built from `claimed` text only, and a sender
 * code that is no kabupaten code is logged as unknown.
 */
async function refuseImport(document: HandoverDocument, message: string): Promise<never> {
  const code = /^\d{2}\.\d{2}$/.test(document.from.kabupatenCode)
    ? document.from.kabupatenCode
    : "tidak-dikenal";
  await Audit.record({
    action: "case.import-refused",
    target: { type: "trusted-sender", id: code },
    summary: `Berkas serah terima ${claimed(document.id, 40)} ditolak: ${message}`,
  });
  return refuse("file", message);
}

/**
 * Opens the case a signed handover file brings, with the importing worker responsible. Refused (422
 * naming the file, and logged) when it is meant for another kabupaten, signed by a stack not trusted
 * here, or changed by even one byte since it was signed; a file already imported answers 409.
 */
export async function importFile(input: unknown): Promise<CaseView> {
  const caller = assertCan("handover.import");
  const { file: text } = parse(ImportHandoverSchema, input);
  const { file, raw, exact } = readFile(text);
  const { document } = file;
  const from = claimed(document.from.kabupatenName);
  if (document.to.kabupatenCode !== own())
    await refuseImport(
      document,
      `Berkas ini ditujukan ke ${claimed(document.to.kabupatenName)}, bukan ke kabupaten ini.`,
    );
  const sender = await trustedKey(document.from.kabupatenCode);
  if (!sender)
    await refuseImport(
      document,
      `${from} belum terdaftar di sini sebagai pengirim tepercaya, jadi tanda tangan berkasnya belum dapat diperiksa. Minta admin atau manajer mendaftarkan kunci publik ${from} di halaman Kunci serah terima.`,
    );
  if (
    !exact ||
    document.from.keyId !== keyIdOf(sender!.publicKey) ||
    !verifyDocument(raw.document, raw.signature, sender!.publicKey)
  )
    await refuseImport(
      document,
      `Berkas serah terima telah diubah sejak ditandatangani ${from}, atau tidak ditandatangani dengan kuncinya. Minta berkas asli dari pengirim.`,
    );
  const done = await getItem<{ caseId: string }>({ pk: `HANDOVERIN#${document.id}`, sk: "HANDOVERIN" });
  if (done) {
    // Named as officers know a case (its client, when and who), to a caller who may read that case.
    const earlier = (await loadFile(done.caseId))?.record;
    throw ConflictError(
      earlier && reaches(CASE_WORKFLOW, earlier, caller)
        ? `Berkas ini sudah diimpor: kasus ${earlier.client.name}, dibuka ${formatLocal(earlier.openedAt)}, ditangani ${earlier.workerName}.`
        : "Berkas ini sudah diimpor di kabupaten ini, sebagai kasus pekerja sosial lain. Tanyakan supervisor atau manajer.",
      "file",
    );
  }

  const { nik, ...client } = document.client;
  const { record, writes } = opened(
    {
      id: randomUUID(),
      source: { kind: "serah-terima", fromKabupaten: document.from.kabupatenName, documentId: document.id },
      client: { ...client, ...(nik ? { nik, nikh: nikHash(nik) } : {}) },
      regionCode: caller.scope.code,
    },
    { username: caller.username, name: caller.name, scopeCode: caller.scope.code },
    caller.username,
  );
  try {
    await transact([
      putNew("handover-in", { pk: `HANDOVERIN#${document.id}`, sk: "HANDOVERIN", caseId: record.id }),
      ...writes,
      entry(record.id, "open", "Kasus dibuka dari serah terima", {
        source: "serah-terima",
        from: document.from.kabupatenName,
        fromWorker: document.from.workerName,
        reason: document.reason,
        issuedAt: document.issuedAt,
        summary: document.summary,
      }),
      Audit.entry({
        action: "case.import",
        target: personOf(record),
        summary: `Kasus ${record.id} dibuka dari serah terima ${document.from.kabupatenName} (${document.id})`,
      }),
    ]);
  } catch (error) {
    if (failedWrite(error) === "handover-in") throw ConflictError("Berkas ini sudah diimpor.", "file");
    throw error;
  }
  return toView(record, caller);
}
