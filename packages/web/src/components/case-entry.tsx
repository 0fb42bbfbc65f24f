import { For } from "solid-js";
import {
  CONDITIONS,
  INTERVENTION_KINDS,
  labelOf,
  PROGRESS,
  TERMINATION_REASONS,
  type CaseEntry,
} from "@puskesos/core/casework/schema";
import { formatDay } from "../lib/time.ts";

export type Goal = { id: string; goal: string; steps?: { id: string; step: string }[] };

/** A list an entry keeps (a plan's goals, progress per goal, conditions), in words. */
function listWords(k: string, v: unknown, goals: Goal[]): string | undefined {
  if (!Array.isArray(v)) return undefined;
  const goalName = (id: unknown) => goals.find((g) => g.id === id)?.goal ?? String(id);
  const items = v as Record<string, unknown>[];
  switch (k) {
    case "conditions":
      return (v as string[]).map((c) => labelOf(CONDITIONS, c)).join(", ");
    case "psks":
      return items.map((p) => String(p.name ?? "")).join(", ");
    case "goals":
      return items
        .map((g) =>
          "progress" in g
            ? `${goalName(g.goalId)}: ${labelOf(PROGRESS, g.progress)}${g.note ? ` (${String(g.note)})` : ""}`
            : `${String(g.goal)}: ${((g.steps ?? []) as { step: string; targetDate: string }[])
                .map((s) => `${s.step} (target ${formatDay(s.targetDate)})`)
                .join(", ")}`,
        )
        .join("\n");
    case "targetChanges":
      return items
        .map((c) => {
          const step = goals.flatMap((g) => g.steps ?? []).find((st) => st.id === c.stepId)?.step;
          return `${step ?? String(c.stepId)} → ${formatDay(String(c.targetDate))}`;
        })
        .join(", ");
    default:
      return undefined;
  }
}

/** Fields whose value is a code of a list: shown by the list's label ("Tujuan tercapai", not the code). */
const CODED: Record<string, Map<string, string>> = {
  kind: new Map(INTERVENTION_KINDS),
  reason: new Map(TERMINATION_REASONS),
};

/** An entry's fields in words: the stage's own record, as the worker wrote it. */
export function EntryData(props: { entry: CaseEntry; goals: Goal[] }) {
  const LABELS: Record<string, string> = {
    problems: "Masalah",
    needs: "Kebutuhan",
    strengths: "Kekuatan",
    family: "Keluarga dan sumber bantuan",
    notes: "Catatan",
    note: "Catatan",
    description: "Uraian",
    goal: "Tujuan",
    kind: "Jenis",
    date: "Tanggal",
    reason: "Alasan",
    destination: "Keberadaan klien",
    facility: "Fasilitas",
    admittedOn: "Masuk",
    dischargedOn: "Keluar",
    to: "Kabupaten tujuan",
    receiver: "Penerima",
    from: "Dari",
    worker: "Pekerja sosial",
    conditions: "Kondisi",
    psks: "PSKS yang terlibat",
    goals: "Tujuan",
    targetChanges: "Target diubah",
    completesStep: "Langkah yang diselesaikan",
  };
  // A step an intervention completed is kept by its id: said by the plan's own words for it.
  const stepName = (id: string) =>
    props.goals.flatMap((g) => g.steps ?? []).find((s) => s.id === id)?.step ?? id;
  const words = (k: string, v: unknown): string | undefined =>
    k === "completesStep" && typeof v === "string"
      ? stepName(v)
      : typeof v === "string" || typeof v === "number"
        ? (CODED[k]?.get(String(v)) ?? String(v))
        : listWords(k, v, props.goals);
  // In the order of LABELS (problems before needs), dates as the kabupaten writes them.
  const shown = () =>
    Object.keys(LABELS)
      .map((k) => [k, words(k, props.entry.data[k])] as const)
      .filter((pair): pair is readonly [string, string] => Boolean(pair[1]))
      .map(([k, v]) => [LABELS[k]!, /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v) : v] as const);
  return <Facts rows={shown()} small />;
}

/** Labelled values as a list of facts, each value as written (its line breaks kept). */
export function Facts(props: { rows: readonly (readonly [string, string])[]; small?: boolean }) {
  return (
    <dl class={props.small ? "facts small" : "facts"}>
      <For each={props.rows}>
        {([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd class="pre">{v}</dd>
          </>
        )}
      </For>
    </dl>
  );
}
