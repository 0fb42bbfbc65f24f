import { A, useLocation } from "@solidjs/router";
import type { Permission } from "@puskesos/core/actor/permissions";
import { createResource, For, Show } from "solid-js";
import { userDuties } from "@puskesos/core/actor/duties";
import { userRoleLabel, type Scope } from "@puskesos/core/actor/schema";
import { desaWord, kabupatenWord, musdesTitle } from "@puskesos/core/region/words";
import { ZONE_NAMES } from "@puskesos/core/time/calendar";
import { Alert } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { can, me } from "../lib/session.ts";
import { today } from "../lib/time.ts";
import "../later.css";

/** A desa officer's musdes is its own place's ("Musyawarah kelurahan"); above a desa, any. */
const musdesOf = (scope: Scope) => musdesTitle(scope.level === "desa" ? scope.code : undefined);

/** Where each role's work starts, shown to the roles that may do it (core's permission table). */
const TASKS: {
  href: string;
  label: string | ((scope: Scope) => string);
  what: string;
  permission?: Permission;
}[] = [
  {
    href: "/antrian",
    label: "Antrian hari ini",
    what: "beri nomor, panggil, daftarkan pengaduan.",
    permission: "queue.use",
  },
  {
    href: "/pengaduan",
    label: "Pengaduan",
    what: "cari dan buka pengaduan di wilayah Anda.",
    permission: "complaint.read",
  },
  {
    href: "/perlu-tindakan",
    label: "Perlu tindakan",
    what: "pengaduan, rujukan, dan kasus yang menunggu Anda, terlama jatuh tempo dulu.",
    permission: "referral.inbox",
  },
  {
    href: "/usulan",
    label: "Usulan rumah tangga",
    what: "rumah tangga yang diusulkan masuk DPM.",
    permission: "proposal.list",
  },
  {
    href: "/kasus",
    label: "Kasus",
    what: "asesmen, rencana, intervensi, evaluasi, dan terminasi klien PPKS; serah terima antarkabupaten/kota.",
    permission: "case.read",
  },
  {
    href: "/fasilitas",
    label: "Fasilitas",
    what: "tempat kosong per fasilitas dan jenis kelamin, klien yang tinggal terlalu lama.",
    permission: "facility.read",
  },
  {
    href: "/fasilitas",
    label: "Fasilitas",
    what: "rumah singgah, panti, UPT, dan balai kabupaten/kota dengan kapasitas per jenis kelamin.",
    permission: "facility.manage",
  },
  {
    href: "/kunjungan",
    label: "Kunjungan lapangan",
    what: "bawa kunjungan hari ini ke perangkat, catat hasil verval tanpa sinyal.",
    permission: "proposal.visit",
  },
  {
    href: "/musdes",
    label: musdesOf,
    what: "usulan layak yang menunggu musdes, keputusan musdes, dan lampirannya.",
    permission: "musdes.read",
  },
  {
    href: "/ekspor-usulan",
    label: "Ekspor usulan",
    what: "usulan yang ditetapkan musdes sebagai berkas XLSX/CSV untuk DTSEN/SIKS-NG.",
    permission: "proposal.export",
  },
  {
    href: "/laporan",
    label: "Laporan bulanan",
    what: "angka Puskesos desa/kelurahan per bulan, versi yang dikirim ke SLRT, cetak dan unduh.",
    permission: "report.read",
  },
  {
    href: "/dasbor",
    label: "Dasbor wilayah",
    what: "angka wilayah Anda per bulan atau tahun, laporan desa/kelurahan yang masuk, tingkat layanan rujukan.",
    permission: "dashboard.read",
  },
  {
    href: "/psks",
    label: "PSKS",
    what: "potensi dan sumber kesejahteraan sosial yang dapat dihubungi: di desa/kelurahan, kecamatan, dan kabupaten/kota.",
    permission: "psks.read",
  },
  {
    href: "/pengaturan",
    label: "Pengaturan kabupaten/kota",
    what: "batas waktu tiap langkah rujukan, kop surat, dan masa simpan data.",
    permission: "settings.update",
  },
  {
    href: "/pengguna",
    label: "Kelola pengguna",
    what: "buat akun, nonaktifkan, atur ulang kata sandi.",
    permission: "user.manage",
  },
  {
    href: "/dpm",
    label: "Impor DPM",
    what: "daftar penerima manfaat per desa/kelurahan dari berkas CSV.",
    permission: "dpm.import",
  },
  {
    href: "/kunci-serah-terima",
    label: "Kunci serah terima",
    what: "kunci publik kabupaten/kota ini, dan kabupaten/kota lain yang berkas serah terima kliennya dipercaya.",
    permission: "handover.keys",
  },
  {
    href: "/audit",
    label: "Log audit",
    what: "siapa melakukan apa, kapan, dari mana.",
    permission: "audit.read",
  },
  {
    href: "/katalog",
    label: "Katalog",
    what: "OPD, program, dan rute rujukan kabupaten/kota.",
    permission: "catalog.update",
  },
  {
    href: "/katalog#indikator",
    label: "Indikator kabupaten/kota",
    what: "indikator kesejahteraan yang dicatat tim survei saat verval.",
    permission: "indicator.manage",
  },
  {
    href: "/pelindungan-data",
    label: "Laporan akses data",
    what: "siapa memakai data seorang warga, menurut NIK; surat untuk warga.",
    permission: "privacy.report",
  },
  {
    href: "/permintaan-warga",
    label: "Permintaan warga",
    what: "permintaan akses, koreksi, penghapusan, dan keberatan dengan jatuh temponya.",
    permission: "privacy.request",
  },
  { href: "/wilayah", label: "Wilayah", what: "kecamatan dan desa/kelurahan di wilayah kerja Anda." },
];

export default function Home() {
  const location = useLocation<{ notice?: string }>();
  const [tree] = createResource(() => call(api.regions.$get()));
  const [cases] = createResource(
    () => can("case.read"),
    (yes) => (yes ? call(api.cases.$get({ query: { status: "perlu-tindakan" } })) : undefined),
  );
  const [inbox] = createResource(
    () => can("referral.inbox"),
    (yes) => (yes ? call(api.referrals.inbox.$get()) : undefined),
  );
  // Loaded only for the desa's back office: the complaint workflow stays off everyone's first page.
  const [waiting] = createResource(
    () => can("complaint.inbox"),
    async (yes) => (yes ? (await import("../lib/waiting.ts")).waitingComplaints() : undefined),
  );
  // An OPD by its name, never its code.
  const [opdName] = createResource(
    () => me()?.opd,
    async (code) => (await call(api.catalog.opd.$get())).find((o) => o.code === code)?.name,
  );
  // The day's field visits, and the desa's verified households waiting for a musdes: counts, quietly
  // left out when there is no connection.
  const quietly = <T,>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      console.warn("beranda", error);
      return undefined;
    });
  // Asked again when the kabupaten's day turns: the count is of today's visits.
  const [visits] = createResource(
    () => (can("proposal.visit") ? today() : undefined),
    (visitDate) => quietly(call(api.proposals.$get({ query: { visitDate } }))),
  );
  const [awaitingMusdes] = createResource(
    () => can("musdes.record") && can("proposal.list"),
    (yes) => (yes ? quietly(call(api.proposals.$get({ query: { state: "layak" } }))) : undefined),
  );
  // The data protection officer's open requests, soonest due first: each has a legal deadline.
  const [requests] = createResource(
    () => can("privacy.request"),
    (yes) => (yes ? quietly(call(api.privacy.requests.$get({ query: { status: "terbuka" } }))) : undefined),
  );
  const count = (page: { items: unknown[]; cursor?: string | null | undefined }) =>
    `${page.items.length}${page.cursor ? "+" : ""}`;
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
              <dd data-testid="home-role">{userRoleLabel(user())}</dd>
              <dt>Wilayah tugas</dt>
              <dd data-testid="home-scope">{user().scopeName}</dd>
              <Show when={tree()}>
                {(kab) => (
                  <>
                    <Show when={user().scope.level === "desa"}>
                      <dt>Kecamatan</dt>
                      <dd>{kab().kecamatan[0]?.name}</dd>
                    </Show>
                    <dt>{kabupatenWord(kab())}</dt>
                    <dd>
                      {kab().name}, {kab().provinceName}
                    </dd>
                    <dt>Zona waktu</dt>
                    <dd>{ZONE_NAMES[kab().timeZone]}</dd>
                  </>
                )}
              </Show>
              <Show when={user().opd}>
                <dt>OPD</dt>
                <dd>{opdName() ?? user().opd}</dd>
              </Show>
            </dl>
            {/* The header keeps it in the phone's menu only; on a laptop it is here. */}
            <p>
              <A href="/ganti-sandi">Ganti kata sandi</A>
            </p>
          </section>
          <Show when={waiting()}>
            {(list) => (
              <section class="card" classList={{ attention: list().length > 0 }}>
                <h2>Pengaduan dari front office</h2>
                <p data-testid="home-waiting">
                  {list().length} pengaduan menunggu penanganan. <A href="/perlu-tindakan">Buka</A>
                </p>
              </section>
            )}
          </Show>
          <Show when={visits()}>
            {(page) => (
              <section class="card" classList={{ attention: page().items.length > 0 }}>
                <h2>Kunjungan lapangan</h2>
                <p data-testid="home-visits">
                  {count(page())} kunjungan verval terjadwal hari ini.{" "}
                  <A href="/kunjungan">Bawa ke perangkat</A>
                </p>
              </section>
            )}
          </Show>
          <Show when={awaitingMusdes()?.items.length ? awaitingMusdes() : undefined}>
            {(page) => (
              <section class="card attention">
                <h2>{musdesOf(user().scope)}</h2>
                <p data-testid="home-musdes">
                  {count(page())} usulan layak menunggu musdes. <A href="/musdes">Buka</A>
                </p>
              </section>
            )}
          </Show>
          <Show when={cases()}>
            {(page) => (
              <section class="card" classList={{ attention: page().items.length > 0 }}>
                <h2>Kasus</h2>
                <p data-testid="home-cases">
                  {page().items.length} kasus perlu tindakan Anda. <A href="/perlu-tindakan">Buka</A>
                </p>
              </section>
            )}
          </Show>
          <Show when={requests()}>
            {(page) => {
              const late = () => page().items.filter((r) => r.overdue).length;
              return (
                <section class="card" classList={{ attention: late() > 0 }}>
                  <h2>Permintaan warga</h2>
                  <p data-testid="home-requests">
                    {count(page())} permintaan terbuka, <strong>{late()} lewat batas</strong>.{" "}
                    <A href="/permintaan-warga">Buka</A>
                  </p>
                </section>
              );
            }}
          </Show>
          <Show when={inbox()}>
            {(box) => (
              <section class="card" classList={{ attention: box().overdue > 0 }}>
                <h2>Perlu tindakan</h2>
                <p data-testid="home-inbox">
                  {/* Everything the page lists, not the referrals only. */}
                  {waiting.error || !waiting()?.length ? "" : `${waiting()!.length} pengaduan, `}
                  {cases.error || !cases()?.items.length ? "" : `${cases()!.items.length} kasus, `}
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
            <p>{userDuties(user())}</p>
            <ul class="actions">
              <For
                each={TASKS.filter((task) => !task.permission || can(task.permission)).filter(
                  (task, i, all) => all.findIndex((t) => t.href === task.href) === i,
                )}
              >
                {(task) => (
                  <li>
                    <A href={task.href}>
                      {typeof task.label === "string" ? task.label : task.label(user().scope)}
                    </A>
                    : {task.what}
                  </li>
                )}
              </For>
            </ul>
          </section>
          <Show when={tree() && user().scope.level !== "desa"}>
            <section class="card">
              <h2>Wilayah yang Anda layani</h2>
              <p data-testid="home-coverage">
                {tree()!.kecamatan.length} kecamatan, {desaCount()}{" "}
                {desaWord(tree()!.kecamatan.flatMap((k) => k.desa))}.
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
