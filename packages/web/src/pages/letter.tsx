import { useParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { URGENCIES } from "@puskesos/core/referral/schema";
import { A4Pages } from "../components/print.tsx";
import { api, call } from "../lib/api.ts";
import { formatDate } from "../lib/time.ts";

const longDate = (iso: string) => formatDate(iso);

/** The surat rujukan for the OPD, and the desa's copy on its own page; printed on A4. */
export default function Letter() {
  const params = useParams<{ id: string }>();
  const [letter] = createResource(
    () => params.id,
    (id) => call(api.referrals[":id"].letter.$get({ param: { id } })),
  );
  return (
    <Show when={letter()}>
      {(l) => (
        <A4Pages title="Surat rujukan" back={{ href: `/rujukan/${params.id}`, label: "Rujukan" }}>
          <For each={["Untuk OPD tujuan", `Salinan untuk ${l().desaKind}`]}>
            {(copy) => (
              <article class="letter-page" data-testid="letter">
                <header class="letterhead">
                  <For each={l().letterhead}>{(line) => <div>{line}</div>}</For>
                </header>
                <p class="copy">{copy}</p>
                <table class="letter-meta">
                  <tbody>
                    <tr>
                      <td>Nomor</td>
                      <td data-testid="letter-number">
                        : <span class="whole">{l().number}</span>
                      </td>
                    </tr>
                    <tr>
                      <td>Tanggal</td>
                      <td>: {longDate(l().date)}</td>
                    </tr>
                    <tr>
                      <td>Sifat</td>
                      <td>: {URGENCIES[l().urgency as keyof typeof URGENCIES]}</td>
                    </tr>
                    <tr>
                      <td>Perihal</td>
                      <td>: Rujukan layanan, {l().program}</td>
                    </tr>
                  </tbody>
                </table>
                <p>
                  Kepada Yth.
                  <br />
                  {l().opd}
                </p>
                <p>Dengan hormat, bersama ini kami merujuk warga berikut untuk mendapatkan layanan:</p>
                <table class="letter-meta">
                  <tbody>
                    <tr>
                      <td>Nama</td>
                      <td>: {l().resident.name}</td>
                    </tr>
                    <tr>
                      <td>NIK</td>
                      <td>
                        : <span class="whole">{l().resident.nik}</span>
                      </td>
                    </tr>
                    <tr>
                      <td>Alamat</td>
                      <td>
                        : RT {l().resident.rt} / RW {l().resident.rw}, {l().resident.desa}, Kecamatan{" "}
                        {l().resident.kecamatan}
                      </td>
                    </tr>
                    <tr>
                      <td>Alasan rujukan</td>
                      <td>: {l().reason}</td>
                    </tr>
                    <tr>
                      <td>Kebutuhan</td>
                      <td>: {l().needs}</td>
                    </tr>
                  </tbody>
                </table>
                <p>
                  Mohon layanan dapat diberikan paling lambat {longDate(l().dueAt)} dan hasilnya dicatat dalam
                  sistem SLRT.
                </p>
                <div class="signature">
                  <div data-testid="letter-place-date">
                    {l().place}, {longDate(l().date)}
                  </div>
                  <div>Manajer Daerah SLRT</div>
                  <div class="sign-space" />
                  <div>
                    <strong>{l().approvedByName}</strong>
                  </div>
                  {/* Written by hand, as on the access letter: accounts hold no NIP. */}
                  <div>NIP. ........................................</div>
                </div>
              </article>
            )}
          </For>
        </A4Pages>
      )}
    </Show>
  );
}
