import { configure, deriveKeys, fromEnv } from "@puskesos/core/config";
import { loadStackKeys } from "@puskesos/core/config/secrets";
import { currentVersion } from "@puskesos/core/seal";
import { rotate } from "@puskesos/core/seal/rotate";
import { kabupatenFromEnv, localSecret, tableFromEnv } from "./table-from-env.ts";

/**
 * `DATA_KEY_VERSION=2 npm run rotate-data-key`
 *
 * Re-seals NIK, No. KK, phone numbers, case notes and handover files with data key version
 * DATA_KEY_VERSION (deploy the stage with the same DATA_KEY_VERSION first, so new records use it too).
 * Against AWS: TABLE_NAME, SECRET_ID (the stack's secret), AWS_REGION and credentials. Locally, while
 * `npm start` runs: TABLE_NAME=puskesos, DYNAMODB_ENDPOINT (printed at start) and PUSKESOS_DATA_DIR
 * (default .data, where the local secret is kept). A full Scan: run it off-hours.
 */
kabupatenFromEnv();
await tableFromEnv();
const keys = process.env.SECRET_ID ? await loadStackKeys(process.env.SECRET_ID) : deriveKeys(localSecret());
configure({ ...fromEnv(), ...keys });
const result = await rotate();
console.log(
  `${result.scanned} item diperiksa; ${result.resealed} disegel ulang dengan kunci versi ${currentVersion()}; ` +
    `${result.skipped} berubah saat diproses (jalankan lagi untuk item itu).`,
);
process.exit(result.skipped ? 2 : 0);
