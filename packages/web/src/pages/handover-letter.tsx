import { useParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { CATALOGS } from "@puskesos/core/catalog/schema";
import { CONDITIONS, INTERVENTION_KINDS, labelOf, SEX_LABELS } from "@puskesos/core/casework/schema";
import { A4Pages } from "../components/print.tsx";
import { api, call } from "../lib/api.ts";
import { saveBlob } from "../lib/download.ts";
import { dayOf, formatDate, formatDay } from "../lib/time.ts";

const ppksName = (code: string) => CATALOGS.ppks.find((p) => p.code === code)?.name ?? code;

/**
 * The surat serah terima of a handed-over case, printed on A4 with the sending kabupaten's letterhead,
 * and the signed file to send with it (the receiving stack imports the file and checks its signature).
 */
export default function HandoverLetter() {
  const params = useParams<{ id: string }>();
  const [file] = createResource(
    () => params.id,
    (id) => call(api.cases[":id"].handover.$get({ param: { id } })),
  );
  const [settings] = createResource(() => call(api.settings.$get()));
  // Named for where it goes and when, not for the client: a Downloads folder or a mail attachment
  // should not show a vulnerable person's name to whoever glances at it.
  const download = () => {
    const f = file();
    if (!f) return;
    const d = f.file.document;
    const to = d.to.kabupatenName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    saveBlob(
      new Blob([f.text], { type: "application/json" }),
      `serah-terima-${to}-${dayOf(d.issuedAt)}-${d.id.slice(0, 8)}.json`,
    );
  };
  return (
    <Show when={file()}>
      {(f) => {
        const d = () => f().file.document;
        const summary = () =>
          d().summary as {
            assessment?: { problems?: string; needs?: string; family?: string; conditions?: string[] };
            plan?: { goal: string; progress?: string }[];
            interventions?: { date?: string; kind?: string; description?: string }[];
          };
        return (
          <A4Pages
            title="Berita acara serah terima klien"
            back={{ href: `/kasus/${params.id}`, label: "Kasus" }}
          >
            <p class="no-print">
              <button type="button" onClick={download} data-testid="handover-download">
                Unduh berkas serah terima bertanda tangan
              </button>{" "}
              <span class="muted">Kirim berkas ini bersama surat kepada {d().to.receiver}.</span>
            </p>
            <article class="letter-page" data-testid="handover-letter">
              <header class="letterhead">
                <For each={settings()?.letterhead ?? []}>{(line) => <div>{line}</div>}</For>
              </header>
              <h2 class="center">BERITA ACARA SERAH TERIMA KLIEN</h2>
              <p>
                Pada tanggal {formatDate(d().issuedAt)}, pekerja sosial {d().from.kabupatenName} menyerahkan
                klien berikut kepada {d().to.receiver}
                {d().to.receiver.toLowerCase().endsWith(d().to.kabupatenName.toLowerCase())
                  ? ""
                  : `, ${d().to.kabupatenName}`}
                :
              </p>
              <table class="letter-meta">
                <tbody>
                  <tr>
                    <td>Nama</td>
                    <td>: {d().client.name}</td>
                  </tr>
                  <tr>
                    <td>NIK</td>
                    <td>
                      : {d().client.nik ?? "tidak diketahui"}
                      {d().client.identityVerified ? "" : " (belum terverifikasi)"}
                    </td>
                  </tr>
                  <tr>
                    <td>Jenis kelamin</td>
                    <td>: {SEX_LABELS[d().client.sex]}</td>
                  </tr>
                  <Show when={d().client.estimatedAge !== undefined || d().client.birthDate}>
                    <tr>
                      <td>Umur / lahir</td>
                      <td>
                        :{" "}
                        {d().client.birthDate
                          ? formatDay(d().client.birthDate!)
                          : `±${d().client.estimatedAge} tahun`}
                      </td>
                    </tr>
                  </Show>
                  <tr>
                    <td>Jenis PPKS</td>
                    <td>: {ppksName(d().client.ppks)}</td>
                  </tr>
                  <Show when={d().client.origin}>
                    <tr>
                      <td>Asal</td>
                      <td>: {d().client.origin}</td>
                    </tr>
                  </Show>
                </tbody>
              </table>
              <p>
                <strong>Alasan serah terima:</strong> {d().reason}
              </p>
              <Show when={summary().assessment}>
                {(a) => (
                  <>
                    <p>
                      <strong>Ringkasan asesmen:</strong> {a().problems} Kebutuhan: {a().needs}
                    </p>
                    <Show when={a().family}>
                      <p>
                        <strong>Keluarga dan sumber bantuan:</strong> {a().family}
                      </p>
                    </Show>
                    <Show when={a().conditions?.length}>
                      <p>
                        <strong>Kondisi:</strong>{" "}
                        {a()
                          .conditions!.map((c) => labelOf(CONDITIONS, c))
                          .join(", ")}
                        .
                      </p>
                    </Show>
                  </>
                )}
              </Show>
              <Show when={summary().plan?.length}>
                <p>
                  <strong>Tujuan rencana:</strong>{" "}
                  {summary()
                    .plan!.map((g) => g.goal)
                    .join("; ")}
                  .
                </p>
              </Show>
              <Show when={summary().interventions?.length}>
                <p>
                  <strong>Intervensi:</strong>{" "}
                  {summary()
                    .interventions!.map(
                      (i) =>
                        `${i.date ? formatDay(i.date) : ""} ${labelOf(INTERVENTION_KINDS, i.kind)}: ${i.description ?? ""}`,
                    )
                    .join("; ")}
                  .
                </p>
              </Show>
              <p class="muted small">
                Berkas elektronik bertanda tangan: nomor {d().id}, kunci {d().from.kabupatenName}{" "}
                {d().from.keyId}.
              </p>
              <div class="signatures">
                <div class="signature">
                  <p>Yang menyerahkan,</p>
                  <div class="sign-space" />
                  <p>{d().from.workerName}</p>
                </div>
                <div class="signature">
                  <p>Yang menerima,</p>
                  <div class="sign-space" />
                  <p>(........................................)</p>
                </div>
              </div>
            </article>
          </A4Pages>
        );
      }}
    </Show>
  );
}
