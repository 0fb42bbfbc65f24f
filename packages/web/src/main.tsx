import { A, Navigate, Route, Router, useLocation } from "@solidjs/router";
import { lazy, Match, Show, Switch, type Component, type JSX } from "solid-js";
import { render } from "solid-js/web";
import { Layout } from "./components/layout.tsx";
import { outbox } from "./lib/outbox-lazy.ts";
import type { OutboxItem } from "./lib/outbox.ts";
import { holders, type Permission } from "@puskesos/core/actor/permissions";
import { allowed } from "./lib/menu.ts";
import { loadMe, me, onSignOut } from "./lib/session.ts";
import "./styles.css";

// Every screen is loaded only when opened: the first route stays small on weak connections. The HTML
// of the screens opened most (shells.ts) asks for their chunks together with this one.
const Home = lazy(() => import("./pages/home.tsx"));
const Login = lazy(() => import("./pages/login.tsx"));
const ChangePassword = lazy(() => import("./pages/change-password.tsx"));
const Regions = lazy(() => import("./pages/regions.tsx"));
const Users = lazy(() => import("./pages/users.tsx"));
const UserNew = lazy(() => import("./pages/user-new.tsx"));
const Audit = lazy(() => import("./pages/audit.tsx"));
const Queue = lazy(() => import("./pages/queue.tsx"));
const Intake = lazy(() => import("./pages/intake.tsx"));
const Complaints = lazy(() => import("./pages/complaints.tsx"));
const ComplaintPage = lazy(() => import("./pages/complaint.tsx"));
const Proposals = lazy(() => import("./pages/proposals.tsx"));
const ProposalPage = lazy(() => import("./pages/proposal.tsx"));
const Visits = lazy(() => import("./pages/visits.tsx"));
const Musdes = lazy(() => import("./pages/musdes.tsx"));
const MusdesAnnex = lazy(() => import("./pages/musdes-annex.tsx"));
const ProposalExports = lazy(() => import("./pages/proposal-exports.tsx"));
const Dpm = lazy(() => import("./pages/dpm.tsx"));
const Status = lazy(() => import("./pages/status.tsx"));
const Inbox = lazy(() => import("./pages/inbox.tsx"));
const ReferralPage = lazy(() => import("./pages/referral.tsx"));
const Letter = lazy(() => import("./pages/letter.tsx"));
const SettingsPage = lazy(() => import("./pages/settings.tsx"));
const CatalogPage = lazy(() => import("./pages/catalog.tsx"));
const PsksPage = lazy(() => import("./pages/psks.tsx"));
const Report = lazy(() => import("./pages/report.tsx"));
const Dashboard = lazy(() => import("./pages/dashboard.tsx"));
const Cases = lazy(() => import("./pages/cases.tsx"));
const CaseNew = lazy(() => import("./pages/case-new.tsx"));
const CasePage = lazy(() => import("./pages/case.tsx"));
const HandoverLetter = lazy(() => import("./pages/handover-letter.tsx"));
const HandoverKeys = lazy(() => import("./pages/handover-keys.tsx"));
const Facilities = lazy(() => import("./pages/facilities.tsx"));
const Privacy = lazy(() => import("./pages/privacy.tsx"));
const PrivacyRequests = lazy(() => import("./pages/privacy-requests.tsx"));

/**
 * Pages for signed-in users; a user on a one-time password is sent to change it first, and a page
 * whose permission the role lacks says so instead of offering what the server would refuse.
 */
function Guard(props: { children?: JSX.Element; anyOf?: Permission[] }) {
  const location = useLocation();
  return (
    <Switch fallback={props.children}>
      <Match when={me() === undefined}>
        <p class="boot">Memuat…</p>
      </Match>
      <Match when={me() === null}>
        <Navigate href="/masuk" />
      </Match>
      <Match when={me()?.mustChangePassword && location.pathname !== "/ganti-sandi"}>
        <Navigate href="/ganti-sandi" />
      </Match>
      <Match when={!allowed(props.anyOf)}>
        <div class="card">
          <p>Halaman ini hanya untuk {holders(props.anyOf ?? [])}.</p>
          <A href="/">← Beranda</A>
        </div>
      </Match>
    </Switch>
  );
}

/** Once the session is known: the sign-in page says itself who is signed in on this device. */
function SessionKnown(props: { children?: JSX.Element }) {
  return <Show when={me() !== undefined}>{props.children}</Show>;
}

/**
 * Every page: path, component, and who may open it: "public", or the permissions of core's table of
 * which any one suffices (none: any signed-in user).
 */
const PAGES: [
  path: string,
  page: Component & { preload?: () => unknown },
  access?: "public" | Permission[],
][] = [
  ["/", Home],
  ["/ganti-sandi", ChangePassword],
  ["/wilayah", Regions],
  ["/pengguna", Users, ["user.manage"]],
  ["/pengguna/baru", UserNew, ["user.manage"]],
  ["/audit", Audit, ["audit.read"]],
  ["/dpm", Dpm, ["dpm.import"]],
  ["/antrian", Queue, ["queue.use"]],
  ["/pengaduan", Complaints, ["complaint.read"]],
  ["/pengaduan/baru", Intake, ["complaint.register"]],
  ["/pengaduan/:id", ComplaintPage, ["complaint.read"]],
  ["/usulan", Proposals, ["proposal.list"]],
  ["/usulan/:id", ProposalPage, ["proposal.list"]],
  ["/kunjungan", Visits, ["proposal.visit"]],
  ["/musdes", Musdes, ["musdes.read"]],
  ["/musdes/:id/lampiran", MusdesAnnex, ["musdes.read"]],
  ["/ekspor-usulan", ProposalExports, ["proposal.export"]],
  ["/perlu-tindakan", Inbox, ["referral.inbox", "complaint.inbox", "case.read"]],
  ["/rujukan/:id", ReferralPage, ["referral.read"]],
  ["/rujukan/:id/surat", Letter, ["referral.letter"]],
  ["/laporan", Report, ["report.read"]],
  ["/dasbor", Dashboard, ["dashboard.read"]],
  ["/pengaturan", SettingsPage, ["settings.update"]],
  ["/katalog", CatalogPage, ["catalog.update", "indicator.manage"]],
  ["/psks", PsksPage, ["psks.read"]],
  ["/kasus", Cases, ["case.read", "case.open"]],
  ["/kasus/baru", CaseNew, ["case.open"]],
  ["/kasus/:id", CasePage, ["case.read"]],
  ["/kasus/:id/serah-terima", HandoverLetter, ["case.read"]],
  ["/kunci-serah-terima", HandoverKeys, ["handover.keys"]],
  ["/fasilitas", Facilities, ["facility.read", "facility.manage"]],
  ["/pelindungan-data", Privacy, ["privacy.report"]],
  ["/permintaan-warga", PrivacyRequests, ["privacy.request"]],
  ["/status", Status, "public"],
];

const RELOADED = "puskesos.reloaded-for-update";

function NotFound() {
  return (
    <p class="card">
      Halaman tidak ditemukan. <A href="/">← Beranda</A>
    </p>
  );
}

// Not needed for the first paint: loaded beside it.
void import("./lib/after-paint.ts").then(({ afterPaint }) => afterPaint());
// The outbox starts once the session is known: what it sends belongs to that user, and its code is not
// needed for the first screen.
loadMe()
  .catch((error: unknown) => console.error("gagal memuat sesi", error))
  .finally(() => void outbox().then(({ onReceived }) => onReceived(forgetReceivedVisit)));
// The field visits kept on the device go at sign-out, and each once its result is received; their
// module loads only then (or with the visits page), so the first page stays small.
const visits = () => import("./lib/visits.ts");
onSignOut(async (username) => (await visits()).forgetAll(username));
async function forgetReceivedVisit(item: OutboxItem, owner: string) {
  if (item.kind === "verification" && item.result) await (await visits()).forgetVisit(item.result.id, owner);
}
// The service worker opens the app from this device's copy; after a deploy, the copy of the page already
// open names files the site no longer has: it starts again as the new version (once, not in a loop).
window.addEventListener("vite:preloadError", (event) => {
  const last = Number(sessionStorage.getItem(RELOADED) ?? 0);
  if (Date.now() - last < 30_000) return;
  sessionStorage.setItem(RELOADED, String(Date.now()));
  event.preventDefault();
  location.reload();
});
// The service worker keeps the app shell for offline use; it never caches API answers. It is registered
// once the page has loaded, so that its copy of every screen does not share a weak link with this one's.
if ("serviceWorker" in navigator && import.meta.env.PROD)
  window.addEventListener(
    "load",
    () =>
      void navigator.serviceWorker
        .register("/sw.js")
        .catch((error: unknown) => console.warn("service worker", error)),
    { once: true },
  );

const root = document.getElementById("app")!;
// The static frame of the HTML (index.html, shells.ts) is for the time the code takes; the app replaces it.
root.textContent = "";
render(
  () => (
    <Router root={Layout}>
      <Route
        path="/masuk"
        component={() => (
          <SessionKnown>
            <Login />
          </SessionKnown>
        )}
      />
      {PAGES.map(([path, Page, access]) => (
        <Route
          path={path}
          // The page's code is fetched while the session is still being checked, not after it.
          preload={() => void Page.preload?.()}
          component={
            access === "public"
              ? Page
              : () => <Guard {...(access ? { anyOf: access } : {})}>{<Page />}</Guard>
          }
        />
      ))}
      <Route path="*" component={NotFound} />
    </Router>
  ),
  root,
);
