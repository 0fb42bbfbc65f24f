import { parseArgs } from "node:util";
import { configure, fromEnv } from "@puskesos/core/config";
import { configureDb } from "@puskesos/core/db";
import { recount } from "@puskesos/core/report/recount";

/**
 * `npm run recount` (add `-- --fix` to write the recounted values and missing list entries)
 *
 * Recounts every report counter from the records and lists any difference. Against AWS: TABLE_NAME,
 * AWS_REGION and credentials (a full Scan: run it off-hours). Locally: DYNAMODB_ENDPOINT as well.
 */
const { values } = parseArgs({ options: { fix: { type: "boolean", default: false } } });
const table = process.env.TABLE_NAME;
if (!table) {
  console.error("TABLE_NAME belum diisi: nama tabel dari keluaran stack (TableName).");
  process.exit(1);
}
configure(fromEnv());
configureDb({
  tableName: table,
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT, region: "local" } : {}),
});
const result = await recount({ fix: values.fix });
console.log(`${result.records} catatan dihitung ulang.`);
if (!result.differences.length) console.log("Semua penghitung cocok.");
for (const d of result.differences)
  console.log(`${d.region} ${d.month} ${d.counter}: tersimpan ${d.stored}, hitung ulang ${d.recounted}`);
if (values.fix)
  console.log(
    `Diperbaiki: ${new Set(result.differences.map((d) => d.region + d.month)).size} penghitung, ${result.entriesAdded} entri daftar.`,
  );
process.exit(result.differences.length && !values.fix ? 2 : 0);
