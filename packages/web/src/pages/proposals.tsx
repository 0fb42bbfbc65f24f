import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { PROPOSAL_STATE_LABELS, PROPOSAL_STATES, type ProposalState } from "@puskesos/core/proposal/schema";
import { Labelled } from "../components/form.tsx";
import { ListTable } from "../components/list-table.tsx";
import { api, call } from "../lib/api.ts";
import { houseLabel, nextStep } from "../lib/proposal-text.ts";
import { createRegionNames } from "../lib/regions.ts";
import { me } from "../lib/session.ts";
import { formatDate } from "../lib/time.ts";
import { villagesTitle } from "@puskesos/core/region/words";

interface Filter {
  state?: ProposalState;
  kecamatan?: string;
  desa?: string;
  cursor?: string;
}

/**
 * Households proposed for the DPM in the caller's scope, all of it at first, narrowed by state,
 * kecamatan and desa; each with its state and what comes next. A desa's officers see their desa.
 */
export default function Proposals() {
  const { tree, settled, desaName } = createRegionNames();
  const level = () => me()?.scope.level;
  const [filter, setFilter] = createSignal<Filter>({});
  const [page] = createResource(filter, (f) => call(api.proposals.$get({ query: { ...f } })));
  /** The desa to choose from: the chosen kecamatan's, or (one kecamatan in scope) its own. */
  const desaList = () => {
    const kecamatan = tree()?.kecamatan ?? [];
    return (kecamatan.length === 1 ? kecamatan[0] : kecamatan.find((k) => k.code === filter().kecamatan))
      ?.desa;
  };
  const set = (change: Partial<Filter>) => {
    const next: Filter = { ...filter(), ...change };
    delete next.cursor;
    for (const key of ["state", "kecamatan", "desa"] as const) if (!next[key]) delete next[key];
    setFilter(next);
  };

  return (
    <section class="card">
      <h1>Usulan rumah tangga</h1>
      <div class="filters">
        <Labelled label="Status" for="filter-state">
          <select
            id="filter-state"
            value={filter().state ?? ""}
            onChange={(e) =>
              set({ state: (e.currentTarget.value || undefined) as ProposalState | undefined })
            }
          >
            <option value="">Semua</option>
            <For each={PROPOSAL_STATES}>{(s) => <option value={s}>{PROPOSAL_STATE_LABELS[s]}</option>}</For>
          </select>
        </Labelled>
        <Show when={level() === "kabupaten"}>
          <Labelled label="Kecamatan" for="filter-kecamatan">
            <select
              id="filter-kecamatan"
              value={filter().kecamatan ?? ""}
              onChange={(e) => set({ kecamatan: e.currentTarget.value, desa: undefined })}
              data-testid="proposal-kecamatan"
            >
              <option value="">Semua</option>
              <For each={tree()?.kecamatan}>{(k) => <option value={k.code}>{k.name}</option>}</For>
            </select>
          </Labelled>
        </Show>
        <Show when={level() !== "desa"}>
          <Labelled label={villagesTitle(tree())} for="filter-desa">
            <select
              id="filter-desa"
              value={filter().desa ?? ""}
              onChange={(e) => set({ desa: e.currentTarget.value })}
              disabled={!desaList()}
            >
              <option value="">Semua</option>
              <For each={desaList()}>{(d) => <option value={d.code}>{d.name}</option>}</For>
            </select>
          </Labelled>
        </Show>
      </div>
      <Show when={level() === "desa"}>
        <p class="muted">{me()?.scopeName}</p>
      </Show>
      <ListTable
        headers={["Diusulkan", villagesTitle(tree()), "Anggota", "Rumah", "Status", "Langkah berikutnya"]}
        items={settled() ? page.latest?.items : undefined}
        source={page}
        empty={settled() ? "Tidak ada usulan." : "Memuat…"}
        testid="proposal-table"
        label="Usulan rumah tangga"
      >
        {(p) => (
          <tr data-testid={`proposal-row-${p.id}`}>
            <td>{formatDate(p.createdAt, "medium")}</td>
            <td>{desaName(p.desaCode)}</td>
            <td>
              <A href={`/usulan/${p.id}`}>{p.members.map((m) => `${m.name} (${m.nikMasked})`).join(", ")}</A>
            </td>
            <td>{houseLabel(p.houseCondition)}</td>
            <td>
              {PROPOSAL_STATE_LABELS[p.state]}
              <Show when={p.inDpm}>
                {" "}
                <span class="badge ok">masuk DPM</span>
              </Show>
            </td>
            <td>{nextStep(p)}</td>
          </tr>
        )}
      </ListTable>
      <Show when={page.latest?.cursor}>
        {(cursor) => (
          <button
            type="button"
            class="secondary"
            onClick={() => setFilter({ ...filter(), cursor: cursor() })}
          >
            Halaman berikutnya
          </button>
        )}
      </Show>
    </section>
  );
}
