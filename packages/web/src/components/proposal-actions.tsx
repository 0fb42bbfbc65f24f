import { A } from "@solidjs/router";
import { createSignal, Index, Show } from "solid-js";
import type { Indicator } from "@puskesos/core/indicator/schema";
import { PROPOSAL_WORKFLOW, ScheduleSchema, type ProposalView } from "@puskesos/core/proposal/schema";
import { api, ApiError, call } from "../lib/api.ts";
import * as Outbox from "../lib/outbox.ts";
import { addressOf, headOf } from "../lib/proposal-text.ts";
import { me } from "../lib/session.ts";
import { defaultDay, today } from "../lib/time.ts";
import { Alert, createForm, ErrorList, Field } from "./form.tsx";
import { VerifyForm, type VerifyInput } from "./verify-form.tsx";
import "./records.css";

/** The survey team's steps on a proposal's page, offered when the proposal's `actions` carry them. */

/** The survey team schedules (or moves) the visit: the day and who goes. */
export function ScheduleForm(props: {
  proposal: ProposalView;
  /** Reloads the proposal and gives it, or undefined when the reload failed. */
  onDone: () => Promise<ProposalView | undefined>;
}) {
  const [rows, setRows] = createSignal([0]);
  let next = 1;
  const { errors, message, busy, submit } = createForm({
    schema: ScheduleSchema,
    read: (form) => ({
      version: props.proposal.version,
      visitDate: form.get("visitDate"),
      officers: rows()
        .map((row) => String(form.get(`officer-${row}`) ?? "").trim())
        .filter(Boolean),
    }),
    send: async (body) => {
      try {
        await call(api.proposals[":id"].schedule.$post({ param: { id: props.proposal.id }, json: body }));
      } catch (error) {
        // Sent again after its answer was lost: the first try was saved and this one meets it as a
        // change. It was when the proposal moved on by exactly one step since this form's version, and
        // that step put this officer's visit on that day with those officers.
        if (!(error instanceof ApiError && error.status === 409)) throw error;
        const fresh = await props.onDone();
        const now = fresh?.schedule;
        const same =
          fresh?.version === body.version + 1 &&
          now !== undefined &&
          now.by === me()?.username &&
          now.visitDate === body.visitDate &&
          now.officers.join("\n") === body.officers.join("\n");
        if (!same) throw error;
        return;
      }
      await props.onDone();
    },
  });
  return (
    <form class="decision" onSubmit={submit} novalidate data-testid="schedule-form">
      <h3>{PROPOSAL_WORKFLOW.actions.schedule.label}</h3>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <ErrorList errors={errors()} />
      <Field label="Tanggal kunjungan" name="visitDate" error={errors().visitDate}>
        <input
          id="visitDate"
          name="visitDate"
          type="date"
          min={today()}
          value={props.proposal.schedule?.visitDate ?? defaultDay()}
        />
      </Field>
      <Index each={rows()}>
        {(row, i) => (
          <Field label={`Petugas ${i + 1}`} name={`officer-${row()}`} error={errors()[`officers.${i}`]}>
            <input
              id={`officer-${row()}`}
              name={`officer-${row()}`}
              value={i === 0 ? (props.proposal.schedule?.officers[0] ?? me()?.name ?? "") : ""}
            />
          </Field>
        )}
      </Index>
      <Show when={errors().officers}>
        <small class="error" role="alert">
          {errors().officers}
        </small>
      </Show>
      <div class="buttons">
        <button
          type="button"
          class="secondary"
          onClick={() => setRows([...rows(), next++])}
          disabled={rows().length >= 5}
        >
          Tambah petugas
        </button>
        <button type="submit" disabled={busy()}>
          {busy() ? "Mengirim…" : PROPOSAL_WORKFLOW.actions.schedule.label}
        </button>
      </div>
    </form>
  );
}

/** The visit's result from this page goes through the outbox like one recorded in the field. */
export function VerifyHere(props: { proposal: ProposalView; indicators: Indicator[]; onDone: () => void }) {
  const [waiting, setWaiting] = createSignal(false);
  const send = async (result: VerifyInput) => {
    const head = headOf(props.proposal);
    const item = await Outbox.add(
      "verification",
      { id: result.resultId, proposalId: props.proposal.id, result },
      `${head?.name ?? "Rumah tangga"}, ${addressOf(props.proposal.address)}`,
    );
    const outcome = await Outbox.send(item.id);
    if (outcome?.state === "refused") {
      await Outbox.remove(item.id);
      throw Outbox.refusal(outcome);
    }
    if (outcome?.state === "received") props.onDone();
    else setWaiting(true);
  };
  return (
    <section class="decision">
      <h3>{PROPOSAL_WORKFLOW.actions.verify.label}</h3>
      <Show
        when={!waiting()}
        fallback={
          <Alert kind="info">
            Hasil verval tersimpan di perangkat ini dan dikirim otomatis saat koneksi kembali. Lihat
            keadaannya di <A href="/kunjungan">Kunjungan lapangan</A>.
          </Alert>
        }
      >
        <VerifyForm proposal={props.proposal} indicators={props.indicators} send={send} />
      </Show>
    </section>
  );
}
