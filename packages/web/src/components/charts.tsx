import { createEffect, createSignal, onCleanup, onMount } from "solid-js";
import type uPlot from "uplot";

type UPlot = typeof uPlot;

/**
 * uPlot and its stylesheet, fetched the first time a chart is drawn: only the dashboard needs them,
 * so no other page (the intake screen least of all) carries their weight.
 */
let loading: Promise<UPlot> | undefined;
const loadUPlot = () =>
  (loading ??= Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([m]) => m.default));

const INK = "#1f2937";
const GRID = "#e5e7eb";
const FONT = "12px system-ui, sans-serif";

let measuring: CanvasRenderingContext2D | null | undefined;
/** How wide a label is drawn, in CSS pixels, in the axes' font. */
function textWidth(text: string): number {
  measuring ??= document.createElement("canvas").getContext("2d");
  if (!measuring) return text.length * 7;
  measuring.font = FONT;
  return measuring.measureText(text).width;
}

/** The text cut to fit `width` pixels with "…" after it, or whole where it fits. */
function cut(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let kept = text;
  while (kept && textWidth(`${kept}…`) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

/**
 * A long name broken into at most two lines that fit `width` pixels, for an axis on a phone; what does
 * not fit ends the second line with "…" (measured, so no line reaches past the axis's edge).
 */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const shown = lines.slice(0, 2);
  if (lines.length > 2) shown[1] = `${shown[1]} ${lines[2]}`;
  return shown.map((line) => cut(line, width)).join("\n");
}

/**
 * A chart as wide as its box, drawn again when the box changes width (a phone turned, a window
 * narrowed) or the numbers change. Screen readers get `label` (the numbers in words); the page shows
 * the same numbers in a table beside it.
 */
function Chart(props: {
  label: string;
  testid: string;
  height: number;
  build: (U: UPlot, width: number) => { options: uPlot.Options; data: uPlot.AlignedData };
}) {
  let box!: HTMLDivElement;
  const [U, setU] = createSignal<UPlot>();
  const [width, setWidth] = createSignal(0);
  let plot: uPlot | undefined;
  onMount(() => {
    loadUPlot()
      .then((u) => setU(() => u))
      .catch((error: unknown) => console.warn("grafik tidak dapat dimuat", error));
    const observer = new ResizeObserver(() => setWidth(Math.floor(box.clientWidth)));
    observer.observe(box);
    setWidth(Math.floor(box.clientWidth));
    onCleanup(() => observer.disconnect());
  });
  createEffect(() => {
    const u = U();
    const w = width();
    if (!u || w <= 0) return;
    const { options, data } = props.build(u, w);
    plot?.destroy();
    plot = new u({ ...options, width: w, height: props.height }, data, box);
  });
  onCleanup(() => plot?.destroy());
  return <div class="chart" ref={box} role="img" aria-label={props.label} data-testid={props.testid} />;
}

/** Horizontal bars, one per named count (the rumpun): long names read on the left, even on a phone. */
export function BarChart(props: { items: { name: string; count: number }[]; label: string; testid: string }) {
  return (
    <Chart
      label={props.label}
      testid={props.testid}
      height={Math.max(160, props.items.length * 56 + 30)}
      build={(U, width) => {
        const names = props.items.map((i) => i.name);
        const max = Math.max(1, ...props.items.map((i) => i.count));
        const axisSize = width < 480 ? 120 : 190;
        // The axis's width less uPlot's gap between labels and plot, and a margin at the edge.
        const labelWidth = axisSize - 12;
        return {
          data: [props.items.map((_, i) => i), props.items.map((i) => i.count)],
          options: {
            width,
            height: 0,
            legend: { show: false },
            cursor: { show: false },
            scales: {
              x: { time: false, ori: 1, dir: -1, range: [-0.5, names.length - 0.5] },
              y: { ori: 0, dir: 1, range: [0, Math.ceil(max * 1.1)] },
            },
            axes: [
              {
                side: 3,
                size: axisSize,
                font: FONT,
                stroke: INK,
                grid: { show: false },
                ticks: { show: false },
                splits: () => names.map((_, i) => i),
                values: (_u, splits) => splits.map((i) => wrap(names[i] ?? "", labelWidth)),
              },
              {
                side: 2,
                font: FONT,
                stroke: INK,
                grid: { stroke: GRID },
                ticks: { stroke: GRID },
                // Whole numbers only: a count of complaints is never 1.5.
                incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
                values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : "")),
              },
            ],
            series: [
              {},
              {
                label: "Pengaduan",
                fill: "#0f5132",
                stroke: "#0f5132",
                paths: U.paths.bars!({ size: [0.7, 36], align: 0 }),
                points: { show: false },
              },
            ],
          },
        };
      }}
    />
  );
}

/** Lines by month (the year's trend), with a legend of the series and their colours. */
export function LineChart(props: {
  months: string[];
  monthLabel: (month: string) => string;
  series: { label: string; color: string; values: number[]; dash?: number[] }[];
  label: string;
  testid: string;
}) {
  return (
    <Chart
      label={props.label}
      testid={props.testid}
      height={240}
      build={(_U, width) => {
        const max = Math.max(1, ...props.series.flatMap((s) => s.values));
        return {
          data: [props.months.map((_, i) => i), ...props.series.map((s) => s.values)],
          options: {
            width,
            height: 0,
            legend: { show: true, live: false },
            cursor: { show: false },
            scales: {
              x: { time: false, range: [0, Math.max(1, props.months.length - 1)] },
              y: { range: [0, Math.ceil(max * 1.1)] },
            },
            axes: [
              {
                font: FONT,
                stroke: INK,
                grid: { show: false },
                ticks: { stroke: GRID },
                splits: () => props.months.map((_, i) => i),
                // In a narrow box every other month is named, so the names do not run into each other;
                // counted back from the last, so the latest month (the one being watched) is always named.
                values: (_u, splits) =>
                  splits.map((i) =>
                    width < 480 && props.months.length > 6 && (props.months.length - 1 - i) % 2
                      ? ""
                      : props.monthLabel(props.months[i] ?? ""),
                  ),
              },
              {
                font: FONT,
                stroke: INK,
                size: 40,
                grid: { stroke: GRID },
                ticks: { stroke: GRID },
                incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
                values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : "")),
              },
            ],
            series: [
              {},
              ...props.series.map((s) => ({
                label: s.label,
                stroke: s.color,
                width: 2,
                ...(s.dash ? { dash: s.dash } : {}),
                points: { show: true, size: 5, fill: s.color },
              })),
            ],
          },
        };
      }}
    />
  );
}
