import {
  dataKeyVersion,
  isProduction,
  kabupatenName,
  kabupatenOf,
  requireKnownKabupaten,
  stageFor,
} from "../../stacks/stage.ts";

export const DEFAULT_REGION = "ap-southeast-3";

export interface DeployOptions {
  code: string | undefined;
  test?: boolean;
  region?: string;
  alarmEmail?: string;
  budget?: string;
  domain?: string;
  certificate?: string;
  tableClass?: string;
  /** DATA_KEY_VERSION: after a rotation, every deploy must keep the raised version (docs/deploy.md). */
  dataKeyVersion?: string;
}

export interface Plan {
  stage: string;
  kabupaten: string;
  region: string;
  production: boolean;
  /** Environment the stacks read at synthesis (stacks/*.ts). */
  env: Record<string, string>;
  commands: string[][];
}

/** A refusal with the message to show the operator. */
export class PlanError extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What `npm run deploy` will do, checked before anything runs: the stage derived from the
 * kabupaten's code, the region, and the settings the stacks read.
 */
export function deployPlan(options: DeployOptions): Plan {
  const code = known(options.code);
  const stage = stageFor(code, options.test ? "test" : "kab");
  const production = isProduction(stage);
  const region = options.region ?? DEFAULT_REGION;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    throw new PlanError(`Region "${region}" tidak dikenal (contoh: ap-southeast-3).`);
  if (production && !options.alarmEmail)
    throw new PlanError(
      "Stage produksi wajib punya --alarm-email: ke sana alarm dan peringatan anggaran dikirim.",
    );
  if (options.alarmEmail && !EMAIL.test(options.alarmEmail))
    throw new PlanError(`--alarm-email "${options.alarmEmail}" bukan alamat email.`);
  // The cost model's month 12 at the default profile is about US$23 (npm run cost): a lower default
  // would send a forecast alert every month from about the seventh.
  const budget = options.budget ?? "25";
  if (!/^\d+(\.\d+)?$/.test(budget) || Number(budget) <= 0)
    throw new PlanError(`--budget "${budget}" harus angka dolar AS lebih dari 0 (contoh: 25).`);
  if (Boolean(options.domain) !== Boolean(options.certificate))
    throw new PlanError(
      "--domain dan --certificate diisi bersama (sertifikat ACM untuk domain itu, di us-east-1).",
    );
  if (options.certificate && !options.certificate.startsWith("arn:aws:acm:us-east-1:"))
    throw new PlanError("--certificate harus ARN sertifikat ACM di us-east-1 (syarat CloudFront).");
  const tableClass = options.tableClass ?? "standard";
  if (tableClass !== "standard" && tableClass !== "ia")
    throw new PlanError(`--table-class "${tableClass}" tidak dikenal: pilih standard atau ia.`);
  let keyVersion: string;
  try {
    keyVersion = dataKeyVersion({ DATA_KEY_VERSION: options.dataKeyVersion });
  } catch (error) {
    throw new PlanError(error instanceof Error ? error.message : String(error));
  }
  const env: Record<string, string> = {
    MONTHLY_BUDGET_USD: budget,
    TABLE_CLASS: tableClass,
    DATA_KEY_VERSION: keyVersion,
  };
  if (options.alarmEmail) env.ALARM_EMAIL = options.alarmEmail;
  if (options.domain && options.certificate) {
    env.SITE_DOMAIN = options.domain;
    env.SITE_CERTIFICATE_ARN = options.certificate;
  }
  return {
    stage,
    kabupaten: `${code} ${kabupatenName(code) ?? ""}`.trim(),
    region,
    production,
    env,
    commands: [
      ["npm", "run", "build"],
      ["npx", "sst", "deploy", "--stage", stage, "--region", region],
    ],
  };
}

/**
 * What `npm run remove` will do: only disposable stages. A production stage is never removed by
 * this command (its table and secret would be retained anyway).
 */
export function removePlan(options: { code: string | undefined; stage?: string; region?: string }): Plan {
  const stage = options.stage ?? stageFor(known(options.code, "remove"), "test");
  if (isProduction(stage))
    throw new PlanError(
      `${stage} adalah stage produksi: perintah ini hanya menghapus stage uji (dev-, test-, ci-, pr-).`,
    );
  let code: string;
  try {
    code = kabupatenOf(stage);
  } catch (error) {
    throw new PlanError(error instanceof Error ? error.message : String(error));
  }
  const region = options.region ?? DEFAULT_REGION;
  return {
    stage,
    kabupaten: `${code} ${kabupatenName(code) ?? ""}`.trim(),
    region,
    production: false,
    env: {},
    commands: [["npx", "sst", "remove", "--stage", stage, "--region", region]],
  };
}

function known(code: string | undefined, command: "deploy" | "remove" = "deploy"): string {
  if (!code)
    throw new PlanError(`Sebutkan kode kabupaten/kota Kemendagri, contoh: npm run ${command} -- 33.28`);
  try {
    return requireKnownKabupaten(code);
  } catch (error) {
    throw new PlanError(error instanceof Error ? error.message : String(error));
  }
}
