import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { configureDb } from "@puskesos/core/db";

/**
 * The table a maintenance command works on: TABLE_NAME (the stack's TableName output, or `puskesos`
 * locally), on AWS with AWS_REGION and credentials, or on a local DynamoDB at DYNAMODB_ENDPOINT. Stops
 * with a message when TABLE_NAME is missing.
 */
export async function tableFromEnv(env: NodeJS.ProcessEnv = process.env) {
  if (!env.DYNAMODB_ENDPOINT) await credentialsFromChain(env);
  const table = env.TABLE_NAME;
  if (!table) {
    console.error(
      "TABLE_NAME belum diisi: nama tabel dari keluaran stack (TableName), atau puskesos untuk lokal.",
    );
    process.exit(1);
  }
  return configureDb({
    tableName: table,
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT, region: "local" } : {}),
  });
}

/**
 * A maintenance command's kabupaten: required, never the local server's default, because it decides an
 * admin's scope and the day the retention job counts from (a Tegal admin on a Makassar table otherwise).
 */
export function kabupatenFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const code = env.KABUPATEN_CODE;
  if (!code) {
    console.error(
      "KABUPATEN_CODE belum diisi: kode Kemendagri kabupaten/kota stack ini, mis. KABUPATEN_CODE=33.28 (sama dengan yang dipakai saat deploy atau npm start).",
    );
    process.exit(1);
  }
  return code;
}

/** The local server's stack secret (`npm start` keeps it in its data folder; `--memory` keeps none). */
export function localSecret(env: NodeJS.ProcessEnv = process.env): string {
  const file = resolve(env.PUSKESOS_DATA_DIR ?? ".data", "stack.secret");
  if (!existsSync(file)) {
    console.error(
      `Kunci lokal ${file} tidak ada. Perintah ini bekerja pada server lokal yang menyimpan datanya (npm start tanpa --memory; PUSKESOS_DATA_DIR bila folder datanya lain), atau pada AWS dengan SECRET_ID.`,
    );
    process.exit(1);
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * On AWS, the credentials the AWS CLI and `sst deploy` use (AWS_PROFILE, SSO, `aws configure`), put in
 * the environment where the app's own request signer reads them: a Lambda has its role's there, an
 * officer's shell often has none. Keys already in the environment are used as they are.
 */
async function credentialsFromChain(env: NodeJS.ProcessEnv) {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return;
  const { fromNodeProviderChain } = await import("@aws-sdk/credential-providers");
  try {
    const found = await fromNodeProviderChain()();
    env.AWS_ACCESS_KEY_ID = found.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = found.secretAccessKey;
    if (found.sessionToken) env.AWS_SESSION_TOKEN = found.sessionToken;
  } catch (error) {
    console.error(
      `Kredensial AWS tidak ditemukan (${(error as Error).message}). Masuk seperti untuk deploy: AWS_PROFILE=…, aws sso login, atau aws configure.`,
    );
    process.exit(1);
  }
}
