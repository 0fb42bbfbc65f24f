import { createSignal, Index, Show } from "solid-js";
import { newId } from "../lib/id.ts";
import {
  CreateProposalSchema,
  HOUSE_CONDITIONS,
  INCOME_SOURCES,
  PROPOSAL_STATE_LABELS,
  type ProposalView,
} from "@puskesos/core/proposal/schema";
import { Alert, createForm, ErrorList, Field } from "../components/form.tsx";
import { MemberFields, Options } from "../components/member-fields.tsx";
import { IdInput } from "../components/nik-input.tsx";
import * as Outbox from "../lib/outbox.ts";

/**
 * The household profile of a resident not in the DPM, sent as a proposal (usulan) for verval. The
 * reporter is the first member: typed in at registration (`reporter`), or, opened later from the
 * complaint's page, the one the server already holds (`reporterOnFile`: sent as `reporter: true`, so
 * no card is needed at hand).
 */
export default function ProposalForm(props: {
  complaintId: string;
  /** The reporter, filled in as the first member (the officer adds the rest and the relationships). */
  reporter?: { nik: string; name: string; kk?: string | undefined } | undefined;
  /** The complaint's reporter as the server holds it, the NIK masked. */
  reporterOnFile?: { name: string; nikMasked: string } | undefined;
  /** The server has the proposal: the complaint has moved on. */
  onReceived?: (proposal: ProposalView) => void;
}) {
  const [rows, setRows] = createSignal([0]);
  const [done, setDone] = createSignal<ProposalView | { pending: number }>();
  let next = 1;
  const id = newId();

  const { errors, message, busy, submit } = createForm({
    schema: CreateProposalSchema,
    read: (form) => ({
      id,
      complaintId: props.complaintId,
      ...(String(form.get("kk") ?? "").trim() ? { kk: form.get("kk") } : {}),
      members: rows().map((row, i) => ({
        ...(i === 0 && props.reporterOnFile ? { reporter: true } : { nik: form.get(`member-${row}-nik`) }),
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
              : `Usulan rumah tangga (${(done() as ProposalView).members.length} anggota) dikirim ke Tim Survei Lapangan. Status usulan: ${PROPOSAL_STATE_LABELS[(done() as ProposalView).state]}.`}
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
          <IdInput id="kk" name="kk" kind="kk" serverError={errors().kk} initial={props.reporter?.kk} />
        </Field>
        <Index each={rows()}>
          {(row, i) => (
            <fieldset>
              <legend>{i === 0 && props.reporterOnFile ? "Anggota 1 (pelapor)" : `Anggota ${i + 1}`}</legend>
              <MemberFields
                name={`member-${row()}`}
                error={(field) => errors()[`members.${i}.${field}`]}
                initial={
                  i === 0
                    ? { nik: props.reporter?.nik, name: props.reporter?.name ?? props.reporterOnFile?.name }
                    : undefined
                }
                nik={
                  i === 0 && props.reporterOnFile ? (
                    <p data-testid="reporter-on-file">
                      NIK <code>{props.reporterOnFile.nikMasked}</code> (dari pengaduan)
                    </p>
                  ) : undefined
                }
              />
              <Show when={rows().length > 1 && !(i === 0 && props.reporterOnFile)}>
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
          <small class="error" role="alert">
            {errors().members}
          </small>
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
            <Options of={HOUSE_CONDITIONS} />
          </select>
        </Field>
        <Field label="Sumber penghasilan utama" name="incomeSource" error={errors().incomeSource}>
          <select id="incomeSource" name="incomeSource">
            <Options of={INCOME_SOURCES} />
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
