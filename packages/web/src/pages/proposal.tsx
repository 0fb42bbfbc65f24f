import { A, useParams } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { desaKindOf } from "@puskesos/core/region/words";
import { PROPOSAL_STATE_LABELS, PROPOSAL_WORKFLOW } from "@puskesos/core/proposal/schema";
import { Alert } from "../components/form.tsx";
import { ListTable } from "../components/list-table.tsx";
import { ScheduleForm, VerifyHere } from "../components/proposal-actions.tsx";
import { ProposalSteps } from "../components/proposal-steps.tsx";
import { api, call } from "../lib/api.ts";
import {
  addressOf,
  assetLabel,
  headOf,
  houseLabel,
  incomeLabel,
  nextStep,
  relationshipLabel,
} from "../lib/proposal-text.ts";
import { desaPlace, regionTree } from "../lib/regions.ts";
import { can } from "../lib/session.ts";
import { createRecord } from "../lib/record.ts";
import { Unreloaded } from "../components/unreloaded.tsx";

/** One proposal: the household (NIKs masked), its F1 profile, each step so far, and the steps the caller may take. */
export default function Proposal() {
  const params = useParams<{ id: string }>();
  const {
    record: proposal,
    reload,
    unreloaded,
  } = createRecord(
    () => params.id,
    (id) => call(api.proposals[":id"].$get({ param: { id } })),
  );
  const [indicators] = createResource(() => call(api.indicators.$get()));
  // Where to go: the survey team works across the kabupaten, so the address names its desa and kecamatan.
  const [regions] = createResource(regionTree);
  const place = (code: string) => desaPlace(regions(), code);

  return (
    <section class="card">
      <p>
        <A href="/usulan">← Daftar usulan</A>
      </p>
      <Unreloaded reason={unreloaded()} onRetry={() => void reload()} />
      <Show when={proposal.error}>
        <Alert>{(proposal.error as Error).message}</Alert>
      </Show>
      <Show when={proposal()} fallback={<Show when={proposal.loading}>{<p class="muted">Memuat…</p>}</Show>}>
        {(p) => (
          <>
            <h1>Usulan: {headOf(p())?.name}</h1>
            <dl class="facts">
              <dt>Status</dt>
              <dd data-testid="proposal-state">
                {PROPOSAL_STATE_LABELS[p().state]}
                <Show when={p().inDpm}>
                  {" "}
                  <span class="badge ok">masuk DPM</span>
                </Show>
              </dd>
              <dt>Langkah berikutnya</dt>
              <dd>{nextStep(p())}</dd>
              <dt>Alamat</dt>
              <dd data-testid="proposal-address">
                {addressOf(p().address)}, {place(p().desaCode)}
              </dd>
              <Show when={p().kkMasked}>
                <dt>No. KK</dt>
                <dd>
                  <code>{p().kkMasked}</code>
                </dd>
              </Show>
              <Show when={can("complaint.read")}>
                <dt>Pengaduan</dt>
                <dd>
                  <A href={`/pengaduan/${p().complaintId}`}>Buka pengaduan</A>
                </dd>
              </Show>
            </dl>
            <h2>Anggota rumah tangga</h2>
            <ListTable
              headers={["No.", "Nama", "NIK", "Hubungan"]}
              items={p().members}
              empty="Tidak ada anggota."
              testid="proposal-members"
              label="Anggota rumah tangga"
            >
              {(m) => (
                <tr>
                  <td>{p().members.indexOf(m) + 1}</td>
                  <td>{m.name}</td>
                  <td>
                    <code>{m.nikMasked}</code>
                  </td>
                  <td>{relationshipLabel(m.relationship)}</td>
                </tr>
              )}
            </ListTable>
            <h2>Profil rumah tangga (F1)</h2>
            <dl class="facts">
              <dt>Kondisi rumah</dt>
              <dd>{houseLabel(p().houseCondition)}</dd>
              <dt>Sumber penghasilan</dt>
              <dd>{incomeLabel(p().incomeSource)}</dd>
              <dt>Aset</dt>
              <dd>{p().assets.length ? p().assets.map(assetLabel).join(", ") : "—"}</dd>
              <Show when={p().notes}>
                <dt>Catatan</dt>
                <dd class="pre">{p().notes}</dd>
              </Show>
            </dl>
            <h2>Langkah usulan</h2>
            <ProposalSteps proposal={p()} indicators={indicators()} />
            <Show when={p().actions.includes("schedule")}>
              <ScheduleForm proposal={p()} onDone={reload} />
            </Show>
            <Show when={p().actions.includes("verify") && indicators()}>
              {(active) => (
                <VerifyHere
                  proposal={p()}
                  indicators={active().filter((i) => i.active)}
                  onDone={() => void reload()}
                />
              )}
            </Show>
            <Show when={p().actions.includes("decide") && can("musdes.read")}>
              <p>
                <A href="/musdes">{PROPOSAL_WORKFLOW.actions.decide.label}</A>: catat musdes{" "}
                {desaKindOf(p().desaCode)} beserta keputusannya atas usulan ini.
              </p>
            </Show>
            <Show when={p().actions.includes("export") && can("proposal.export")}>
              <p>
                <A href="/ekspor-usulan">Ekspor usulan</A>: buat batch ekspor {desaKindOf(p().desaCode)} ini
                atau seluruh kabupaten/kota.
              </p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
