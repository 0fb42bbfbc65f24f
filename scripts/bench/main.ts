import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { measureCapacity } from "./capacity.ts";
import { bundleLambda } from "./lambda-bundle.ts";
import {
  lambdaTestEnv,
  lambdaTestSecrets,
  startSecretsEndpoint,
} from "../../tests/support/secrets-endpoint.ts";
import { slowNetworkLoad } from "./slow-network.ts";
import { measureDashboard } from "./dashboard.ts";
import { firstRouteWeight } from "./spa.ts";

/**
 * `npm run bench`: the numbers DESIGN §8 budgets, measured on this machine. Each row says what was
 * measured, the value, and the budget. Later issues add rows (request units per operation, load time
 * on emulated Slow 4G).
 */
const root = resolve(import.meta.dirname, "../..");
const runs = Number(process.env.BENCH_RUNS ?? 9);

interface Row {
  metric: string;
  value: string;
  budget: string;
  ok: boolean | undefined;
}
const rows: Row[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const spa = firstRouteWeight(resolve(root, "packages/web/dist"));
rows.push({
  metric: `SPA first route JS+CSS gzip (${spa.files.length} files)`,
  value: kb(spa.gzip),
  budget: "≤ 60 KB",
  ok: spa.gzip <= 60 * 1024,
});
rows.push({ metric: "SPA first route JS+CSS raw", value: kb(spa.raw), budget: "-", ok: undefined });
const intake = firstRouteWeight(resolve(root, "packages/web/dist"), "src/pages/intake.tsx");
rows.push({
  metric: `Intake route JS+CSS gzip (${intake.files.length} files)`,
  value: kb(intake.gzip),
  budget: "≤ 60 KB",
  ok: intake.gzip <= 60 * 1024,
});
// The oversight pages: their own chunks, and the chart library they load when opened.
for (const [label, page] of [
  ["Monthly report route", "src/pages/report.tsx"],
  ["Dashboard route", "src/pages/dashboard.tsx"],
] as const) {
  const route = firstRouteWeight(resolve(root, "packages/web/dist"), page);
  rows.push({
    metric: `${label} JS+CSS gzip (${route.files.length} files)`,
    value: kb(route.gzip),
    budget: "-",
    ok: undefined,
  });
  const loaded = firstRouteWeight(resolve(root, "packages/web/dist"), page, { dynamic: true });
  if (loaded.gzip !== route.gzip)
    rows.push({
      metric: `${label} with what it loads once open`,
      value: kb(loaded.gzip),
      budget: "-",
      ok: undefined,
    });
}

const slow = await slowNetworkLoad("/pengaduan/baru", "#nik", Math.min(runs, 5));
rows.push({
  metric: "Intake screen on Slow 4G: LCP, median",
  value: `${slow.lcp.toFixed(0)} ms`,
  budget: "≤ 1500 ms",
  ok: slow.lcp <= 1500,
});
rows.push({
  metric: "Intake screen on Slow 4G: form ready, median",
  value: `${slow.ready} ms`,
  budget: "-",
  ok: undefined,
});

const lambda = await bundleLambda(root, resolve(root, ".bench/lambda"));
rows.push({
  metric: "Lambda bundle (esbuild, minified, ESM)",
  value: kb(lambda.bytes),
  budget: "≤ 400 KB",
  ok: lambda.bytes <= 400 * 1024,
});

// The handler reads its secret at cold start: from a local stand-in for Secrets Manager here.
const secrets = await startSecretsEndpoint(lambdaTestSecrets("b".repeat(64)));

/**
 * A fresh Node process per run: what a Lambda cold start pays to import the handler. Asynchronous, so
 * this process keeps answering the child's secret read.
 */
async function timeInFreshNode(script: string): Promise<number> {
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    ["--input-type=module", "--no-warnings", "-e", script],
    {
      env: {
        ...process.env,
        TABLE_NAME: "bench",
        KABUPATEN_CODE: "33.28",
        LOG_LEVEL: "silent",
        ...lambdaTestEnv(secrets.endpoint),
      },
      encoding: "utf8",
    },
  );
  return Number(out.trim().split("\n").pop());
}
const url = pathToFileURL(lambda.outfile).href;
const imports: number[] = [];
for (let i = 0; i < runs; i++)
  imports.push(
    await timeInFreshNode(
      `const t=performance.now();await import(${JSON.stringify(url)});console.log(performance.now()-t)`,
    ),
  );
const coldImport = median(imports);
rows.push({
  metric: `Lambda cold start (import + secret read), median of ${runs}`,
  value: `${coldImport.toFixed(1)} ms`,
  budget: "≤ 100 ms",
  ok: coldImport <= 100,
});

// The first request that needs regions also parses idn-area-data's CSVs, once per instance.
const areaData = pathToFileURL(
  createRequire(resolve(root, "packages/core/package.json")).resolve("idn-area-data"),
).href;
const regionRuns: number[] = [];
for (let i = 0; i < Math.min(runs, 5); i++)
  regionRuns.push(
    await timeInFreshNode(
      `const{getVillages}=await import(${JSON.stringify(areaData)});const t=performance.now();await getVillages();console.log(performance.now()-t)`,
    ),
  );
const regions = median(regionRuns);
rows.push({
  metric: "Region data first load (83k desa CSV), median",
  value: `${regions.toFixed(0)} ms`,
  budget: "-",
  ok: undefined,
});

await secrets.close();

const screens = await measureDashboard(Math.min(runs, 5));
for (const s of screens) {
  const dashboard = s.screen.startsWith("Dashboard, kabupaten");
  rows.push({
    metric: `${s.screen}: server time, median`,
    value: `${s.ms.toFixed(0)} ms`,
    budget: dashboard ? "≤ 300 ms" : "-",
    ok: dashboard ? s.ms <= 300 : undefined,
  });
  rows.push({
    metric: `${s.screen}: read units`,
    value: String(s.read),
    budget: dashboard ? "≤ 100" : "-",
    ok: dashboard ? s.read <= 100 : undefined,
  });
}

const width = Math.max(...rows.map((r) => r.metric.length));
const units = await measureCapacity();
console.log(
  `\nPuskesos benchmark — ${new Date().toISOString()} — Node ${process.version}, ${process.platform}/${process.arch}\n`,
);
console.log(`${"metric".padEnd(width)}  ${"value".padStart(10)}  ${"budget".padEnd(9)}  ok`);
console.log(`${"-".repeat(width)}  ${"-".repeat(10)}  ${"-".repeat(9)}  --`);
for (const r of rows)
  console.log(
    `${r.metric.padEnd(width)}  ${r.value.padStart(10)}  ${r.budget.padEnd(9)}  ${r.ok === undefined ? "" : r.ok ? "ya" : "TIDAK"}`,
  );
console.log(`\nLambda bundle: ${lambda.outfile}`);

const opWidth = Math.max(...units.map((u) => u.operation.length));
console.log(
  `\nDynamoDB request units per operation (DynamoDB Local, ReturnConsumedCapacity=INDEXES; signed-in operations include resolving the session)\n`,
);
console.log(
  `${"operation".padEnd(opWidth)}  ${"RRU".padStart(6)}  ${"WRU".padStart(6)}  calls  ${"ms".padStart(6)}  ${"bytes".padStart(7)}  ${"+index".padStart(7)}`,
);
console.log(`${"-".repeat(opWidth)}  ${"-".repeat(6)}  ${"-".repeat(6)}  -----  ------  -------  -------`);
for (const u of units)
  console.log(
    `${u.operation.padEnd(opWidth)}  ${String(u.read).padStart(6)}  ${String(u.write).padStart(6)}  ${String(u.calls).padStart(5)}  ${u.ms.toFixed(1).padStart(6)}  ${String(u.bytes.table).padStart(7)}  ${String(u.bytes.indexes).padStart(7)}`,
  );
console.log(
  "\nms: time here (core code over DynamoDB Local); bytes: lasting bytes added to the table and to its index copies (TTL items left out).",
);
