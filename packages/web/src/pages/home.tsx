import { A, useLocation } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { ROLE_DUTIES, ROLE_LABELS } from "@puskesos/core/actor/schema";
import { Alert } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { me } from "../lib/session.ts";

export default function Home() {
  const location = useLocation<{ notice?: string }>();
  const [tree] = createResource(() => call(api.regions.$get()));
  const handlesReferrals = () =>
    ["back-office", "koordinator", "supervisor", "manajer", "opd"].includes(me()?.role ?? "");
  const [inbox] = createResource(handlesReferrals, (yes) =>
    yes ? call(api.referrals.inbox.$get()) : undefined,
  );
  const desaCount = () => tree()?.kecamatan.reduce((n, k) => n + k.desa.length, 0) ?? 0;

  return (
    <Show when={me()}>
      {(user) => (
        <>
          <Show when={location.state?.notice}>
            <Alert kind="success">{location.state?.notice}</Alert>
          </Show>
          <section class="card">
            <p class="muted">Selamat datang,</p>
            <h1 data-testid="home-name">{user().name}</h1>
            <dl class="facts">
              <dt>Peran</dt>
              <dd data-testid="home-role">{ROLE_LABELS[user().role]}</dd>
              <dt>Wilayah tugas</dt>
              <dd data-testid="home-scope">{user().scopeName}</dd>
              <Show when={tree()}>
                {(kab) => (
                  <>
                    <Show when={user().scope.level === "desa"}>
                      <dt>Kecamatan</dt>
                      <dd>{kab().kecamatan[0]?.name}</dd>
                    </Show>
                    <dt>Kabupaten</dt>
                    <dd>
                      {kab().name}, {kab().provinceName}
                    </dd>
                    <dt>Zona waktu</dt>
                    <dd>
                      {
                        { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" }[
                          kab().timeZone
                        ]
                      }
                    </dd>
                  </>
                )}
              </Show>
              <Show when={user().opd}>
                <dt>OPD</dt>
                <dd>{user().opd}</dd>
              </Show>
            </dl>
          </section>
          <Show when={inbox()}>
            {(box) => (
              <section class="card" classList={{ attention: box().overdue > 0 }}>
                <h2>Perlu tindakan</h2>
                <p data-testid="home-inbox">
                  {box().items.length} rujukan menunggu, <strong>{box().overdue} terlambat</strong>
                  {box().escalations.length
                    ? `, ${box().escalations.length} terlambat di supervisor`
                    : ""}. <A href="/perlu-tindakan">Buka</A>
                </p>
              </section>
            )}
          </Show>
          <section class="card">
            <h2>Tugas Anda</h2>
            <p>{ROLE_DUTIES[user().role]}</p>
            <Show when={["front-office", "koordinator"].includes(user().role)}>
              <ul class="actions">
                <li>
                  <A href="/antrian">Antrian hari ini</A>: beri nomor, panggil, daftarkan pengaduan.
                </li>
                <li>
                  <A href="/pengaduan">Pengaduan</A>: cari dan buka pengaduan desa.
                </li>
              </ul>
            </Show>
            <Show when={user().role === "admin"}>
              <ul class="actions">
                <li>
                  <A href="/pengguna">Kelola pengguna</A>: buat akun, nonaktifkan, atur ulang kata sandi.
                </li>
                <li>
                  <A href="/wilayah">Wilayah</A>: kecamatan dan desa kabupaten.
                </li>
                <li>
                  <A href="/dpm">Impor DPM</A>: daftar penerima manfaat per desa dari berkas CSV.
                </li>
                <li>
                  <A href="/audit">Log audit</A>: siapa melakukan apa, kapan, dari mana.
                </li>
              </ul>
            </Show>
          </section>
          <Show when={tree() && user().scope.level !== "desa"}>
            <section class="card">
              <h2>Wilayah yang Anda layani</h2>
              <p data-testid="home-coverage">
                {tree()!.kecamatan.length} kecamatan, {desaCount()} desa/kelurahan.
              </p>
              <Show when={user().scope.level === "kecamatan"}>
                <ul class="columns">
                  <For each={tree()!.kecamatan[0]?.desa}>{(d) => <li>{d.name}</li>}</For>
                </ul>
              </Show>
            </section>
          </Show>
        </>
      )}
    </Show>
  );
}
