import { useParams } from "@solidjs/router";
import { createResource, Show } from "solid-js";
import { desaLabel, desaWord } from "@puskesos/core/region/words";
import { ListTable } from "../components/list-table.tsx";
import { A4Pages } from "../components/print.tsx";
import { api, call } from "../lib/api.ts";
import { formatDay } from "../lib/time.ts";

/**
 * The musdes annex (lampiran berita acara): the households the Musyawarah Desa decided on, one row
 * each with a column to sign, and the signatures of who led and who wrote the minutes; printed on A4
 * like the referral letter (body.letter in styles.css).
 */
export default function MusdesAnnex() {
  const params = useParams<{ id: string }>();
  const [annex] = createResource(
    () => params.id,
    (id) => call(api.musdes[":id"].annex.$get({ param: { id } })),
  );
  return (
    <Show when={annex()}>
      {(a) => (
        <A4Pages title="Lampiran berita acara musyawarah" back={{ href: "/musdes", label: "Musdes" }}>
          <article class="letter-page annex" data-testid="musdes-annex">
            <header class="letterhead">
              <div>LAMPIRAN BERITA ACARA MUSYAWARAH {desaWord([{ kind: a().desaKind }]).toUpperCase()}</div>
              <div>
                {desaLabel({ kind: a().desaKind, name: a().desa }).toUpperCase()}, KECAMATAN{" "}
                {a().kecamatan.toUpperCase()}
              </div>
              <div>{a().kabupaten.toUpperCase()}</div>
            </header>
            <table class="letter-meta">
              <tbody>
                <tr>
                  <td>Nomor berita acara</td>
                  <td>: {a().musdes.minutesRef}</td>
                </tr>
                <tr>
                  <td>Tanggal</td>
                  <td>: {formatDay(a().musdes.date)}</td>
                </tr>
                <tr>
                  <td>Tempat</td>
                  <td>: {a().musdes.place}</td>
                </tr>
                <tr>
                  <td>Jumlah hadir</td>
                  <td>: {a().musdes.present} orang</td>
                </tr>
              </tbody>
            </table>
            <p>
              Rumah tangga yang diusulkan masuk DPM dan keputusan musyawarah{" "}
              {desaWord([{ kind: a().desaKind }])} atasnya:
            </p>
            <ListTable
              headers={["No.", "Kepala rumah tangga", "Anggota", "Alamat", "Keputusan", "Tanda tangan"]}
              items={a().households}
              empty="Tidak ada rumah tangga yang diputuskan."
              testid="annex-table"
              label="Rumah tangga yang diputuskan"
            >
              {(h) => (
                <tr>
                  <td>{a().households.indexOf(h) + 1}</td>
                  <td>{h.head}</td>
                  <td>{h.members} orang</td>
                  <td>{h.address}</td>
                  <td>
                    {h.confirmed ? "Ditetapkan" : "Tidak ditetapkan"}
                    {h.reason ? `: ${h.reason}` : ""}
                  </td>
                  <td class="sign" />
                </tr>
              )}
            </ListTable>
            <div class="signatures">
              <div>
                <div>Pimpinan musyawarah</div>
                <div class="sign-space" />
                <div class="sign-line" />
              </div>
              <div>
                <div>Notulis</div>
                <div class="sign-space" />
                <div class="sign-line" />
              </div>
            </div>
          </article>
        </A4Pages>
      )}
    </Show>
  );
}
