import { createResource, createSignal, Show } from "solid-js";
import { ROLE_LABELS, type Role } from "@puskesos/core/actor/schema";
import { AUDIT_TARGET_LABELS } from "@puskesos/core/audit/schema";
import { Labelled } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { formatDateTime } from "../lib/time.ts";
import { ListTable } from "../components/list-table.tsx";

type Filter = { day?: string; by?: string; cursor?: string };

const when = (iso: string) => formatDateTime(iso);

export default function Audit() {
  // No day: the server answers for today in the kabupaten's time zone and says which day that is.
  const [filter, setFilter] = createSignal<Filter>({});
  const [log] = createResource(filter, (f) => call(api.audit.$get({ query: f })));

  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const by = String(form.get("by") ?? "").trim();
    const day = String(form.get("day") ?? "");
    setFilter(by ? { by } : day ? { day } : {});
  };

  return (
    <section class="card">
      <h1>Log audit</h1>
      <p class="muted">
        Setiap perubahan dan akses data tercatat: siapa, peran, kapan, apa, dan dari alamat mana.
      </p>
      <form class="filters" onSubmit={apply}>
        <Labelled label="Tanggal" for="filter-day">
          <input id="filter-day" type="date" name="day" value={filter().day ?? log()?.day ?? ""} />
        </Labelled>
        <Labelled label="atau pelaku" for="filter-by">
          <input
            id="filter-by"
            name="by"
            placeholder="nama pengguna"
            value={filter().by ?? ""}
            autocapitalize="none"
          />
        </Labelled>
        <button type="submit">Tampilkan</button>
      </form>
      <ListTable
        headers={["Waktu", "Pelaku", "Tindakan", "Data", "Alamat"]}
        items={log()?.items}
        source={log}
        empty="Tidak ada catatan."
        testid="audit-table"
      >
        {(e) => (
          <tr>
            <td>{when(e.at)}</td>
            {/* One element per cell: on a phone a cell is a grid of its label and its value, and a second
                child would wrap under the label. */}
            <td>
              <span>
                {/* A role of an account, labelled; no account ("publik", "sistem:…") is named by itself. */}
                <code>{e.by}</code>{" "}
                <Show when={ROLE_LABELS[e.role as Role]}>
                  {(label) => <small class="muted">{label()}</small>}
                </Show>
              </span>
            </td>
            <td>{e.summary}</td>
            <td>
              <span>
                {AUDIT_TARGET_LABELS[e.targetType] ?? e.targetType} <code>{e.targetId}</code>
              </span>
            </td>
            <td>{e.ip}</td>
          </tr>
        )}
      </ListTable>
      <Show when={log()?.cursor}>
        <button
          type="button"
          class="secondary"
          onClick={() => setFilter({ ...filter(), cursor: log()!.cursor! })}
        >
          Halaman berikutnya
        </button>
      </Show>
    </section>
  );
}
