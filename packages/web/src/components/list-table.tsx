import { For, type JSX } from "solid-js";

/** A list as the pages show it: scrollable on a phone, header row, one row per item, or a message. */
export function ListTable<T>(props: {
  headers: string[];
  items: readonly T[] | undefined;
  empty: JSX.Element;
  testid?: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <div class="table-wrap">
      <table data-testid={props.testid}>
        <thead>
          <tr>
            <For each={props.headers}>{(header) => <th>{header}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.items}
            fallback={
              <tr>
                <td colspan={props.headers.length}>{props.empty}</td>
              </tr>
            }
          >
            {(item) => props.children(item)}
          </For>
        </tbody>
      </table>
    </div>
  );
}
