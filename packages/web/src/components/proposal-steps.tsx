import { For, Show } from "solid-js";
import { musdesTitle } from "@puskesos/core/region/words";
import type { Indicator } from "@puskesos/core/indicator/schema";
import { PROPOSAL_ENDED, type ProposalView } from "@puskesos/core/proposal/schema";
import { RESULT_LABELS } from "../lib/proposal-text.ts";
import { formatDate, formatDateTime, formatDay } from "../lib/time.ts";
import "./steps.css";

/** An indicator's recorded value as people read it. */
function indicatorValue(value: boolean | number | string): string {
  return typeof value === "boolean" ? (value ? "Ya" : "Tidak") : String(value);
}

/**
 * A proposal's way so far, one line a step (proposed, visit scheduled, verval, musdes, export, in the
 * DPM, or withdrawn), the steps done marked; the indicators recorded by their names.
 */
export function ProposalSteps(props: { proposal: ProposalView; indicators: Indicator[] | undefined }) {
  const p = () => props.proposal;
  const indicatorLabel = (code: string) => props.indicators?.find((i) => i.code === code)?.label ?? code;
  // A step not taken is listed only while the proposal may still reach it (not after tidak layak,
  // not confirmed by the musdes, or withdrawn).
  const ahead = (done: unknown) => Boolean(done) || !PROPOSAL_ENDED.includes(p().state);
  return (
    <ol class="steps" data-testid="proposal-steps">
      <li class="done">
        <strong>Diusulkan</strong> {formatDateTime(p().createdAt)} oleh {p().createdByName ?? p().createdBy}
      </li>
      <Show when={ahead(p().schedule)}>
        <li classList={{ done: Boolean(p().schedule) }}>
          <strong>Jadwal verval</strong>{" "}
          <Show when={p().schedule} fallback="belum dijadwalkan">
            {(s) => (
              <>
                {formatDay(s().visitDate)}, petugas {s().officers.join(", ")} (dijadwalkan oleh{" "}
                {s().byName ?? s().by})
              </>
            )}
          </Show>
        </li>
      </Show>
      <Show when={ahead(p().verification)}>
        <li classList={{ done: Boolean(p().verification) }}>
          <strong>Hasil verval</strong>{" "}
          <Show when={p().verification} fallback="belum">
            {(v) => (
              <>
                {RESULT_LABELS[v().result]}, kunjungan {formatDay(v().visitDate)} oleh {v().byName}
                <div class="note">{v().reason}</div>
                <Show when={Object.keys(v().indicators).length}>
                  <ul>
                    <For each={Object.entries(v().indicators)}>
                      {([code, value]) => (
                        <li>
                          {indicatorLabel(code)}: {indicatorValue(value)}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </>
            )}
          </Show>
        </li>
      </Show>
      <Show when={ahead(p().musdes)}>
        <li classList={{ done: Boolean(p().musdes) }}>
          <strong>{musdesTitle(p().desaCode)}</strong>{" "}
          <Show when={p().musdes} fallback="belum">
            {(m) => (
              <>
                {m().confirmed ? "Ditetapkan" : "Tidak ditetapkan"}, {formatDay(m().date)}
                <Show when={m().reason}>
                  <div class="note">{m().reason}</div>
                </Show>
              </>
            )}
          </Show>
        </li>
      </Show>
      <Show when={ahead(p().export)}>
        <li classList={{ done: Boolean(p().export) }}>
          <strong>Ekspor ke pusat</strong>{" "}
          <Show when={p().export} fallback="belum">
            {(x) => (
              <>
                batch {x().number}, {formatDate(x().at)}
              </>
            )}
          </Show>
        </li>
      </Show>
      <Show when={ahead(p().inDpm)}>
        <li classList={{ done: Boolean(p().inDpm) }}>
          <strong>Masuk DPM</strong>{" "}
          <Show when={p().inDpm} fallback="belum">
            {(d) => <>tercantum dalam impor DPM {formatDate(d().importedAt)}</>}
          </Show>
        </li>
      </Show>
      <Show when={p().withdrawn}>
        {(w) => (
          <li>
            <strong>Ditarik</strong> {formatDateTime(w().at)} oleh {w().byName ?? w().by}
            <div class="note">{w().reason}</div>
          </li>
        )}
      </Show>
    </ol>
  );
}
