import { For, Show, type JSX } from "solid-js";
import { PROPOSAL_ROWS, type Figures } from "@puskesos/core/report/schema";
export { sameFigures } from "@puskesos/core/report/schema";
import { ListTable } from "./list-table.tsx";
import "./figures.css";

/** "November 2026" for `2026-11`; "2026" for a year. */
export function periodName(period: string): string {
  if (period.length === 4) return `Tahun ${period}`;
  return new Date(`${period}-01T00:00:00Z`).toLocaleDateString("id-ID", {
    timeZone: "UTC",
    month: "long",
    year: "numeric",
  });
}

/** "Nov 26" for the chart's axis, where a phone has room for little. */
export const shortMonth = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString("id-ID", { timeZone: "UTC", month: "short" });

/** A share 0..1 as "83 %"; blank ("—") when nothing finished. */
export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)} %`);
export const orDash = (n: number | null) => (n === null ? "—" : String(n));

/** The summary lines, in the words and order of the downloaded file's "Ringkasan" sheet. */
export const summaryRows = (f: Figures, villages: string): [label: string, value: string][] => [
  ["Warga dilayani (nomor antrian)", String(f.tickets)],
  ["Pengaduan tercatat", String(f.complaints)],
  ["Pelapor belum di DPM", String(f.notInDpm)],
  [`Pelapor tidak dicocokkan (DPM ${villages} belum diimpor)`, orDash(f.notMatched ?? null)],
  [`Diselesaikan di ${villages}`, String(f.resolvedInDesa)],
  ["Dirujuk", String(f.referred)],
  ["Selesai", String(f.resolved)],
  ["Masih terbuka", String(f.open)],
  ["Median hari sampai selesai", orDash(f.medianDaysToResolution)],
];

/** The household proposals' lines, as the file's "Ringkasan" sheet continues. */
export const proposalRows = (f: Figures): [label: string, value: string][] =>
  // A version sent before a line existed does not hold it: shown as not recorded, not as zero.
  PROPOSAL_ROWS.map(([label, key]) => [label, orDash(f.proposals[key] ?? null)]);

/** A two-column table of label and number. */
export function Pairs(props: { rows: [string, string][]; head: string; label: string; testid: string }) {
  return (
    <ListTable
      headers={[props.head, "Jumlah"]}
      items={props.rows}
      empty="Tidak ada."
      label={props.label}
      testid={props.testid}
    >
      {([name, value]) => (
        <tr>
          <th scope="row">{name}</th>
          <td class="count">{value}</td>
        </tr>
      )}
    </ListTable>
  );
}

function Section(props: { id: string; title: string; children: JSX.Element; note?: string }) {
  return (
    <section class="figure-section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={props.note}>
        <p class="muted">{props.note}</p>
      </Show>
      {props.children}
    </section>
  );
}

/** The referral service levels per step: how many finished, the share on time, the median days. */
export function ServiceLevels(props: { figures: Figures }) {
  return (
    <ListTable
      headers={["Tahap", "Selesai", "Tepat waktu", "Tepat waktu (%)", "Median hari"]}
      items={props.figures.serviceLevels}
      empty="Tidak ada."
      label="Tingkat layanan rujukan per tahap"
      testid="fig-levels"
    >
      {(s) => (
        <tr>
          <th scope="row">{s.label}</th>
          <td class="count">{s.finished}</td>
          <td class="count">{s.onTime}</td>
          <td class="count">{percent(s.onTimeShare)}</td>
          <td class="count">{orDash(s.medianDays)}</td>
        </tr>
      )}
    </ListTable>
  );
}

/** The four fields of social welfare services: handled in the desa, referrals approved. */
export function ServiceFields(props: { figures: Figures; villages: string }) {
  return (
    <ListTable
      headers={["Bidang", `Ditangani ${props.villages}`, "Rujukan disetujui"]}
      items={props.figures.serviceFields}
      empty="Tidak ada."
      label="Bidang layanan kesejahteraan sosial"
      testid="fig-fields"
    >
      {(s) => (
        <tr>
          <th scope="row">{s.name}</th>
          <td class="count">{s.handled}</td>
          <td class="count">{s.referred}</td>
        </tr>
      )}
    </ListTable>
  );
}

/**
 * An area's figures in the sections of the monthly report (and of the downloaded file): summary,
 * categories, PPKS types grouped by rumpun, rumpun, states, proposals, referrals per OPD, the four
 * service fields and the referral service levels. On a phone every table becomes stacked rows.
 */
export function FigureSections(props: {
  figures: Figures;
  /** What the area's villages are called: "desa", "kelurahan" or "desa/kelurahan". */
  villages: string;
  /** Only the detail tables (the dashboard shows the summary and the service tables its own way). */
  only?: "details";
}) {
  const f = () => props.figures;
  const groups = () =>
    f().byRumpun.map((r) => ({ ...r, types: f().byPpks.filter((p) => p.rumpun === r.code) }));
  return (
    <div class="figures">
      <Show when={!props.only}>
        <Section id="fig-summary" title="Ringkasan">
          <Pairs
            rows={summaryRows(f(), props.villages)}
            head="Uraian"
            label="Ringkasan"
            testid="fig-ringkasan"
          />
        </Section>
      </Show>
      <Section id="fig-category" title="Pengaduan per kategori">
        <Pairs
          rows={f().byCategory.map((c) => [c.name, String(c.count)])}
          head="Kategori"
          label="Pengaduan per kategori"
          testid="fig-kategori"
        />
      </Section>
      <Section
        id="fig-ppks"
        title="Jenis PPKS"
        note="Satu pengaduan dapat menyebut lebih dari satu jenis PPKS; dikelompokkan menurut rumpunnya."
      >
        <div class="table-wrap" tabindex="0" role="region" aria-label="Jenis PPKS menurut rumpun">
          <table data-testid="fig-ppks" class="grouped">
            <thead>
              <tr>
                <th>Jenis PPKS</th>
                <th>Jumlah</th>
              </tr>
            </thead>
            <For each={groups()}>
              {(g) => (
                <tbody>
                  <tr class="group">
                    <th colspan="2" scope="colgroup">
                      {g.name}
                    </th>
                  </tr>
                  <For each={g.types}>
                    {(p) => (
                      <tr>
                        <th scope="row">{p.name}</th>
                        <td class="count" data-label="Jumlah">
                          {p.count}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              )}
            </For>
          </table>
        </div>
      </Section>
      <Section
        id="fig-rumpun"
        title="Rumpun PPKS"
        note="Pengaduan yang menyebut jenis PPKS dari rumpun itu, masing-masing dihitung sekali."
      >
        <Pairs
          rows={f().byRumpun.map((r) => [r.name, String(r.count)])}
          head="Rumpun"
          label="Rumpun PPKS"
          testid="fig-rumpun"
        />
      </Section>
      <Section id="fig-state" title="Status pengaduan sekarang">
        <Pairs
          rows={f().byState.map((s) => [s.label, String(s.count)])}
          head="Status"
          label="Status pengaduan"
          testid="fig-status"
        />
      </Section>
      <Section id="fig-proposals" title="Usulan rumah tangga (DPM)">
        <Pairs rows={proposalRows(f())} head="Uraian" label="Usulan rumah tangga" testid="fig-usulan" />
      </Section>
      <Section id="fig-opd" title="Rujukan per OPD">
        <ListTable
          headers={["OPD", "Disetujui", "Menunggu OPD", "Diterima", "Ditolak OPD", "Dilayani", "Dibatalkan"]}
          items={f().referralsByOpd}
          empty="Belum ada rujukan yang disetujui."
          label="Rujukan per OPD"
          testid="fig-opd"
        >
          {(o) => (
            <tr>
              <th scope="row">{o.name}</th>
              <td class="count">{o.approved}</td>
              <td class="count">{o.waiting}</td>
              <td class="count">{o.accepted}</td>
              <td class="count">{o.declined}</td>
              <td class="count">{o.served}</td>
              <td class="count">{o.withdrawn}</td>
            </tr>
          )}
        </ListTable>
      </Section>
      <Show when={!props.only}>
        <Section id="fig-fields" title="Bidang layanan kesejahteraan sosial">
          <ServiceFields figures={f()} villages={props.villages} />
        </Section>
        <Section
          id="fig-levels"
          title="Tingkat layanan rujukan"
          note="Per tahap: rujukan yang selesai di tahap itu, berapa yang dalam batas waktu, dan median harinya."
        >
          <ServiceLevels figures={f()} />
        </Section>
      </Show>
    </div>
  );
}
