import { argsOrExit } from "./args.ts";
import { configure, fromEnv } from "@puskesos/core/config";
import { recount } from "@puskesos/core/report/recount";
import { kabupatenFromEnv, tableFromEnv } from "./table-from-env.ts";

/**
 * `npm run recount` (add `-- --fix` to write the recounted values and missing list entries, to
 * remove list entries a complaint no longer has, and to put referrals served before 2026-12-06 on
 * their OPD's "Sudah dilayani")
 *
 * Recounts every report counter from the records and lists any difference. Against AWS: TABLE_NAME,
 * AWS_REGION and credentials (a full Scan: run it off-hours). Locally: DYNAMODB_ENDPOINT as well.
 */
const { values } = argsOrExit(
  { options: { fix: { type: "boolean", default: false } } },
  "npm run recount [-- --fix]",
);
kabupatenFromEnv();
configure(fromEnv());
await tableFromEnv();
const result = await recount({ fix: values.fix });
console.log(`${result.records} catatan dihitung ulang.`);
if (!result.differences.length) console.log("Semua penghitung cocok.");
if (result.servedUnlisted)
  console.log(
    `${result.servedUnlisted} rujukan selesai ${values.fix ? "kini" : "belum"} tercantum di "Sudah dilayani" OPD-nya.`,
  );
for (const d of result.differences)
  console.log(`${d.region} ${d.month} ${d.counter}: tersimpan ${d.stored}, hitung ulang ${d.recounted}`);
if (values.fix)
  console.log(
    `Diperbaiki: ${new Set(result.differences.map((d) => d.region + d.month)).size} penghitung, ${result.entriesAdded} entri daftar ditambahkan, ${result.entriesRemoved} dihapus.`,
  );
process.exit((result.differences.length || result.servedUnlisted) && !values.fix ? 2 : 0);
