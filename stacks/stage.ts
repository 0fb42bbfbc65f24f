import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * One stage per kabupaten, named after its Kemendagri code: `kab-3328` is the production stage of
 * 33.28 (Kabupaten Tegal); `dev-3328`, `test-3328`, `ci-3328`, `local-3328` and `pr-12-3328` are
 * disposable stages of the same kabupaten.
 */
const STAGE = /^(kab|dev|test|ci|local|pr-\d+)-(\d{2})(\d{2})$/;

/** Stages that hold no real data and may be torn down with their table. */
const DISPOSABLE = /^(dev|test|ci|local|pr-\d+)(-|$)/;

/**
 * Every stage not named disposable is treated as production: its table and secret are protected and
 * retained, so a mistyped stage name errs on the side of keeping data.
 */
export const isProduction = (stage: string) => !DISPOSABLE.test(stage);

/** The stage of a kabupaten: `33.28` → `kab-3328` (production) or `test-3328`. */
export function stageFor(kabupatenCode: string, kind: "kab" | "dev" | "test" = "kab"): string {
  const code = requireKnownKabupaten(kabupatenCode);
  return `${kind}-${code.replace(".", "")}`;
}

/** The kabupaten a stage serves: `kab-3328` → `33.28`. Throws for a stage that names none. */
export function kabupatenOf(stage: string): string {
  const match = STAGE.exec(stage);
  if (!match)
    throw new Error(
      `Stage "${stage}" tidak menyebut kabupaten/kota. Pakai kab-<kode> untuk produksi (mis. kab-3328 untuk 33.28) atau dev-/test-<kode>; \`npm run deploy -- 33.28\` memilihkannya.`,
    );
  return requireKnownKabupaten(`${match[2]}.${match[3]}`);
}

/** The code, if it is a kabupaten or kota in the Kemendagri list (idn-area-data); throws otherwise. */
export function requireKnownKabupaten(code: string): string {
  if (!/^\d{2}\.\d{2}$/.test(code))
    throw new Error(`"${code}" bukan kode kabupaten/kota; tulis seperti daftar Kemendagri, mis. 33.28.`);
  const name = kabupatenName(code);
  if (!name) throw new Error(`${code} tidak ada di daftar kabupaten/kota Kemendagri (idn-area-data).`);
  return code;
}

/** The kabupaten's name from idn-area-data (read synchronously: stacks are built synchronously). */
export function kabupatenName(code: string): string | undefined {
  const require = createRequire(import.meta.url);
  const csv = join(dirname(require.resolve("idn-area-data")), "../data/regencies.csv");
  const line = readFileSync(csv, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${code},`));
  return line?.split(",").slice(2).join(",").trim().replace(/^"|"$/g, "");
}

/** The site's own domain and its (us-east-1) certificate, when both are given; else CloudFront's. */
export function customDomain(env: NodeJS.ProcessEnv = process.env) {
  return env.SITE_DOMAIN && env.SITE_CERTIFICATE_ARN
    ? { name: env.SITE_DOMAIN, certificateArn: env.SITE_CERTIFICATE_ARN }
    : undefined;
}

/**
 * The data key version personal fields are sealed with (DATA_KEY_VERSION, default 1): raised to rotate
 * the key, then `npm run rotate-data-key` re-seals what is stored (docs/deploy.md).
 */
export function dataKeyVersion(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.DATA_KEY_VERSION ?? "1";
  if (!/^[1-9]\d{0,3}$/.test(value))
    throw new Error(`DATA_KEY_VERSION harus bilangan bulat mulai 1, bukan "${value}".`);
  return value;
}

/** TABLE_CLASS=ia puts the table in Standard-Infrequent Access; unset or `standard` keeps Standard. */
export function tableClassIsIa(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.TABLE_CLASS ?? "standard";
  if (value !== "standard" && value !== "ia")
    throw new Error(`TABLE_CLASS harus "standard" atau "ia", bukan "${value}".`);
  return value === "ia";
}
