import { For, Show } from "solid-js";
import type { TimelineEntry } from "@puskesos/core/timeline/schema";
import { formatDateTime } from "../lib/time.ts";
import "./records.css";

/**
 * Who did what, when, and why: the complaint and what grew from it, oldest first. Each entry names
 * the record that moved (Pengaduan, Rujukan, Usulan) with that record's own state names.
 */
export function Timeline(props: { events: TimelineEntry[] | undefined }) {
  return (
    <Show when={props.events?.length}>
      <h2>Riwayat</h2>
      <ol class="timeline" data-testid="timeline">
        <For each={props.events}>
          {(e) => (
            <li>
              <time>{formatDateTime(e.at)}</time> <strong>{e.byName ?? e.by}</strong>{" "}
              <small class="muted">
                ({e.by}, {e.roleLabel})
              </small>
              <div>
                {e.actionLabel}
                <Show when={e.detail}>: {e.detail}</Show>
              </div>
              <Show when={e.toLabel}>
                <div class="muted">
                  {e.entityLabel}: {e.fromLabel ? `${e.fromLabel} → ` : ""}
                  {e.toLabel}
                </div>
              </Show>
              <Show when={e.note}>
                <div class="note">{e.note}</div>
              </Show>
              <Show when={e.changes?.length}>
                <ul class="changes" data-testid="correction">
                  <For each={e.changes}>
                    {(c) => (
                      <li>
                        {c.label}: <del>{c.before || "(kosong)"}</del> → <ins>{c.after || "(kosong)"}</ins>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
