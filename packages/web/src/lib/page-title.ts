import { MENU } from "./menu.ts";

/** Pages the menu does not name, or names less precisely. */
const PAGES: [path: string, title: string][] = [
  ["/masuk", "Masuk"],
  ["/ganti-sandi", "Ganti sandi"],
  ["/wilayah", "Wilayah"],
  ["/pengaduan/baru", "Daftarkan pengaduan"],
  ["/pengguna/baru", "Pengguna baru"],
  ["/rujukan", "Rujukan"],
  ["/kasus/baru", "Buka kasus"],
  ["/kunci-serah-terima", "Kunci serah terima"],
  ["/status", "Status pengaduan"],
];

/**
 * The tab's and history's name of a page: the page's kind ("Pengaduan · Puskesos"), never its record's
 * person, so a shared laptop's browser history does not list residents by name.
 */
export function titleOf(path: string): string {
  const named = [...PAGES, ...MENU.map((m): [string, string] => [m.href, m.label])]
    .filter(([p]) => path === p || (p !== "/" && path.startsWith(`${p}/`)))
    .sort((a, b) => b[0].length - a[0].length)[0];
  // Every page of the app starts with one of these paths: any other is the "not found" page.
  return `${named ? named[1] : "Halaman tidak ditemukan"} · Puskesos`;
}

/** Keeps the document's title to the page shown: every move between pages redraws the app. */
export function keepPageTitle() {
  let shown = "";
  const update = () => {
    if (location.pathname === shown) return;
    shown = location.pathname;
    document.title = titleOf(shown);
  };
  update();
  new MutationObserver(update).observe(document.getElementById("app")!, { childList: true, subtree: true });
}
