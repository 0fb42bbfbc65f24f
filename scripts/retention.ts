import { argsOrExit } from "./args.ts";
import * as Actor from "@puskesos/core/actor";
import { configure, deriveKeys, fromEnv } from "@puskesos/core/config";
import { loadStackKeys } from "@puskesos/core/config/secrets";
import { RECORD_KINDS, RETENTION_NOUNS, sweep } from "@puskesos/core/retention";
import { RETENTION_RULES } from "@puskesos/core/retention/labels";
import { backfill } from "@puskesos/core/retention/backfill";
import { kabupatenFromEnv, localSecret, tableFromEnv } from "./table-from-env.ts";

/**
 * `npm run retention` (first time on a table older than the job: `npm run retention -- --backfill`)
 *
 * Runs the daily retention job now, as the scheduled Lambda does, and lists what it made anonymous.
 * `--backfill` first marks the records finished before marks were written (a full Scan reading no
 * personal field: run it once, off-hours). Against AWS: TABLE_NAME, SECRET_ID (the stack's secret),
 * KABUPATEN_CODE, AWS_REGION and credentials. Locally, while `npm start` runs: TABLE_NAME=puskesos,
 * DYNAMODB_ENDPOINT (printed at start) and PUSKESOS_DATA_DIR (default .data, where the local secret is).
 */
const { values } = argsOrExit(
  { options: { backfill: { type: "boolean", default: false } } },
  "npm run retention [-- --backfill]",
);
kabupatenFromEnv();
await tableFromEnv();
const keys = process.env.SECRET_ID ? await loadStackKeys(process.env.SECRET_ID) : deriveKeys(localSecret());
configure({ ...fromEnv(), ...keys });

if (values.backfill) {
  const marked = await backfill();
  const list = RECORD_KINDS.map((k) => `${marked[k]} ${RETENTION_NOUNS[k]}`).join(", ");
  console.log(`Ditandai untuk masa simpan: ${list}.`);
}
const result = await Actor.provide({ type: "system", name: "retention" }, () => sweep());
console.log(`Masa simpan per ${result.day}:`);
for (const kind of RECORD_KINDS) {
  const k = result.kinds[kind];
  const ids = result.records.filter((r) => r.kind === kind).map((r) => r.id);
  console.log(
    `- ${RETENTION_RULES[kind].label} selesai sebelum ${k.before}: ${k.anonymized} dianonimkan` +
      (k.postponed ? `, ${k.postponed} diubah sesudahnya (ditunda)` : "") +
      (k.conflicts ? `, ${k.conflicts} sedang diubah (dicoba lagi besok)` : "") +
      (k.unfinished ? ", belum semua (waktu habis)" : ""),
  );
  for (const id of ids) console.log(`    ${id}`);
}
console.log(
  `- Log akses sebelum ${result.audit.before}: ${result.audit.entries} entri dilepas dari NIK` +
    (result.audit.through ? ` (selesai s.d. ${result.audit.through})` : ""),
);
process.exit(RECORD_KINDS.some((k) => result.kinds[k].conflicts || result.kinds[k].unfinished) ? 2 : 0);
