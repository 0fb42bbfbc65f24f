import { For, Show, type JSX } from "solid-js";
import { CONDITIONS, INTERVENTION_KINDS, labelOf, PROGRESS } from "@puskesos/core/casework/schema";
import { formatDateTime, formatDay } from "../lib/time.ts";
import { Facts } from "./case-entry.tsx";

/** The case so far as the sending kabupaten signed it (casework/handover.ts `summary`); any part may be missing. */
type Summary = {
  openedAt?: string;
  assessment?: {
    problems?: string;
    needs?: string;
    strengths?: string;
    family?: string;
    conditions?: string[];
    psks?: { name?: string }[];
    notes?: string;
  };
  plan?: {
    goal: string;
    strategy?: string;
    progress?: string;
    steps?: { step: string; targetDate: string }[];
  }[];
  interventions?: { date?: string; kind?: string; description?: string }[];
  stays?: { facilityName?: string; admittedOn?: string; dischargedOn?: string }[];
};

/** A part of the summary as a titled list, left out when the sender had none of it. */
function Listed<T>(props: { title: string; items: T[] | undefined; children: (item: T) => JSX.Element }) {
  return (
    <Show when={props.items?.length}>
      <h3>{props.title}</h3>
      <ul>
        <For each={props.items}>{(item) => <li>{props.children(item)}</li>}</For>
      </ul>
    </Show>
  );
}

/**
 * What the receiving worker needs from the other kabupaten before meeting the client: who handed the
 * client over and when, the assessment (the family contact is often why the client was sent home), the
 * plan, what was done and where the client stayed. Read from the open entry of an imported case.
 */
export function HandoverSummary(props: { data: Record<string, unknown> }) {
  const s = () => (props.data.summary ?? {}) as Summary;
  const a = () => s().assessment ?? {};
  const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const rows = (): [string, string][] =>
    (
      [
        ["Dari", text(props.data.from)],
        ["Pekerja sosial pengirim", text(props.data.fromWorker)],
        ["Diserahkan", text(props.data.issuedAt) && formatDateTime(String(props.data.issuedAt))],
        ["Alasan serah terima", text(props.data.reason)],
        ["Kasus dibuka di sana", s().openedAt && formatDateTime(s().openedAt!)],
        ["Masalah", a().problems],
        ["Kebutuhan", a().needs],
        ["Kekuatan", a().strengths],
        ["Keluarga dan sumber bantuan", a().family],
        [
          "Kondisi",
          a()
            .conditions?.map((c) => labelOf(CONDITIONS, c))
            .join(", "),
        ],
        [
          "PSKS yang terlibat",
          a()
            .psks?.map((p) => p.name ?? "")
            .join(", "),
        ],
        ["Catatan asesmen", a().notes],
      ] as [string, string | undefined][]
    ).filter((r): r is [string, string] => Boolean(r[1]));
  return (
    <div class="handover-summary" data-testid="handover-summary">
      <Facts rows={rows()} />
      <Listed title="Rencana di kabupaten asal" items={s().plan}>
        {(g) => (
          <>
            <strong>{g.goal}</strong>
            {g.progress ? ` · ${labelOf(PROGRESS, g.progress)}` : ""}
            <Show when={g.steps?.length}>
              <div class="muted">
                {g.steps!.map((st) => `${st.step} (target ${formatDay(st.targetDate)})`).join("; ")}
              </div>
            </Show>
          </>
        )}
      </Listed>
      <Listed title="Intervensi di kabupaten asal" items={s().interventions}>
        {(i) => (
          <>
            {i.date ? `${formatDay(i.date)} · ` : ""}
            {labelOf(INTERVENTION_KINDS, i.kind)}: {i.description ?? ""}
          </>
        )}
      </Listed>
      <Listed title="Penempatan di kabupaten asal" items={s().stays}>
        {(st) => (
          <>
            {st.facilityName ?? ""}
            {st.admittedOn ? `: masuk ${formatDay(st.admittedOn)}` : ""}
            {st.dischargedOn ? `, keluar ${formatDay(st.dischargedOn)}` : ""}
          </>
        )}
      </Listed>
    </div>
  );
}
