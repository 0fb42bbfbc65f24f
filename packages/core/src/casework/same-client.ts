import { createHmac } from "node:crypto";
import { covers, type UserActor } from "../actor/index.ts";
import { useConfig } from "../config/index.ts";
import { getItem, queryAll } from "../db/index.ts";
import { ValidationError } from "../error/index.ts";
import { formatDay, local } from "../time/index.ts";

/** What the warning reads of a case (record.ts's CaseRecord, which imports this file). */
interface OpenCase {
  client: { name: string };
  regionCode: string;
  supervisionCode: string;
  workerName: string;
  openedAt: string;
}

// Forms of address officers write before a name found on the street ("Pak Darto", "Mbah Sarni").
const ADDRESS = new Set([
  "pak",
  "bapak",
  "bp",
  "bu",
  "ibu",
  "mbah",
  "nenek",
  "kakek",
  "mas",
  "mbak",
  "sdr",
  "sdri",
]);

/**
 * The key an open case is found by when another is opened for the same client: a keyed hash (as for
 * the NIK) of the name without case, punctuation or a form of address, so the index holds no name.
 */
export function clientNameKey(name: string): string {
  const words = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const bare = words.length > 1 && ADDRESS.has(words[0]!) ? words.slice(1) : words;
  const key = useConfig().nikHashKey;
  if (!key) throw new Error("NIK hash key not configured");
  return createHmac("sha256", key)
    .update(`client-name:${bare.join(" ")}`)
    .digest("base64url");
}

/**
 * Before a case opens: the open cases in the caller's area for a client of the same name (outreach
 * often brings the same person in twice, without a NIK). Refused with a warning the officer confirms
 * when it is another person; cases outside the caller's area are not named.
 */
export async function warnSameClient(name: string, caller: UserActor, confirmed: boolean) {
  if (confirmed) return;
  const keys = await queryAll<{ pk: string; sk: string }>({
    IndexName: "gsi3",
    KeyConditionExpression: "gsi3pk = :pk",
    ExpressionAttributeValues: { ":pk": `CASECLIENT#${useConfig().kabupatenCode}#${clientNameKey(name)}` },
  });
  const found = await Promise.all(keys.map((k) => getItem<OpenCase>({ pk: k.pk, sk: k.sk })));
  const same = found.filter(
    (c): c is OpenCase =>
      Boolean(c) && (covers(caller.scope, c!.regionCode) || covers(caller.scope, c!.supervisionCode)),
  );
  const first = same[0];
  if (!first) return;
  const message =
    `Sudah ada kasus terbuka untuk ${first.client.name} di wilayah Anda, dibuka ` +
    `${formatDay(local(first.openedAt).day)}, ditangani ${first.workerName}` +
    `${same.length > 1 ? ` (dan ${same.length - 1} kasus lain)` : ""}. Bila orangnya berbeda, centang ` +
    `konfirmasi lalu simpan lagi.`;
  throw ValidationError(message, [{ field: "client.name", message, needsConfirmation: true }]);
}
