import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { categoryName } from "@puskesos/core/catalog/schema";
import { COMPLAINT_STATE_LABELS, type ComplaintView } from "@puskesos/core/complaint/schema";
import { formatDay } from "../lib/time.ts";
import { ListTable } from "./list-table.tsx";

/**
 * Complaints as lists show them: date, reporter (link), masked NIK, tracking code, category, state (and
 * when not in the DPM); with `desa`, the desa's name after the date, for lists wider than one desa. The
 * tracking code tells apart one resident's several complaints, and is what a resident reads out on the phone.
 */
export function ComplaintTable(props: {
  items: ComplaintView[] | undefined;
  empty: string;
  testid: string;
  desa?: ((code: string) => string) | undefined;
  /** The desa column's title ("Desa", "Kelurahan", "Desa/kelurahan"). */
  villages?: string;
  label?: string;
  /** The resource the items come from: "Memuat…" while it loads, its error above the list. */
  source?: { loading: boolean; error: unknown };
}) {
  const headers = () =>
    props.desa
      ? ["Tanggal", props.villages ?? "Desa", "Pelapor", "NIK", "Kode lacak", "Kategori", "Status"]
      : ["Tanggal", "Pelapor", "NIK", "Kode lacak", "Kategori", "Status"];
  return (
    <ListTable
      headers={headers()}
      items={props.items}
      empty={props.empty}
      testid={props.testid}
      label={props.label}
      {...(props.source ? { source: props.source } : {})}
    >
      {(c) => (
        <tr>
          <td>{formatDay(c.queueDay, "medium")}</td>
          <Show when={props.desa}>{(name) => <td>{name()(c.desaCode)}</td>}</Show>
          <td>
            <A href={`/pengaduan/${c.id}`}>{c.reporter.name}</A>
          </td>
          <td>
            <code>{c.reporter.nikMasked}</code>
          </td>
          <td>
            <code>{c.trackingCode}</code>
          </td>
          <td>{categoryName(c.category)}</td>
          <td>
            {COMPLAINT_STATE_LABELS[c.state]}
            <Show when={!c.dpm.found}>
              {" "}
              <span class="badge" classList={{ ok: Boolean(c.proposalInDpmOn) }}>
                {c.proposalInDpmOn
                  ? "masuk DPM"
                  : c.dpm.checked
                    ? "belum di DPM"
                    : "tidak dicocokkan dengan DPM"}
              </span>
            </Show>
          </td>
        </tr>
      )}
    </ListTable>
  );
}
