import { A } from "@solidjs/router";
import { createResource, createSignal, Show } from "solid-js";
import type { ReferralView } from "@puskesos/core/referral/schema";
import { api, call } from "../lib/api.ts";
import { useCatalog } from "../lib/catalog.ts";
import { errorsFromApi } from "./form.tsx";
import { formatDay } from "../lib/time.ts";
import { ListTable } from "./list-table.tsx";
import { heldForNames } from "../lib/regions.ts";

const fetchPage = (cursor?: string) => call(api.referrals.served.$get({ query: cursor ? { cursor } : {} }));

/**
 * An OPD's record of work done: the referrals it has served, newest first, each leading to its page
 * (the outcome, the letter). Pages after the first are appended by "Muat lebih banyak".
 */
/** Where a list's residents live, for a caller whose scope holds more than one desa: the column's title and each desa's name. */
export interface Places {
  title: string;
  name: (code: string) => string;
}

export function ServedReferrals(props: {
  places?: Places | undefined;
  /** Whether the desa's names are known (or failed): the list waits for them, drawn once with names. */
  settled: boolean;
}) {
  const [first] = createResource(() => fetchPage());
  const [catalog] = useCatalog();
  const [more, setMore] = createSignal<{ items: ReferralView[]; cursor?: string | undefined }>({ items: [] });
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  // Reading a failed resource throws: its error is shown by the list instead.
  const firstPage = () => (first.error ? undefined : first());
  const rows = () => [...(firstPage()?.items ?? []), ...more().items];
  const next = () => (more().items.length ? more().cursor : firstPage()?.cursor);
  const source = heldForNames(first, () => props.settled);
  const loadMore = async () => {
    setError("");
    setBusy(true);
    try {
      const page = await fetchPage(next());
      setMore((prev) => ({ items: [...prev.items, ...page.items], cursor: page.cursor }));
    } catch (failure) {
      setError(errorsFromApi(failure).message);
    } finally {
      setBusy(false);
    }
  };
  const program = (code: string | undefined) =>
    catalog()?.programs.find((p) => p.code === code)?.name ?? code ?? "";
  return (
    <>
      <h2>Sudah dilayani</h2>
      <ListTable
        headers={[
          "Tanggal layanan",
          "Warga",
          ...(props.places ? [props.places.title] : []),
          "Program",
          "Nomor referensi",
        ]}
        items={firstPage() && !source.loading ? rows() : undefined}
        source={source}
        empty="Belum ada rujukan yang dilayani."
        testid="served-referrals"
        label="Rujukan yang sudah dilayani"
      >
        {(r) => (
          <tr>
            <td>{r.outcome ? formatDay(r.outcome.servedOn, "medium") : ""}</td>
            <td>
              <A href={`/rujukan/${r.id}`}>{r.reporter.name}</A>
            </td>
            <Show when={props.places}>{(p) => <td>{p().name(r.desaCode)}</td>}</Show>
            <td>{program(r.program)}</td>
            <td>{r.outcome?.reference}</td>
          </tr>
        )}
      </ListTable>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={next()}>
        <button type="button" class="secondary" onClick={loadMore} disabled={busy()}>
          {busy() ? "Memuat…" : "Muat lebih banyak"}
        </button>
      </Show>
    </>
  );
}
