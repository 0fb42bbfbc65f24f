import { For, Show } from "solid-js";
import { COMPLAINT_STATE_LABELS } from "@puskesos/core/complaint/schema";
import { REFERRAL_STATE_LABELS } from "@puskesos/core/referral/schema";
import type { TimelineEvent } from "@puskesos/core/timeline/schema";

const LABELS: Record<string, string> = { ...COMPLAINT_STATE_LABELS, ...REFERRAL_STATE_LABELS };

/** Who did what, when, and why: the complaint and its referral, oldest first. */
export function Timeline(props: { events: TimelineEvent[] | undefined }) {
  return (
    <Show when={props.events?.length}>
      <h2>Riwayat</h2>
      <ol class="timeline" data-testid="timeline">
        <For each={props.events}>
          {(e) => (
            <li>
              <time>
                {new Date(e.at).toLocaleString("id-ID", { dateStyle: "medium", timeStyle: "short" })}
              </time>{" "}
              <strong>{e.by}</strong> <small class="muted">({e.role})</small>:{" "}
              {e.from ? (LABELS[e.from] ?? e.from) : ""} → {e.to ? (LABELS[e.to] ?? e.to) : ""}
              <Show when={e.note}>
                <div class="note">{e.note}</div>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
