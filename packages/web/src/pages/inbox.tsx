import { A } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { CASE_STATE_LABELS, type CaseState } from "@puskesos/core/casework/schema";
import { REFERRAL_STATE_LABELS, STEP_OF, URGENCIES, type ReferralView } from "@puskesos/core/referral/schema";
import { ComplaintTable } from "../components/complaint-table.tsx";
import { api, call } from "../lib/api.ts";
import { can, me } from "../lib/session.ts";
import { createRegionNames, heldForNames } from "../lib/regions.ts";
import { villagesTitle } from "@puskesos/core/region/words";
import { waitingComplaints } from "../lib/waiting.ts";
import { formatDate } from "../lib/time.ts";
import { ListTable } from "../components/list-table.tsx";
import { ServedReferrals, type Places } from "../components/served-referrals.tsx";
import "../later.css";

const due = (iso: string) => formatDate(iso, "medium");

function ReferralRows(props: {
  items: ReferralView[] | undefined;
  source: { loading: boolean; error: unknown };
  testid: string;
  places?: Places | undefined;
}) {
  return (
    <ListTable
      source={props.source}
      headers={[
        "Batas waktu",
        "Warga",
        ...(props.places ? [props.places.title] : []),
        "Kepentingan",
        "Status",
      ]}
      items={props.items}
      empty="Tidak ada rujukan."
      testid={props.testid}
    >
      {(r) => (
        <tr classList={{ overdue: r.overdue }}>
          <td>
            {/* Back at the desa no step's clock runs: no date, as on the referral's page. */}
            {STEP_OF[r.state] ? due(r.dueAt) : "—"}
            <Show when={r.overdue}>
              {" "}
              <span class="badge">terlambat</span>
            </Show>
          </td>
          <td>
            <A href={`/rujukan/${r.id}`}>{r.reporter.name}</A>
          </td>
          <Show when={props.places}>{(p) => <td>{p().name(r.desaCode)}</td>}</Show>
          <td>{URGENCIES[r.urgency]}</td>
          <td>{REFERRAL_STATE_LABELS[r.state]}</td>
        </tr>
      )}
    </ListTable>
  );
}

/** "Perlu tindakan": what waits for the signed-in role, oldest due first, overdue marked. */
export default function Inbox() {
  const isDesa = () => can("complaint.inbox");
  const regions = createRegionNames(() => me()?.scope.level !== "desa");
  const places = (): Places | undefined =>
    me()?.scope.level === "desa"
      ? undefined
      : { title: villagesTitle(regions.tree()), name: regions.desaName };
  const [referrals] = createResource(
    () => can("referral.inbox"),
    (yes) => (yes ? call(api.referrals.inbox.$get()) : undefined),
  );
  // Held until the desa's names are known too, so the list is drawn once, with names, not codes.
  const listed = heldForNames(referrals, regions.settled);
  const [cases] = createResource(
    () => can("case.read"),
    (yes) => (yes ? call(api.cases.$get({ query: { status: "perlu-tindakan" } })) : undefined),
  );
  const [complaints] = createResource(
    () => isDesa(),
    (desa) => (desa ? waitingComplaints() : []),
  );
  return (
    <section class="card">
      <h1>Perlu tindakan</h1>
      <Show when={referrals()}>
        {(r) => (
          <p class="counts" data-testid="inbox-counts">
            {/* Everything the page lists, not the referrals only. */}
            {complaints.error || !complaints()?.length ? "" : `${complaints()!.length} pengaduan · `}
            {cases.error || !cases()?.items.length ? "" : `${cases()!.items.length} kasus · `}
            {r().items.length} rujukan menunggu · <strong>{r().overdue}</strong> terlambat
          </p>
        )}
      </Show>
      <Show when={isDesa()}>
        <h2>Pengaduan dari front office</h2>
        <ComplaintTable
          items={complaints.error ? undefined : complaints()}
          source={complaints}
          empty="Tidak ada pengaduan yang menunggu."
          testid="inbox-complaints"
        />
        <h2>Rujukan yang dikembalikan</h2>
      </Show>
      <Show when={can("referral.inbox")}>
        <ReferralRows
          items={listed.loading || referrals.error ? undefined : referrals()?.items}
          source={listed}
          testid="inbox-referrals"
          places={places()}
        />
      </Show>
      <Show when={can("referral.served")}>
        <ServedReferrals places={places()} settled={regions.settled()} />
      </Show>
      <Show when={referrals()?.escalations.length}>
        <h2>Terlambat di supervisor (dapat Anda putuskan)</h2>
        <ReferralRows
          items={listed.loading ? undefined : referrals()!.escalations}
          source={listed}
          testid="inbox-escalations"
          places={places()}
        />
      </Show>
      <Show when={can("case.read")}>
        <h2>Kasus</h2>
        <ListTable
          headers={["Klien", "Status", "Mengapa"]}
          items={cases()?.items}
          source={cases}
          empty="Tidak ada kasus yang menunggu Anda."
          testid="inbox-cases"
          label="Kasus yang perlu tindakan"
        >
          {(c) => (
            <tr classList={{ overdue: c.overdueSteps > 0 }}>
              <td>
                <A href={`/kasus/${c.id}`}>{c.client.name}</A>
              </td>
              <td>{CASE_STATE_LABELS[c.state as CaseState]}</td>
              <td>
                {[
                  c.overdueSteps ? `${c.overdueSteps} langkah lewat tanggal target` : "",
                  c.returned ? "dikembalikan supervisor" : "",
                  c.actions.some((a) => a.startsWith("approve")) ? "menunggu persetujuan Anda" : "",
                ]
                  .filter(Boolean)
                  .join("; ")}
              </td>
            </tr>
          )}
        </ListTable>
      </Show>
    </section>
  );
}
