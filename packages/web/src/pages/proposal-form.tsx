import { createSignal, For, Index, Show } from "solid-js";
import {
  CreateProposalSchema,
  HOUSE_CONDITIONS,
  INCOME_SOURCES,
  RELATIONSHIPS,
  type ProposalView,
} from "@puskesos/core/proposal/schema";
import { Alert, createForm, ErrorList, Field } from "../components/form.tsx";
import { IdInput } from "../components/nik-input.tsx";
import * as Outbox from "../lib/outbox.ts";

/** The household profile of a resident not in the DPM, sent as a proposal (usulan) for verval. */
export default function ProposalForm(props: {
  complaintId: string;
  /** The reporter, filled in as the first member (the officer adds the rest and the relationships). */
  reporter?: { nik: string; name: string } | undefined;
  /** The server has the proposal: the complaint has moved on. */
  onReceived?: (proposal: ProposalView) => void;
}) {
  const [rows, setRows] = createSignal([0]);
  const [done, setDone] = createSignal<ProposalView | { pending: number }>();
  let next = 1;
  const id = crypto.randomUUID();

  const { errors, message, busy, submit } = createForm({
    schema: CreateProposalSchema,
    read: (form) => ({
      id,
      complaintId: props.complaintId,
      ...(String(form.get("kk") ?? "").trim() ? { kk: form.get("kk") } : {}),
      members: rows().map((row) => ({
        nik: form.get(`member-${row}-nik`),
        name: form.get(`member-${row}-name`),
        relationship: form.get(`member-${row}-relationship`),
      })),
      houseCondition: form.get("houseCondition"),
      incomeSource: form.get("incomeSource"),
      ...(String(form.get("notes") ?? "").trim() ? { notes: form.get("notes") } : {}),
    }),
    send: async (proposal) => {
      const item = await Outbox.add("proposal", proposal, `${proposal.members.length} anggota rumah tangga`);
      const outcome = await Outbox.send(item.id);
      if (outcome?.state === "refused") {
        await Outbox.remove(item.id);
        throw Outbox.refusal(outcome);
      }
      if (outcome?.state === "received" && outcome.kind === "proposal" && outcome.result) {
        setDone(outcome.result);
        props.onReceived?.(outcome.result);
      } else setDone({ pending: proposal.members.length });
    },
  });

  return (
    <Show
      when={!done()}
      fallback={
        <Alert kind="success">
          <span data-testid="proposal-done">
            {"pending" in done()!
              ? `Usulan rumah tangga (${(done() as { pending: number }).pending} anggota) tersimpan di perangkat ini dan dikirim saat tersambung.`
              : `Usulan rumah tangga (${(done() as ProposalView).members.length} anggota) dikirim ke Tim Survei Lapangan. Status pengaduan: menunggu verifikasi lapangan.`}
          </span>
        </Alert>
      }
    >
      <form onSubmit={submit} novalidate class="proposal">
        <h2>Usulan rumah tangga</h2>
        <Show when={message()}>
          <Alert>{message()}</Alert>
        </Show>
        <ErrorList errors={errors()} />
        <Field label="No. KK (bila ada)" name="kk" error={errors().kk}>
          <IdInput id="kk" name="kk" kind="kk" serverError={errors().kk} />
        </Field>
        <Index each={rows()}>
          {(row, i) => (
            <fieldset>
              <legend>Anggota {i + 1}</legend>
              <Field label="NIK" name={`member-${row()}-nik`} error={errors()[`members.${i}.nik`]}>
                <IdInput
                  id={`member-${row()}-nik`}
                  name={`member-${row()}-nik`}
                  kind="nik"
                  serverError={errors()[`members.${i}.nik`]}
                  initial={i === 0 ? props.reporter?.nik : undefined}
                />
              </Field>
              <Field label="Nama" name={`member-${row()}-name`} error={errors()[`members.${i}.name`]}>
                <input
                  id={`member-${row()}-name`}
                  name={`member-${row()}-name`}
                  value={i === 0 ? (props.reporter?.name ?? "") : ""}
                />
              </Field>
              <Field
                label="Hubungan dengan kepala keluarga"
                name={`member-${row()}-relationship`}
                error={errors()[`members.${i}.relationship`]}
              >
                <select id={`member-${row()}-relationship`} name={`member-${row()}-relationship`}>
                  <For each={Object.entries(RELATIONSHIPS)}>
                    {([code, label]) => <option value={code}>{label}</option>}
                  </For>
                </select>
              </Field>
              <Show when={rows().length > 1}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => setRows(rows().filter((r) => r !== row()))}
                >
                  Hapus anggota
                </button>
              </Show>
            </fieldset>
          )}
        </Index>
        <Show when={errors().members}>
          <small class="error">{errors().members}</small>
        </Show>
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => setRows([...rows(), next++])}
            disabled={rows().length >= 20}
          >
            Tambah anggota
          </button>
        </p>
        <Field label="Kondisi rumah" name="houseCondition" error={errors().houseCondition}>
          <select id="houseCondition" name="houseCondition">
            <For each={Object.entries(HOUSE_CONDITIONS)}>
              {([code, label]) => <option value={code}>{label}</option>}
            </For>
          </select>
        </Field>
        <Field label="Sumber penghasilan utama" name="incomeSource" error={errors().incomeSource}>
          <select id="incomeSource" name="incomeSource">
            <For each={Object.entries(INCOME_SOURCES)}>
              {([code, label]) => <option value={code}>{label}</option>}
            </For>
          </select>
        </Field>
        <Field label="Catatan (bila ada)" name="notes" error={errors().notes}>
          <textarea id="notes" name="notes" rows="2" />
        </Field>
        <button type="submit" disabled={busy()}>
          {busy() ? "Mengirim…" : "Kirim usulan"}
        </button>
      </form>
    </Show>
  );
}
