import { createEffect, For, Show, type JSX } from "solid-js";
import { Alert } from "./form.tsx";
import "./table-wrap.css";

/**
 * A list as the pages show it: a header row and one row per item, or a message. On a phone each row
 * becomes a small card with every value under its column's name (`data-label`, set here from the
 * headers so no page has to repeat them).
 */
export function ListTable<T>(props: {
  headers: string[];
  items: readonly T[] | undefined;
  empty: JSX.Element;
  /** The resource the items come from: its error is shown above the list, and "Memuat…" while it loads. */
  source?: { loading: boolean; error: unknown };
  testid?: string;
  /** What the list is, for screen readers: "Antrian hari ini". */
  label?: string;
  children: (item: T) => JSX.Element;
}) {
  let body: HTMLTableSectionElement | undefined;
  createEffect(() => {
    void props.items;
    queueMicrotask(() =>
      body?.querySelectorAll("tr").forEach((row) =>
        Array.from(row.cells).forEach((cell, i) => {
          if (cell.colSpan > 1) cell.classList.add("empty");
          else cell.dataset.label = props.headers[i] ?? "";
        }),
      ),
    );
  });
  return (
    <>
      <Show when={props.source?.error as Error | undefined}>
        {(error) => <Alert>{error().message}</Alert>}
      </Show>
      {/* Focusable, so the list can be scrolled sideways from the keyboard where it is wider than the screen. */}
      <div class="table-wrap" tabindex="0" role="region" aria-label={props.label ?? props.headers.join(", ")}>
        <table data-testid={props.testid}>
          <thead>
            <tr>
              <For each={props.headers}>{(header) => <th>{header}</th>}</For>
            </tr>
          </thead>
          <tbody ref={body}>
            <For
              each={props.items}
              fallback={
                <tr>
                  {/* After a failure the alert above says why: "none" would be untrue. */}
                  <td colspan={props.headers.length}>
                    {props.source?.loading
                      ? "Memuat…"
                      : props.source?.error
                        ? "Daftar belum dapat dimuat."
                        : props.empty}
                  </td>
                </tr>
              }
            >
              {(item) => props.children(item)}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
