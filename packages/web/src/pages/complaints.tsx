import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { CATALOGS, PPKS_BY_RUMPUN } from "@puskesos/core/catalog/schema";
import {
  COMPLAINT_STATE_LABELS,
  COMPLAINT_STATES,
  COMPLAINT_WORKFLOW,
  type ComplaintView,
  DPM_STANDING_LABELS,
  DPM_STANDINGS,
} from "@puskesos/core/complaint/schema";
import type { BrowseQuerySchema } from "@puskesos/core/report/schema";
import type * as v from "valibot";
import { ComplaintTable } from "../components/complaint-table.tsx";
import { ComplaintSearch } from "../components/complaint-search.tsx";
import { Alert, Labelled, sentenceFromApi } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { saveFile } from "../lib/download.ts";
import { createRegionNames } from "../lib/regions.ts";
import { can, me } from "../lib/session.ts";
import { today } from "../lib/time.ts";
import { mayTake } from "../lib/workflow.ts";
import { villagesTitle } from "@puskesos/core/region/words";

type Query = v.InferInput<typeof BrowseQuerySchema>;
type Kind = "" | "state" | "category" | "ppks" | "rumpun" | "dpm" | "overdue";
interface Choice {
  value: string;
  label: string;
}

/** The ways of narrowing the list, one at a time (the server answers one list per pick). */
const KINDS: { kind: Kind; label: string; groups: { label?: string; options: Choice[] }[] }[] = [
  { kind: "", label: "Semua", groups: [] },
  {
    kind: "state",
    label: "Status",
    groups: [{ options: COMPLAINT_STATES.map((s) => ({ value: s, label: COMPLAINT_STATE_LABELS[s] })) }],
  },
  {
    kind: "category",
    label: "Kategori",
    groups: [{ options: CATALOGS.complaintCategories.map((c) => ({ value: c.code, label: c.name })) }],
  },
  {
    kind: "ppks",
    label: "Jenis PPKS",
    groups: PPKS_BY_RUMPUN.map((r) => ({
      label: r.name,
      options: r.types.map((p) => ({ value: p.code, label: p.name })),
    })),
  },
  {
    kind: "rumpun",
    label: "Rumpun",
    groups: [{ options: CATALOGS.rumpun.map((r) => ({ value: r.code, label: r.name })) }],
  },
  {
    kind: "dpm",
    label: "DPM",
    groups: [
      {
        options: DPM_STANDINGS.map((standing) => ({ value: standing, label: DPM_STANDING_LABELS[standing] })),
      },
    ],
  },
  { kind: "overdue", label: "Lewat batas waktu", groups: [] },
];

/**
 * Every complaint of the caller's scope (manajer and SLRT front office: the kabupaten; supervisor:
 * the kecamatan; a desa's officers and its kepala desa: the desa) by month, kecamatan and desa,
 * narrowed one way at a time, 25 at a time, and downloaded as XLSX or CSV. A desa's officers also
 * find a resident's complaints by queue day, name or NIK.
 */
export default function Complaints() {
  const level = () => me()?.scope.level;
  const wide = () => level() !== "desa";
  const { tree, settled, desaName } = createRegionNames(wide);

  const [month, setMonth] = createSignal(today().slice(0, 7));
  const [kecamatan, setKecamatan] = createSignal("");
  const [desa, setDesa] = createSignal("");
  const [kind, setKind] = createSignal<Kind>("");
  const [value, setValue] = createSignal("");
  const [sort, setSort] = createSignal<"terbaru" | "terlama">("terbaru");
  const groups = () => KINDS.find((k) => k.kind === kind())?.groups ?? [];
  /** The desa to choose from: the chosen kecamatan's, or (one kecamatan in scope) its own. */
  const desaList = () => {
    const all = tree()?.kecamatan ?? [];
    return (all.length === 1 ? all[0] : all.find((k) => k.code === kecamatan()))?.desa;
  };

  const chosen = (): Query => {
    const q: Record<string, string> = { sort: sort() };
    if (kind() !== "overdue" && month()) q.month = month();
    if (kecamatan()) q.kecamatan = kecamatan();
    if (desa()) q.desa = desa();
    if (kind() === "overdue") q.overdue = "ya";
    else if (kind() && value()) q[kind()] = value();
    return q as Query;
  };

  /** The list on screen and the query it answers (for its next page and its files). */
  const [list, setList] = createSignal<{
    query: Query;
    items: ComplaintView[];
    cursor?: string | undefined;
  }>();
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal("");
  let latest = 0;
  const load = async (query: Query, after?: { items: ComplaintView[]; cursor: string }) => {
    const run = ++latest;
    setBusy(true);
    setRefusal("");
    try {
      const page = await call(
        api.complaints.browse.$get({ query: after ? { ...query, cursor: after.cursor } : query }),
      );
      if (run !== latest) return;
      setList({ query, items: [...(after?.items ?? []), ...page.items], cursor: page.cursor });
    } catch (error) {
      if (run !== latest) return;
      setRefusal(sentenceFromApi(error));
      if (!after) setList(undefined);
    } finally {
      if (run === latest) setBusy(false);
    }
  };
  onMount(() => void load(chosen()));

  const [fullNik, setFullNik] = createSignal(false);
  const download = async (format: "xlsx" | "csv") => {
    const shown = list();
    if (!shown) return;
    setRefusal("");
    try {
      const query = { ...shown.query, format, ...(fullNik() ? { nik: "lengkap" as const } : {}) };
      await saveFile(api.complaints.browse.file.$get({ query }));
    } catch (error) {
      setRefusal(sentenceFromApi(error));
    }
  };

  return (
    <section class="card">
      <div class="row">
        <h1>Pengaduan</h1>
        <Show when={can("complaint.register")}>
          <A class="button" href="/pengaduan/baru">
            Daftarkan pengaduan
          </A>
        </Show>
      </div>
      <Show when={!wide()}>
        <p class="muted">{me()?.scopeName}</p>
        <ComplaintSearch />
        <h2>Daftar pengaduan</h2>
      </Show>
      <form
        class="filters"
        novalidate
        aria-label="Saringan daftar pengaduan"
        onSubmit={(event) => {
          event.preventDefault();
          void load(chosen());
        }}
      >
        <Labelled label="Bulan" for="browse-month">
          <input
            id="browse-month"
            type="month"
            value={month()}
            max={today().slice(0, 7)}
            disabled={kind() === "overdue"}
            aria-describedby={kind() === "overdue" ? "browse-month-note" : undefined}
            onChange={(e) => setMonth(e.currentTarget.value)}
          />
        </Labelled>
        <Show when={level() === "kabupaten"}>
          <Labelled label="Kecamatan" for="browse-kecamatan">
            <select
              id="browse-kecamatan"
              value={kecamatan()}
              onChange={(e) => {
                setKecamatan(e.currentTarget.value);
                setDesa("");
              }}
            >
              <option value="">Semua</option>
              <For each={tree()?.kecamatan}>{(k) => <option value={k.code}>{k.name}</option>}</For>
            </select>
          </Labelled>
        </Show>
        <Show when={wide()}>
          <Labelled label={villagesTitle(tree())} for="browse-desa">
            <select
              id="browse-desa"
              value={desa()}
              disabled={!desaList()}
              onChange={(e) => setDesa(e.currentTarget.value)}
            >
              <option value="">Semua</option>
              <For each={desaList()}>{(d) => <option value={d.code}>{d.name}</option>}</For>
            </select>
          </Labelled>
        </Show>
        <Labelled label="Saring menurut" for="browse-kind">
          <select
            id="browse-kind"
            value={kind()}
            onChange={(e) => {
              setKind(e.currentTarget.value as Kind);
              setValue(groups()[0]?.options[0]?.value ?? "");
            }}
          >
            <For each={KINDS}>{(k) => <option value={k.kind}>{k.label}</option>}</For>
          </select>
        </Labelled>
        <Show when={groups().length > 0}>
          <Labelled label={KINDS.find((k) => k.kind === kind())?.label ?? "Pilihan"} for="browse-value">
            <select id="browse-value" value={value()} onChange={(e) => setValue(e.currentTarget.value)}>
              <For each={groups()}>
                {(g) =>
                  g.label ? (
                    <optgroup label={g.label}>
                      <For each={g.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
                    </optgroup>
                  ) : (
                    <For each={g.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
                  )
                }
              </For>
            </select>
          </Labelled>
        </Show>
        <Labelled label="Urutan" for="browse-sort">
          <select
            id="browse-sort"
            value={sort()}
            onChange={(e) => setSort(e.currentTarget.value as "terbaru" | "terlama")}
          >
            <option value="terbaru">Terbaru</option>
            <option value="terlama">Terlama</option>
          </select>
        </Labelled>
        <button type="submit" disabled={busy()}>
          Tampilkan
        </button>
      </form>
      <Show when={wide() && desa()}>
        {(code) => <ComplaintSearch desa={code()} desaName={desaName(code())} />}
      </Show>
      <Show when={kind() === "overdue"}>
        <p class="muted" id="browse-month-note">
          Bulan diabaikan: daftar ini memuat pengaduan yang rujukannya lewat batas waktu sekarang, dari bulan
          mana pun.
        </p>
      </Show>
      <Show when={refusal()}>
        <Alert>{refusal()}</Alert>
      </Show>
      <Show when={can("complaint.export") && list()}>
        <div class="buttons" role="group" aria-label="Unduh daftar ini">
          <button type="button" class="secondary" onClick={() => void download("xlsx")}>
            Unduh XLSX
          </button>
          <button type="button" class="secondary" onClick={() => void download("csv")}>
            Unduh CSV
          </button>
          <Show when={mayTake(COMPLAINT_WORKFLOW, "reveal-nik")}>
            <label class="check">
              <input
                type="checkbox"
                checked={fullNik()}
                onChange={(e) => setFullNik(e.currentTarget.checked)}
              />
              Sertakan NIK lengkap (dicatat di log audit)
            </label>
          </Show>
        </div>
      </Show>
      <ComplaintTable
        items={settled() ? list()?.items : undefined}
        desa={wide() ? desaName : undefined}
        villages={villagesTitle(tree())}
        empty={
          busy() || (list() && !settled())
            ? "Memuat…"
            : list()
              ? "Tidak ada pengaduan."
              : "Pilih saringan lalu Tampilkan."
        }
        testid="complaint-table"
        label="Daftar pengaduan"
      />
      <Show when={list()?.cursor}>
        {(cursor) => (
          <button
            type="button"
            class="secondary"
            disabled={busy()}
            onClick={() => {
              const shown = list();
              if (shown) void load(shown.query, { items: shown.items, cursor: cursor() });
            }}
          >
            Muat lebih banyak
          </button>
        )}
      </Show>
    </section>
  );
}
