import { createMemo, createSignal, For, onMount, Show } from "solid-js";
import { Alert, errorsFromApi } from "../components/form.tsx";
import { VerifyForm, type VerifyInput } from "../components/verify-form.tsx";
import * as Outbox from "../lib/outbox.ts";
import { addressOf, headOf, relationshipLabel, RESULT_LABELS } from "../lib/proposal-text.ts";
import { formatDay, formatTime, today } from "../lib/time.ts";
import { outbox } from "../lib/outbox-lazy.ts";
import {
  draftKey,
  forgetVisit,
  keptIndicators,
  keptVisits,
  loadVisits,
  takeToday,
  type Visit,
} from "../lib/visits.ts";
import { ask } from "../lib/ask.ts";
import { me } from "../lib/session.ts";
import "../components/card-list.css";

type Result = Extract<Outbox.OutboxItem, { kind: "verification" }>;

/** The proposal a result is for: in what it sends until the server has it, then in the answer. */
const proposalOf = (r: Result) => r.payload?.proposalId ?? r.result?.id ?? "";

/** The verval's result in words: as recorded, or as the server answered (the proposal's new state). */
const resultOf = (r: Result) => {
  const result = r.payload?.result.result ?? r.result?.state;
  return result && result in RESULT_LABELS ? RESULT_LABELS[result as keyof typeof RESULT_LABELS] : undefined;
};

/**
 * Tim survei in the field: the day's scheduled visits taken onto the device while connected, each
 * household's verval recorded without a connection, and each result's way to the server
 * (saved on this device → sent → received, or refused with the server's reason).
 */
export default function Visits() {
  const [message, setMessage] = createSignal<{ kind: "error" | "success"; text: string }>();
  const [busy, setBusy] = createSignal(false);
  const [open, setOpen] = createSignal<string>();
  /** A verval form left open by a reload or a closed tab opens again, with its draft (form-draft.tsx). */
  const reopenInterrupted = async () => {
    const user = me()?.username;
    if (!user) return;
    const [{ draftsOf }, { outboxOpened }] = await Promise.all([import("../lib/draft.ts"), outbox()]);
    // A visit whose result already waits in the outbox has no form to open: known once the outbox is read.
    await outboxOpened();
    const drafts = await draftsOf(user);
    const left = keptVisits().find(
      (v) => !results().has(v.id) && drafts.some((d) => d.open && d.id === draftKey(v.id)),
    );
    if (left && !open()) setOpen(left.id);
  };
  onMount(
    () =>
      void loadVisits()
        .then(reopenInterrupted)
        .catch((error: unknown) => console.warn("kunjungan", error)),
  );

  /** The results of visits in the outbox, by proposal. */
  const results = createMemo(() => {
    const byProposal = new Map<string, Result>();
    for (const item of Outbox.outboxItems())
      if (item.kind === "verification" && proposalOf(item) && !byProposal.has(proposalOf(item)))
        byProposal.set(proposalOf(item), item);
    return byProposal;
  });
  /** Results whose visit is no longer on the device (received, or kept for this user past a sign-out). */
  const finished = () =>
    [...results().values()].filter((r) => !keptVisits().some((v) => v.id === proposalOf(r)));

  const take = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      // A result still on its way keeps its visit; a refused one's visit is taken again, as the server has it now.
      const waiting = new Set([...results().entries()].filter(([, r]) => Outbox.waits(r)).map(([id]) => id));
      const count = await takeToday(waiting);
      const at = formatTime(new Date().toISOString());
      setMessage({
        kind: "success",
        text: count
          ? `${count} kunjungan hari ini disimpan di perangkat ini (${at}).`
          : `Tidak ada kunjungan yang dijadwalkan untuk hari ini (diperiksa ${at}).`,
      });
    } catch (error) {
      setMessage({ kind: "error", text: errorsFromApi(error).message });
    } finally {
      setBusy(false);
    }
  };

  const record = (visit: Visit) => async (result: VerifyInput) => {
    // "n kunjungan … disimpan" no longer holds once a visit's result goes out (its visit then goes).
    setMessage(undefined);
    const head = headOf(visit);
    await Outbox.add(
      "verification",
      { id: result.resultId, proposalId: visit.id, result },
      `${head?.name ?? "Rumah tangga"}, ${addressOf(visit.address)}, ${visit.desaName}`,
    );
    setOpen(undefined);
    void Outbox.flush();
  };

  /** Drops a refused result (the officer records again, or leaves the household to whoever recorded it). */
  const again = async (visit: Visit, result: Result | undefined) => {
    if (result) await Outbox.remove(result.id);
    setOpen(visit.id);
  };
  const drop = async (visit: Visit, result: Result | undefined) => {
    if (!(await ask(`Hapus kunjungan ${headOf(visit)?.name ?? ""} dari perangkat ini?`, "Hapus kunjungan")))
      return;
    setMessage(undefined);
    if (result) await Outbox.remove(result.id);
    await forgetVisit(visit.id);
  };

  return (
    <section class="card">
      <h1>Kunjungan lapangan</h1>
      <p class="muted">
        Hari ini {formatDay(today())}. Kunjungan yang dibawa tersimpan di perangkat ini, hanya untuk Anda, dan
        dihapus setelah hasilnya diterima server atau saat Anda keluar.
      </p>
      <p>
        <button type="button" onClick={take} disabled={busy()}>
          {busy() ? "Mengambil…" : "Bawa kunjungan hari ini"}
        </button>
      </p>
      <Show when={message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <Show
        when={keptVisits().length}
        fallback={
          <p class="muted" data-testid="no-visits">
            Belum ada kunjungan di perangkat ini.
          </p>
        }
      >
        <ul class="visits">
          <For each={keptVisits()}>
            {(visit) => {
              const result = () => results().get(visit.id);
              const refused = () => result()?.state === "refused";
              return (
                <li class="card inner" data-testid={`visit-${visit.id}`}>
                  <h2>{headOf(visit)?.name}</h2>
                  <p>
                    {addressOf(visit.address)}, {visit.desaName}
                    <br />
                    <span class="muted">
                      Jadwal {formatDay(visit.visitDate, "medium")}
                      {visit.officers.length ? `, petugas ${visit.officers.join(", ")}` : ""}
                    </span>
                  </p>
                  <details>
                    <summary>{visit.members.length} anggota diusulkan</summary>
                    <ul>
                      <For each={visit.members}>
                        {(m) => (
                          <li>
                            {m.name} <code>{m.nikMasked}</code>, {relationshipLabel(m.relationship)}
                          </li>
                        )}
                      </For>
                    </ul>
                  </details>
                  <p class="visit-state">
                    Hasil:{" "}
                    <strong data-testid="visit-state">
                      {result() ? Outbox.OUTBOX_STATE_LABELS[result()!.state] : "Belum dicatat"}
                    </strong>
                    <Show when={result() && resultOf(result()!)}>{(label) => <> · {label()}</>}</Show>
                  </p>
                  <Show when={refused() && result()?.error}>
                    {(error) => (
                      <Alert>
                        <span data-testid="visit-error">{error().message}</span>
                      </Alert>
                    )}
                  </Show>
                  <div class="buttons">
                    <Show when={result() && Outbox.isConfirmable(result()!) && result()}>
                      {(r) => (
                        <button
                          type="button"
                          class="secondary"
                          onClick={() => Outbox.resendConfirmed(r().id)}
                        >
                          NIK sudah dicocokkan dengan KTP/KK: kirim lagi
                        </button>
                      )}
                    </Show>
                    <Show when={!result() && open() !== visit.id}>
                      <button type="button" onClick={() => setOpen(visit.id)}>
                        Catat hasil
                      </button>
                    </Show>
                    <Show when={refused()}>
                      <button type="button" class="secondary" onClick={() => again(visit, result())}>
                        Catat ulang
                      </button>
                    </Show>
                    <Show when={(!result() && open() !== visit.id) || refused()}>
                      <button type="button" class="secondary danger" onClick={() => drop(visit, result())}>
                        Hapus dari perangkat
                      </button>
                    </Show>
                  </div>
                  <Show when={open() === visit.id && !result()}>
                    <VerifyForm
                      proposal={visit}
                      indicators={keptIndicators()}
                      send={record(visit)}
                      onCancel={() => setOpen(undefined)}
                    />
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={finished().length}>
        <h2>Hasil verval yang dikirim dari perangkat ini</h2>
        <ul class="visits">
          <For each={finished()}>
            {(r) => (
              <li data-testid={`visit-${proposalOf(r)}`}>
                {r.label} — <strong data-testid="visit-state">{Outbox.OUTBOX_STATE_LABELS[r.state]}</strong>
                <Show when={resultOf(r)}>{(label) => <> · {label()}</>}</Show>
                <Show when={r.error}>
                  <div class="error">{r.error!.message}</div>
                </Show>{" "}
                <button type="button" class="secondary" onClick={() => Outbox.remove(r.id)}>
                  Hapus dari daftar
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
