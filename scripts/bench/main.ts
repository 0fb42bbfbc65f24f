import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { measureCapacity } from "./capacity.ts";
import { measureColdStart } from "./cold-start.ts";
import { slowNetworkLoads } from "./slow-network.ts";
import { measureDashboard } from "./dashboard.ts";
import { buildOldDesign, firstRouteWeight, routeHtml } from "./spa.ts";

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

const web = resolve(root, "packages/web/dist");
// The design before issue 15, built in this run from git, for the figures beside the new ones.
const old = buildOldDesign(root, resolve(root, ".bench/old-design"));
const oldDist = "dist" in old ? old.dist : undefined;
/** "(old design 1,664 ms, ×0.45)" after a figure, or why there is none. */
const versus = (value: number, before: number | undefined, unit: string) =>
  before === undefined
    ? `(old design not built: ${"error" in old ? old.error : "?"})`
    : `(old design ${before.toFixed(unit === "KB" ? 1 : 0)} ${unit}, ×${(value / before).toFixed(2)})`;

const spa = firstRouteWeight(web);
rows.push({
  metric: `SPA first route JS+CSS gzip (${spa.files.length} files)`,
  value: kb(spa.gzip),
  budget: "≤ 60 KB",
  ok: spa.gzip <= 60 * 1024,
});
rows.push({ metric: "SPA first route JS+CSS raw", value: kb(spa.raw), budget: "-", ok: undefined });
// A screen's JS+CSS: what its HTML asks for before it can render (entry, page chunk, their imports).
for (const [label, page, budget] of [
  ["Intake route", "src/pages/intake.tsx", 40],
  ["Home route", "src/pages/home.tsx", undefined],
] as const) {
  const route = firstRouteWeight(web, page);
  const before = oldDist && firstRouteWeight(oldDist, page, { mayBeInEntry: true });
  rows.push({
    metric: `${label} JS+CSS gzip (${route.files.length} files) ${versus(route.gzip / 1024, before ? before.gzip / 1024 : undefined, "KB")}`,
    value: kb(route.gzip),
    budget: budget ? `≤ ${budget} KB` : "-",
    ok: budget ? route.gzip <= budget * 1024 : undefined,
  });
}
// The oversight pages: their own chunks, and the chart library they load when opened.
for (const [label, page] of [
  ["Monthly report route", "src/pages/report.tsx"],
  ["Dashboard route", "src/pages/dashboard.tsx"],
] as const) {
  const route = firstRouteWeight(web, page);
  rows.push({
    metric: `${label} JS+CSS gzip (${route.files.length} files)`,
    value: kb(route.gzip),
    budget: "-",
    ok: undefined,
  });
  const loaded = firstRouteWeight(web, page, { dynamic: true });
  if (loaded.gzip !== route.gzip)
    rows.push({
      metric: `${label} with what it loads once open`,
      value: kb(loaded.gzip),
      budget: "-",
      ok: undefined,
    });
}

// Both designs in turns, each served by the same local server code (compressed assets, as CloudFront).
const webScreens = [
  { name: "Intake screen", path: "/pengaduan/baru", ready: "#nik", module: "src/pages/intake.tsx" },
  { name: "Home page", path: "/", ready: "[data-testid=home-name]", module: "src/pages/home.tsx" },
];
const loadRuns = Math.min(runs, 5);
const loads = await slowNetworkLoads(
  webScreens,
  oldDist ? { new: web, old: oldDist } : { new: web },
  loadRuns,
);
for (const screen of webScreens) {
  const now = loads.new![screen.path]!;
  const before = loads.old?.[screen.path];
  for (const [what, key, budget] of [
    ["LCP, first visit", "lcp", 1000],
    ["ready, first visit", "ready", 1300],
    ["ready, returning officer (service worker)", "returning", 500],
  ] as const)
    rows.push({
      metric: `${screen.name} on Slow 4G: ${what}, median of ${loadRuns} ${versus(now[key], before?.[key], "ms")}`,
      value: `${now[key].toFixed(0)} ms`,
      budget: `≤ ${budget} ms`,
      ok: now[key] <= budget,
    });
  // What no design can beat on this link: the HTML, then the rest in parallel, each a round trip, plus
  // the bytes at 1.6 Mbps (a third round trip when the session check cannot start with the HTML).
  const html = gzipSync(readFileSync(resolve(web, routeHtml(web, screen.path)))).length;
  const bytes = html + firstRouteWeight(web, screen.module).gzip;
  rows.push({
    metric: `${screen.name} on Slow 4G: floor, 3 round trips + ${kb(bytes)} at 1.6 Mbps (this machine adds its CPU)`,
    value: `${(3 * 150 + (bytes * 8 * 1000) / (1.6 * 1024 * 1024)).toFixed(0)} ms`,
    budget: "-",
    ok: undefined,
  });
}

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
rows.push({
  metric: `Lambda cold start to a first answer of the desa's complaint search (its routes load with it), median of ${runs} (old design ${cold.national.firstSearchMs.toFixed(0)} ms, ×${(cold.built.firstSearchMs / cold.national.firstSearchMs).toFixed(2)})`,
  value: `${cold.built.firstSearchMs.toFixed(1)} ms`,
  budget: "-",
  ok: undefined,
});
rows.push({
  metric: `Lambda cold start floor: framework + AWS client + secret read + one GetItem, no app (${kb(cold.floor.bytes)}), median of ${runs}`,
  value: `${cold.floor.firstRequestMs.toFixed(1)} ms`,
  budget: "-",
  ok: undefined,
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
