import type { RouteShell } from "./route-shells-plugin.ts";

/**
 * The screens officers open most from the address bar or a bookmark on weak mobile data: the home page
 * after sign-in and the intake form (issue 15). Each frame repeats the page's own heading and cards.
 */
export const ROUTE_SHELLS: RouteShell[] = [
  {
    path: "/",
    module: "src/pages/home.tsx",
    file: "beranda.html",
    body: '<section class="card"><p class="muted">Selamat datang,</p><p class="boot">Memuat beranda…</p></section>',
  },
  {
    path: "/pengaduan/baru",
    module: "src/pages/intake.tsx",
    file: "pengaduan-baru.html",
    body: '<section class="card narrow"><h1>Daftarkan pengaduan</h1><p class="boot">Memuat formulir…</p></section>',
  },
];
