import { A } from "@solidjs/router";
import { newId } from "../lib/id.ts";
import { createResource, createSignal, For, Show } from "solid-js";
import { RecordMusdesSchema, type MusdesView } from "@puskesos/core/musdes/schema";
import type { ProposalView } from "@puskesos/core/proposal/schema";
import { DesaSelect } from "../components/desa-select.tsx";
import { Alert, createForm, ErrorList, Field, Labelled } from "../components/form.tsx";
import { ListTable } from "../components/list-table.tsx";
import { api, call } from "../lib/api.ts";
import { addressOf, headOf } from "../lib/proposal-text.ts";
import { can, me } from "../lib/session.ts";
import { formatDay, defaultDay, today } from "../lib/time.ts";
import { musdesTitle, villagesTitle } from "@puskesos/core/region/words";

/** Every page of the desa's verified households still waiting for a musdes. */
async function awaiting(desa: string): Promise<ProposalView[]> {
  const items: ProposalView[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(
      api.proposals.$get({ query: { state: "layak", desa, ...(cursor ? { cursor } : {}) } }),
    );
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return items;
}

/** The koordinator's or kepala desa's record of one musdes: when, where, who came, and each decision. */
function RecordForm(props: { proposals: ProposalView[]; onSaved: (musdes: MusdesView) => void }) {
  // One id per musdes: sending it again after a lost answer applies what was not applied, once.
  let id = newId();
  const [decided, setDecided] = createSignal<string[]>([]);
  const { errors, message, busy, submit } = createForm({
    schema: RecordMusdesSchema,
    read: (form) => {
      const chosen = props.proposals.filter((p) => form.get(`decision-${p.id}`) !== "tunda");
      setDecided(chosen.map((p) => p.id));
      const present = String(form.get("present") ?? "").trim();
      return {
        id,
        date: form.get("date"),
        place: form.get("place"),
        // Sent as typed when it is no number ("2e"), so the refusal says so rather than "wajib diisi".
        present: present ? (Number.isFinite(Number(present)) ? Number(present) : present) : undefined,
        minutesRef: form.get("minutesRef"),
        decisions: chosen.map((p) => {
          const reason = String(form.get(`reason-${p.id}`) ?? "").trim();
          return {
            proposalId: p.id,
            version: p.version,
            confirmed: form.get(`decision-${p.id}`) === "ya",
            ...(reason ? { reason } : {}),
          };
        }),
      };
    },
    precheck: (form) =>
      String(form.get("date") ?? "") > today()
        ? { date: "Tanggal musdes tidak boleh di masa depan." }
        : undefined,
    send: async (musdes) => {
      const recorded = await call(api.musdes.$post({ json: musdes }));
      id = newId();
      props.onSaved(recorded);
    },
  });
  const decisionError = (proposalId: string, field: string) => {
    const i = decided().indexOf(proposalId);
    return i < 0 ? undefined : errors()[`decisions.${i}.${field}`];
  };
  return (
    <form onSubmit={submit} novalidate class="card inner" data-testid="musdes-form">
      <h2>Catat musdes</h2>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <ErrorList errors={errors()} />
      {/* One per row: side by side, a phone's date picker left the count a few characters wide. */}
      <Field label="Tanggal musdes" name="date" error={errors().date}>
        <input id="date" name="date" type="date" value={defaultDay()} max={today()} />
      </Field>
      <Field label="Jumlah hadir" name="present" error={errors().present}>
        {/* Text, not a number field: a number field hands over "" for "2e", read as missing. */}
        <input id="present" name="present" inputmode="numeric" />
      </Field>
      <Field label="Tempat" name="place" error={errors().place}>
        <input id="place" name="place" />
      </Field>
      <Field label="Nomor berita acara" name="minutesRef" error={errors().minutesRef}>
        <input id="minutesRef" name="minutesRef" />
      </Field>
      <Show when={errors().decisions}>
        <small class="error" role="alert">
          {errors().decisions}
        </small>
      </Show>
      <For each={props.proposals}>
        {(p) => (
          <fieldset data-testid={`decide-${p.id}`}>
            <legend>
              {headOf(p)?.name}, {addressOf(p.address)}
            </legend>
            <p class="muted">
              {p.members.length} anggota · verval {p.verification ? formatDay(p.verification.visitDate) : "—"}
              {p.verification ? `: ${p.verification.reason}` : ""}
            </p>
            <Show when={decisionError(p.id, "proposalId")}>
              {(e) => (
                <small class="error" role="alert">
                  {e()}
                </small>
              )}
            </Show>
            <label class="check">
              <input type="radio" name={`decision-${p.id}`} value="ya" /> Ditetapkan
            </label>
            <label class="check">
              <input type="radio" name={`decision-${p.id}`} value="tidak" /> Tidak ditetapkan
            </label>
            <label class="check">
              <input type="radio" name={`decision-${p.id}`} value="tunda" checked /> Belum diputuskan di
              musdes ini
            </label>
            <Field
              label="Alasan (wajib bila tidak ditetapkan)"
              name={`reason-${p.id}`}
              error={decisionError(p.id, "reason")}
            >
              <textarea id={`reason-${p.id}`} name={`reason-${p.id}`} rows="2" />
            </Field>
          </fieldset>
        )}
      </For>
      <button type="submit" disabled={busy()}>
        {busy() ? "Menyimpan…" : "Simpan musdes"}
      </button>
    </form>
  );
}

/**
 * Musyawarah Desa: the desa's verified (`layak`) households waiting for it, the record of a musdes with
 * its decision on each, what each decision did, and the past musdes with their annex to print.
 */
export default function Musdes() {
  const wide = () => me()?.scope.level !== "desa";
  const [tree] = createResource(wide, (yes) => (yes ? call(api.regions.$get()) : undefined));
  const [chosen, setChosen] = createSignal("");
  const desa = () => (wide() ? chosen() : (me()?.scope.code ?? ""));
  const [waiting, { refetch: refetchWaiting }] = createResource(
    () => (can("proposal.list") ? desa() : ""),
    (code) => (code ? awaiting(code) : []),
  );
  // Reading a failed list throws: after a saved musdes whose lists could not reload, the page keeps its
  // answer and says the lists could not be loaded instead of giving way to the page's error.
  const waitingNow = () => (waiting.error ? undefined : waiting.latest);
  const [past, { refetch: refetchPast }] = createResource(desa, (code) =>
    code ? call(api.musdes.$get({ query: { desa: code } })) : [],
  );
  const [saved, setSaved] = createSignal<{ musdes: MusdesView; names: Map<string, string> }>();
  const onSaved = (musdes: MusdesView) => {
    const names = new Map((waitingNow() ?? []).map((p) => [p.id, headOf(p)?.name ?? p.id]));
    setSaved({ musdes, names });
    void refetchWaiting();
    void refetchPast();
  };

  return (
    <section class="card">
      <h1>{musdesTitle(desa() || undefined)}</h1>
      <Show when={wide()}>
        <div class="filters">
          <Labelled label={villagesTitle(tree())} for="musdes-desa">
            <DesaSelect id="musdes-desa" tree={tree()} value={chosen()} onChange={setChosen} />
          </Labelled>
        </div>
      </Show>
      <Show
        when={desa()}
        fallback={<p class="muted">Pilih {villagesTitle(tree()).toLowerCase()} untuk melihat musdesnya.</p>}
      >
        <Show when={saved()}>
          {(s) => (
            <Alert kind="success">
              <span data-testid="musdes-saved">
                Musdes {formatDay(s().musdes.date)} di {s().musdes.place} tercatat.
              </span>
              <ul data-testid="musdes-result">
                <For each={s().musdes.decisions}>
                  {(d) => (
                    <li>
                      {s().names.get(d.proposalId) ?? d.proposalId}:{" "}
                      {d.confirmed ? "ditetapkan" : "tidak ditetapkan"}
                      {d.applied ? ", dicatat pada usulannya." : `, tidak dicatat: ${d.message ?? ""}`}
                    </li>
                  )}
                </For>
              </ul>
              <A href={`/musdes/${s().musdes.id}/lampiran`}>Cetak lampiran musdes ini</A>
            </Alert>
          )}
        </Show>
        <Show when={can("proposal.list")}>
          <h2>Usulan layak menunggu musdes</h2>
          <ListTable
            headers={["Kepala rumah tangga", "Anggota", "Alamat", "Hasil verval"]}
            items={waitingNow()}
            source={waiting}
            empty="Tidak ada usulan yang menunggu musdes."
            testid="musdes-waiting"
            label="Usulan layak menunggu musdes"
          >
            {(p) => (
              <tr>
                <td>
                  <A href={`/usulan/${p.id}`}>{headOf(p)?.name}</A>
                </td>
                <td>{p.members.length}</td>
                <td>{addressOf(p.address)}</td>
                <td>
                  {p.verification ? `Layak, ${formatDay(p.verification.visitDate, "medium")}` : "Layak"}
                </td>
              </tr>
            )}
          </ListTable>
          <Show when={can("musdes.record") && waitingNow()?.length}>
            <RecordForm proposals={waitingNow()!} onSaved={onSaved} />
          </Show>
        </Show>
        <h2>Musdes yang sudah dicatat</h2>
        <ListTable
          headers={["Tanggal", "Tempat", "Hadir", "Berita acara", "Keputusan", "Lampiran"]}
          items={past.error ? undefined : past.latest}
          source={past}
          empty="Belum ada musdes yang dicatat."
          testid="musdes-past"
          label="Musdes yang sudah dicatat"
        >
          {(m) => (
            <tr>
              <td>{formatDay(m.date, "medium")}</td>
              <td>{m.place}</td>
              <td>{m.present}</td>
              <td>{m.minutesRef}</td>
              <td>
                {m.decisions.filter((d) => d.applied && d.confirmed).length} ditetapkan,{" "}
                {m.decisions.filter((d) => d.applied && !d.confirmed).length} tidak
              </td>
              <td>
                <A href={`/musdes/${m.id}/lampiran`}>Cetak lampiran</A>
              </td>
            </tr>
          )}
        </ListTable>
      </Show>
    </section>
  );
}
