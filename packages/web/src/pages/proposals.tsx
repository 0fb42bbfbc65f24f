import { createResource, createSignal, For, Show } from "solid-js";
import { HOUSE_CONDITIONS, INCOME_SOURCES, PROPOSAL_STATE_LABELS } from "@puskesos/core/proposal/schema";
import { Alert, Labelled } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { me } from "../lib/session.ts";
import { formatDate } from "../lib/time.ts";
import { ListTable } from "../components/list-table.tsx";

/** Survey team: households proposed for the DPM, by kecamatan and desa. */
export default function Proposals() {
  const [tree] = createResource(() => call(api.regions.$get()));
  const [filter, setFilter] = createSignal<{ kecamatan?: string; desa?: string }>(
    me()?.scope.level === "kabupaten" ? {} : { kecamatan: me()?.scope.code ?? "" },
  );
  const [page] = createResource(
    () => (filter().kecamatan || filter().desa || me()?.scope.level !== "kabupaten" ? filter() : false),
    (f) => call(api.proposals.$get({ query: f })),
  );
  return (
    <section class="card">
      <h1>Usulan rumah tangga</h1>
      <div class="filters">
        <Labelled label="Kecamatan" for="filter-kecamatan">
          <select
            id="filter-kecamatan"
            value={filter().kecamatan ?? ""}
            onChange={(e) => setFilter(e.currentTarget.value ? { kecamatan: e.currentTarget.value } : {})}
            data-testid="proposal-kecamatan"
          >
            <option value="">— pilih —</option>
            <For each={tree()?.kecamatan}>{(k) => <option value={k.code}>{k.name}</option>}</For>
          </select>
        </Labelled>
        <Labelled label="Desa" for="filter-desa">
          <select
            id="filter-desa"
            value={filter().desa ?? ""}
            onChange={(e) =>
              setFilter({
                ...filter(),
                ...(e.currentTarget.value ? { desa: e.currentTarget.value } : { desa: undefined }),
              })
            }
          >
            <option value="">Semua</option>
            <For each={tree()?.kecamatan.find((k) => k.code === filter().kecamatan)?.desa}>
              {(d) => <option value={d.code}>{d.name}</option>}
            </For>
          </select>
        </Labelled>
      </div>
      <Show when={page.error}>
        <Alert>{(page.error as Error).message}</Alert>
      </Show>
      <ListTable
        headers={["Tanggal", "Desa", "Anggota", "Rumah", "Penghasilan", "Status"]}
        items={page() ? page()!.items : []}
        empty={page.loading ? "Memuat…" : "Tidak ada usulan."}
        testid="proposal-table"
      >
        {(p) => (
          <tr>
            <td>{formatDate(p.createdAt, "medium")}</td>
            <td>
              {tree()
                ?.kecamatan.flatMap((k) => k.desa)
                .find((d) => d.code === p.desaCode)?.name ?? p.desaCode}
            </td>
            <td>{p.members.map((m) => `${m.name} (${m.nikMasked})`).join(", ")}</td>
            <td>{HOUSE_CONDITIONS[p.houseCondition as keyof typeof HOUSE_CONDITIONS]}</td>
            <td>{INCOME_SOURCES[p.incomeSource as keyof typeof INCOME_SOURCES]}</td>
            <td>{PROPOSAL_STATE_LABELS[p.state]}</td>
          </tr>
        )}
      </ListTable>
    </section>
  );
}
