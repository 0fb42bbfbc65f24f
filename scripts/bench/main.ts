import { resolve } from "node:path";
import { measureCapacity } from "./capacity.ts";
import { measureColdStart } from "./cold-start.ts";
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

const cold = await measureColdStart(root, runs);
rows.push({
  metric: "Lambda bundle (esbuild, minified, ESM, loaded at start)",
  value: kb(cold.built.bytes),
  budget: "≤ 400 KB",
  ok: cold.built.bytes <= 400 * 1024,
});
rows.push({
  metric: `Lambda cold start: import + secret read, median of ${runs}`,
  value: `${cold.built.importMs.toFixed(1)} ms`,
  budget: "-",
  ok: undefined,
});
// The old design parsed all of Indonesia's 83k desa from idn-area-data's CSVs on that first request.
rows.push({
  metric: `Lambda cold start to a first answer needing a region, median of ${runs} (old design ${cold.national.firstRequestMs.toFixed(0)} ms, ×${(cold.built.firstRequestMs / cold.national.firstRequestMs).toFixed(2)})`,
  value: `${cold.built.firstRequestMs.toFixed(1)} ms`,
  budget: "≤ 60 ms",
  ok: cold.built.firstRequestMs <= 60,
});

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
console.log(`\nLambda bundle: ${cold.built.outfile}`);

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
