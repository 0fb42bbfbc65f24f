import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { argsOrExit } from "../args.ts";
import { deployPlan, PlanError, removePlan, type Plan } from "./plan.ts";

/**
 * `npm run deploy -- 33.28 --alarm-email tik@tegalkab.go.id [--test] [--region ap-southeast-3]
 *   [--budget 25] [--table-class standard|ia] [--data-key-version 1] [--domain puskesos.tegalkab.go.id --certificate arn:aws:acm:us-east-1:...] [--dry-run]`
 * `npm run remove -- 33.28` (test stage only) or `npm run remove -- --stage dev-3328`
 *
 * Derives the stage from the kabupaten code, checks the settings, then builds and runs SST. Needs AWS
 * credentials for the target account (not for --dry-run).
 */
const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parsed();

function parsed() {
  return argsOrExit(
    {
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        test: { type: "boolean" },
        "dry-run": { type: "boolean" },
        region: { type: "string" },
        "alarm-email": { type: "string" },
        budget: { type: "string" },
        domain: { type: "string" },
        certificate: { type: "string" },
        "table-class": { type: "string" },
        stage: { type: "string" },
        "data-key-version": { type: "string" },
      },
    },
    "npm run deploy -- 33.28 --alarm-email tik@tegalkab.go.id --dry-run",
  );
}

if (positionals.length > 1) {
  console.error(`Satu kode kabupaten/kota per perintah; ${positionals.slice(1).join(", ")} tidak dipakai.`);
  process.exit(1);
}

let plan: Plan;
try {
  plan =
    command === "remove"
      ? removePlan({ code: positionals[0], stage: values.stage, region: values.region })
      : deployPlan({
          code: positionals[0],
          test: values.test,
          region: values.region,
          alarmEmail: values["alarm-email"],
          budget: values.budget,
          domain: values.domain,
          certificate: values.certificate,
          tableClass: values["table-class"],
          dataKeyVersion: values["data-key-version"] ?? process.env.DATA_KEY_VERSION,
        });
} catch (error) {
  if (!(error instanceof PlanError)) throw error;
  console.error(error.message);
  process.exit(1);
}

console.log(`Kabupaten: ${plan.kabupaten}`);
console.log(
  `Stage:     ${plan.stage} (${plan.production ? "produksi: tabel dan kunci dilindungi" : "uji: boleh dihapus"})`,
);
console.log(`Region:    ${plan.region}`);
for (const [name, value] of Object.entries(plan.env)) console.log(`  ${name}=${value}`);
for (const args of plan.commands) console.log(`$ ${args.join(" ")}`);
if (values["dry-run"]) process.exit(0);

for (const [program, ...args] of plan.commands) {
  const result = spawnSync(program!, args, {
    stdio: "inherit",
    env: { ...process.env, ...plan.env, AWS_REGION: plan.region },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (command !== "remove") {
  const outputsFile = ".sst/outputs.json";
  const outputs = existsSync(outputsFile)
    ? (JSON.parse(readFileSync(outputsFile, "utf8")) as Record<string, Record<string, string>>)
    : {};
  const of = (key: string) => Object.values(outputs).find((o) => o[key])?.[key];
  console.log(`\nSitus: ${of("SiteUrl") ?? "(lihat keluaran SiteUrl di atas)"}`);
  console.log("Langkah berikut, buat admin pertama:");
  console.log(
    `  TABLE_NAME=${of("TableName") ?? "<TableName>"} AWS_REGION=${plan.region} KABUPATEN_CODE=${plan.kabupaten.split(" ")[0]} npm run admin:create -- --username admin.<nama> --name "<Nama Admin>"`,
  );
}
