import { For, Show } from "solid-js";
import { CONDITIONS, INTERVENTION_KINDS, PROGRESS } from "@puskesos/core/casework/schema";
import { formatDateTime, formatDay } from "../lib/time.ts";

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

const label = (list: readonly (readonly [string, string])[], code: unknown) =>
  list.find(([c]) => c === code)?.[1] ?? String(code);

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
            .conditions?.map((c) => label(CONDITIONS, c))
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
      <dl class="facts">
        <For each={rows()}>
          {([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd class="pre">{v}</dd>
            </>
          )}
        </For>
      </dl>
      <Show when={s().plan?.length}>
        <h3>Rencana di kabupaten asal</h3>
        <ul>
          <For each={s().plan}>
            {(g) => (
              <li>
                <strong>{g.goal}</strong>
                {g.progress ? ` · ${label(PROGRESS, g.progress)}` : ""}
                <Show when={g.steps?.length}>
                  <div class="muted">
                    {g.steps!.map((st) => `${st.step} (target ${formatDay(st.targetDate)})`).join("; ")}
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={s().interventions?.length}>
        <h3>Intervensi di kabupaten asal</h3>
        <ul>
          <For each={s().interventions}>
            {(i) => (
              <li>
                {i.date ? `${formatDay(i.date)} · ` : ""}
                {label(INTERVENTION_KINDS, i.kind)}: {i.description ?? ""}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={s().stays?.length}>
        <h3>Penempatan di kabupaten asal</h3>
        <ul>
          <For each={s().stays}>
            {(st) => (
              <li>
                {st.facilityName ?? ""}
                {st.admittedOn ? `: masuk ${formatDay(st.admittedOn)}` : ""}
                {st.dischargedOn ? `, keluar ${formatDay(st.dischargedOn)}` : ""}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
