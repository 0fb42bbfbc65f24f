import { A } from "@solidjs/router";
import { For } from "solid-js";
import { categoryName } from "@puskesos/core/catalog/schema";
import { COMPLAINT_STATE_LABELS, type ComplaintView } from "@puskesos/core/complaint/schema";

/** Complaints as lists show them: date, reporter (link), masked NIK, category, state. */
export function ComplaintTable(props: { items: ComplaintView[] | undefined; empty: string; testid: string }) {
  return (
    <div class="table-wrap">
      <table data-testid={props.testid}>
        <thead>
          <tr>
            <th>Tanggal</th>
            <th>Pelapor</th>
            <th>NIK</th>
            <th>Kategori</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.items}
            fallback={
              <tr>
                <td colspan="5">{props.empty}</td>
              </tr>
            }
          >
            {(c) => (
              <tr>
                <td>{c.queueDay}</td>
                <td>
                  <A href={`/pengaduan/${c.id}`}>{c.reporter.name}</A>
                </td>
                <td>
                  <code>{c.reporter.nikMasked}</code>
                </td>
                <td>{categoryName(c.category)}</td>
                <td>{COMPLAINT_STATE_LABELS[c.state]}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
