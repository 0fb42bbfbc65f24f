import { A, useSearchParams } from "@solidjs/router";
import { createResource, For, Match, Show, Switch } from "solid-js";
import { ROW_COLUMNS, TICKETS_COLUMN, type Dashboard as DashboardView } from "@puskesos/core/report/schema";
import { desaWord, titled, type Kabupaten } from "@puskesos/core/region/schema";
import { BarChart, LineChart } from "../components/charts.tsx";
import {
  FigureSections,
  orDash,
  periodName,
  ServiceFields,
  ServiceLevels,
  shortMonth,
  Pairs,
} from "../components/figures.tsx";
import { Alert, Labelled } from "../components/form.tsx";
import { ListTable } from "../components/list-table.tsx";
import { MonthInput } from "../components/month-input.tsx";
import { printNow, useA4Print } from "../components/print.tsx";
import { api, call } from "../lib/api.ts";
import { me } from "../lib/session.ts";
import { defaultDay, today } from "../lib/time.ts";
import "../later.css";

const FIRST_YEAR = 2020;

const fileUrl = (d: DashboardView, format: "xlsx" | "csv") =>
  `/api/reports/dashboard/file?${new URLSearchParams({ period: d.period, area: d.area.code, format })}`;

/** The areas from the caller's own (the top of the drill-down) to `code`, named from the regions tree. */
function trail(tree: Kabupaten | undefined, scope: string, code: string) {
  if (!tree) return [];
  const kecamatan = tree.kecamatan.find((k) => code.startsWith(`${k.code}.`) || code === k.code);
  const desa = kecamatan?.desa.find((d) => d.code === code);
  const all = [
    { code: tree.code, name: tree.name },
    ...(kecamatan ? [{ code: kecamatan.code, name: `Kec. ${kecamatan.name}` }] : []),
    ...(desa ? [{ code: desa.code, name: desa.name }] : []),
  ];
  const from = all.findIndex((a) => a.code === scope);
  return all.slice(Math.max(0, from));
}

/** What a row of an area's table is: its kecamatan, its villages as the area calls them, or months. */
const rowWord = (d: DashboardView) =>
  d.area.level === "kabupaten"
    ? "Kecamatan"
    : d.area.level === "kecamatan"
      ? titled(d.area.villages)
      : "Bulan";

/**
 * The dashboard of an area for a month or a whole year: key numbers, a row per kecamatan, desa or
 * month (a kecamatan or desa opens its own), which desa sent the month's report, referral service
 * levels and what is overdue now, the four service fields, PPKS by rumpun and the year's trend in
 * charts with their numbers in tables, printable on A4 and downloadable as XLSX/CSV.
 */
export default function Dashboard() {
  const [params] = useSearchParams<{ periode?: string; wilayah?: string }>();
  const thisMonth = () => today().slice(0, 7);
  // Opened without a period: the month it was opened in, kept across the turn of the month.
  const openedIn = defaultDay().slice(0, 7);
  const period = () => params.periode || openedIn;
  const scope = () => me()?.scope.code ?? "";
  const area = () => params.wilayah || scope();
  const [tree] = createResource(() => call(api.regions.$get()));
  const crumbs = () => trail(tree(), scope(), area());
  const [dash] = createResource(
    () => (area() ? { period: period(), area: area() } : false),
    (q) => call(api.reports.dashboard.$get({ query: q })),
  );
  const href = (next: { periode?: string; wilayah?: string }) =>
    `/dasbor?${new URLSearchParams({ periode: period(), wilayah: area(), ...next })}`;
  const years = () => {
    const now = Number(thisMonth().slice(0, 4));
    return Array.from({ length: now - FIRST_YEAR + 1 }, (_, i) => String(now - i));
  };
  const [, setParams] = useSearchParams();
  const setPeriod = (next: string) => next && setParams({ periode: next });
  const byYear = () => period().length === 4;
  const switchKind = (year: boolean) => {
    const y = period().slice(0, 4);
    if (year) setPeriod(y);
    else setPeriod(y === thisMonth().slice(0, 4) ? thisMonth() : `${y}-12`);
  };
  /** Desa of a kecamatan's row that sent the month's report, as the server counted them for the file too. */
  const sentIn = (row: DashboardView["rows"][number]) => {
    const desa = tree()?.kecamatan.find((k) => k.code === row.code)?.desa ?? [];
    return row.reports ? `${row.reports.sent} dari ${row.reports.of} ${desaWord(desa)}` : "—";
  };
  const drillable = (d: DashboardView, code: string) =>
    d.area.level !== "desa" && code !== (tree()?.code ?? "") && code.length > d.area.code.length;

  // Printed on A4 with the letters' print styles, whether from "Cetak" or the browser's own menu.
  useA4Print();

  return (
    <section class="card dashboard">
      <h1 class="no-print">Dasbor</h1>
      <div class="filters no-print">
        <fieldset class="plain period-kind">
          <legend>Periode</legend>
          <label class="check">
            <input type="radio" name="period-kind" checked={!byYear()} onChange={() => switchKind(false)} />{" "}
            Satu bulan
          </label>
          <label class="check">
            <input type="radio" name="period-kind" checked={byYear()} onChange={() => switchKind(true)} />{" "}
            Setahun
          </label>
        </fieldset>
        <Show
          when={byYear()}
          fallback={
            <Labelled label="Bulan" for="dash-month">
              <MonthInput
                id="dash-month"
                value={period()}
                min={`${FIRST_YEAR}-01`}
                max={thisMonth()}
                onChange={setPeriod}
              />
            </Labelled>
          }
        >
          <Labelled label="Tahun" for="dash-year">
            <select id="dash-year" value={period()} onChange={(e) => setPeriod(e.currentTarget.value)}>
              <For each={years()}>{(y) => <option value={y}>{y}</option>}</For>
            </select>
          </Labelled>
        </Show>
      </div>
      {/* A trail of one is the heading below it said twice (a supervisor on their own kecamatan). */}
      <Show when={crumbs().length > 1}>
        <nav class="crumbs no-print" aria-label="Wilayah">
          <For each={crumbs()}>
            {(a, i) => (
              <>
                {i() > 0 ? " › " : ""}
                <Show when={a.code !== area()} fallback={<strong aria-current="page">{a.name}</strong>}>
                  <A href={href({ wilayah: a.code })}>{a.name}</A>
                </Show>
              </>
            )}
          </For>
        </nav>
      </Show>
      <Show when={dash.error as Error | undefined}>{(error) => <Alert>{error().message}</Alert>}</Show>
      <Show when={dash.loading && !dash.latest}>
        <p class="muted">Memuat…</p>
      </Show>
      <Show when={dash.latest}>
        {(d) => (
          <>
            <header class="print-only letterhead">
              <div>DASBOR PUSKESOS DAN SLRT</div>
              <div>{d().area.name.toUpperCase()}</div>
              <div>{periodName(d().period).toUpperCase()}</div>
            </header>
            <div class="row">
              <h2 data-testid="dash-title">
                {d().area.level === "kecamatan" ? "Kec. " : ""}
                {d().area.name} · {periodName(d().period)}
              </h2>
              <div class="buttons no-print">
                <button type="button" class="secondary" onClick={printNow}>
                  Cetak
                </button>
                <a class="button small" href={fileUrl(d(), "xlsx")} download="">
                  Unduh XLSX
                </a>
                <a class="button small" href={fileUrl(d(), "csv")} download="">
                  Unduh CSV
                </a>
              </div>
            </div>
            <Show when={dash.loading}>
              <p class="muted no-print">Memperbarui…</p>
            </Show>
            <dl class="tiles" data-testid="dash-tiles">
              <For
                each={[
                  [TICKETS_COLUMN, d().totals.tickets],
                  ["Pengaduan", d().totals.complaints],
                  ["Belum di DPM", d().totals.notInDpm],
                  [`Diselesaikan di ${d().area.villages}`, d().totals.resolvedInDesa],
                  ["Dirujuk", d().totals.referred],
                  ["Selesai", d().totals.resolved],
                  ["Masih terbuka", d().totals.open],
                  ["Median hari sampai selesai", orDash(d().totals.medianDaysToResolution)],
                  ["Usulan rumah tangga", d().totals.proposals.made],
                  ["Rujukan lewat batas waktu sekarang", d().overdueNow.total],
                ]}
              >
                {([label, value]) => (
                  <div class="tile">
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                )}
              </For>
            </dl>
            <Show when={d().submissions}>
              {(s) => (
                <section class="submissions" aria-labelledby="dash-sent-title">
                  <h2 id="dash-sent-title">Laporan bulanan {d().area.villages}</h2>
                  <p data-testid="dash-submissions">
                    <strong>
                      {s().submitted} dari {s().total} {d().area.villages}
                    </strong>{" "}
                    sudah mengirim laporan {periodName(d().period)}.
                  </p>
                  <Show when={s().missing.length}>
                    <details class="print-open">
                      <summary>Belum mengirim ({s().missing.length})</summary>
                      <ul class="columns" data-testid="dash-missing">
                        <For each={s().missing}>{(m) => <li>{m.name}</li>}</For>
                      </ul>
                    </details>
                  </Show>
                </section>
              )}
            </Show>
            <h2>Per {rowWord(d()).toLowerCase()}</h2>
            <ListTable
              headers={[rowWord(d()), ...ROW_COLUMNS, ...(d().submissions ? ["Laporan"] : [])]}
              items={d().rows}
              empty="Tidak ada wilayah."
              testid="dash-rows"
              label={`Angka per ${rowWord(d()).toLowerCase()}`}
            >
              {(row) => (
                <tr data-testid={`dash-row-${row.code}`}>
                  <th scope="row">
                    <Switch fallback={row.name}>
                      <Match when={drillable(d(), row.code)}>
                        <A href={href({ wilayah: row.code })}>
                          {d().area.level === "kabupaten" ? `Kec. ${row.name}` : row.name}
                        </A>
                      </Match>
                      <Match when={d().area.level === "desa" && byYear()}>
                        <A href={href({ periode: row.code })}>{periodName(row.code)}</A>
                      </Match>
                      <Match when={d().area.level === "desa"}>{periodName(row.code)}</Match>
                    </Switch>
                  </th>
                  <td class="count">{row.figures.tickets}</td>
                  <td class="count">{row.figures.complaints}</td>
                  <td class="count">{row.figures.resolved}</td>
                  <td class="count">{row.figures.referred}</td>
                  <td class="count">{row.figures.open}</td>
                  <Show when={d().submissions}>
                    <td data-testid={`dash-sent-${row.code}`}>
                      <Show when={d().area.level === "kecamatan"} fallback={sentIn(row)}>
                        {/* Not yet due in the month still running: said plainly, not flagged. */}
                        <Show
                          when={row.submitted}
                          fallback={
                            <span
                              classList={{
                                badge: d().period < thisMonth(),
                                muted: d().period >= thisMonth(),
                              }}
                            >
                              Belum dikirim
                            </span>
                          }
                        >
                          {(s) => (
                            <A
                              href={`/laporan?${new URLSearchParams({ desa: row.code, bulan: d().period })}`}
                            >
                              Dikirim, versi {s().version}
                            </A>
                          )}
                        </Show>
                      </Show>
                    </td>
                  </Show>
                </tr>
              )}
            </ListTable>
            <div class="charts">
              <figure>
                <figcaption>
                  <h2>Pengaduan menurut rumpun PPKS</h2>
                </figcaption>
                <Show
                  when={d().totals.byRumpun.some((r) => r.count > 0)}
                  fallback={
                    <p class="muted">Belum ada pengaduan dengan PPKS pada {periodName(d().period)}.</p>
                  }
                >
                  <BarChart
                    items={d().totals.byRumpun}
                    testid="chart-rumpun"
                    label={`Pengaduan menurut rumpun PPKS: ${d()
                      .totals.byRumpun.map((r) => `${r.name} ${r.count}`)
                      .join(", ")}.`}
                  />
                </Show>
              </figure>
              <figure>
                <figcaption>
                  <h2>Tren {d().period.slice(0, 4)} per bulan</h2>
                </figcaption>
                <LineChart
                  months={d().trend.map((t) => t.month)}
                  monthLabel={shortMonth}
                  testid="chart-trend"
                  label={`Tren per bulan: ${d()
                    .trend.map(
                      (t) =>
                        `${periodName(t.month)} ${t.complaints} pengaduan, ${t.resolved} selesai, ${t.referred} dirujuk`,
                    )
                    .join("; ")}.`}
                  series={[
                    { label: "Pengaduan", color: "#0f5132", values: d().trend.map((t) => t.complaints) },
                    {
                      label: "Selesai",
                      color: "#1d4ed8",
                      values: d().trend.map((t) => t.resolved),
                      dash: [6, 4],
                    },
                    {
                      label: "Dirujuk",
                      color: "#b42318",
                      values: d().trend.map((t) => t.referred),
                      dash: [2, 3],
                    },
                  ]}
                />
              </figure>
            </div>
            <ListTable
              headers={["Bulan", ...ROW_COLUMNS]}
              items={d().trend}
              empty="Belum ada bulan."
              testid="dash-trend"
              label="Tren per bulan (angka grafik)"
            >
              {(t) => (
                <tr>
                  <th scope="row">{periodName(t.month)}</th>
                  <td class="count">{t.tickets}</td>
                  <td class="count">{t.complaints}</td>
                  <td class="count">{t.resolved}</td>
                  <td class="count">{t.referred}</td>
                  <td class="count">{t.open}</td>
                </tr>
              )}
            </ListTable>
            <h2>Tingkat layanan rujukan</h2>
            <p class="muted">
              Rujukan yang selesai di tiap tahap pada periode ini, berapa yang dalam batas waktu, dan median
              harinya.
            </p>
            <ServiceLevels figures={d().totals} />
            <h2>Lewat batas waktu sekarang</h2>
            <p class="muted">
              Rujukan wilayah ini yang saat ini melewati batas waktu tahapnya (tidak tergantung periode).
            </p>
            <ListTable
              headers={["Tahap", "Jumlah"]}
              items={d().overdueNow.byStep}
              empty="Tidak ada."
              testid="dash-overdue-step"
              label="Lewat batas waktu per tahap"
            >
              {(s) => (
                <tr>
                  <th scope="row">{s.label}</th>
                  <td class="count">{s.count}</td>
                </tr>
              )}
            </ListTable>
            <ListTable
              headers={["OPD", "Jumlah"]}
              items={d().overdueNow.byOpd}
              empty="Tidak ada rujukan yang lewat batas waktu di OPD."
              testid="dash-overdue-opd"
              label="Lewat batas waktu per OPD"
            >
              {(o) => (
                <tr>
                  <th scope="row">{o.name}</th>
                  <td class="count">{o.count}</td>
                </tr>
              )}
            </ListTable>
            <h2>Bidang layanan kesejahteraan sosial</h2>
            <ServiceFields figures={d().totals} villages={d().area.villages} />
            <h2>PSKS aktif menurut jenis</h2>
            <Pairs
              head="Jenis PSKS"
              rows={d().psks.kinds.map((k) => [k.name, String(k.count)])}
              label="PSKS aktif menurut jenis"
              testid="dashboard-psks"
            />
            <Show when={d().cases}>
              {(cases) => (
                <>
                  <h2>Penanganan kasus dan fasilitas</h2>
                  <p data-testid="dashboard-cases-month">
                    <Show when={cases().month}>
                      {(m) => (
                        <>
                          Bulan ini: {m().opened} kasus dibuka, {m().closed} ditutup, {m().handedOver}{" "}
                          diserahkan ke kabupaten/kota lain.{" "}
                        </>
                      )}
                    </Show>
                    Tempat terisi: laki-laki {cases().beds.occupiedL} dari {cases().beds.capacityL}, perempuan{" "}
                    {cases().beds.occupiedP} dari {cases().beds.capacityP}.
                  </p>
                  <Pairs
                    head="Tahap kasus"
                    rows={cases().byState.map((k) => [k.label, String(k.count)])}
                    label="Kasus menurut tahap"
                    testid="dashboard-cases"
                  />
                </>
              )}
            </Show>
            <details class="more-figures">
              <summary>Rincian angka: kategori, jenis PPKS, rumpun, status, usulan, rujukan per OPD</summary>
              <FigureSections figures={d().totals} villages={d().area.villages} only="details" />
            </details>
          </>
        )}
      </Show>
    </section>
  );
}
