import { A, useLocation, useNavigate } from "@solidjs/router";
import {
  createEffect,
  createSignal,
  ErrorBoundary,
  For,
  lazy,
  on,
  onCleanup,
  Show,
  type JSX,
} from "solid-js";
import { Alert } from "./form.tsx";
import { userRoleLabel } from "@puskesos/core/actor/schema";
import { keepNoticeFor, noticeFor } from "../lib/notice.ts";
import { ApiError } from "../lib/api.ts";
import { canSeal } from "../lib/id.ts";
import { allowed, MENU } from "../lib/menu.ts";
import { outbox } from "../lib/outbox-lazy.ts";
import { me, signOut } from "../lib/session.ts";

// Only a plain-http page loads it: every other page's first screen stays without its words.
const InsecureNote = lazy(() => import("./insecure-note.tsx"));
// Loaded beside the first signed-in page: a device that drops its connection says so on every page.
const OfflineNote = lazy(() => import("./offline-note.tsx"));

/** Signing out as "Keluar" does it: what sign-out would leave on the device or delete is asked first. */
export async function leave(navigate: ReturnType<typeof useNavigate>) {
  if (!(await (await outbox()).maySignOut())) return;
  await signOut();
  navigate("/masuk", { replace: true });
}

export function Layout(props: { children?: JSX.Element }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  let toggle: HTMLButtonElement | undefined;
  let main!: HTMLElement;
  // Following a link closes the folded menu, and the new page's heading takes the focus, so a keyboard
  // or screen reader user starts on the page they opened rather than on a link that has gone. A notice
  // left for another page (lib/notice.ts) is forgotten.
  createEffect(
    on(
      () => location.pathname,
      (path) => {
        keepNoticeFor(path);
        setOpen(false);
        focusHeading(main);
      },
      { defer: true },
    ),
  );
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open()) return;
    setOpen(false);
    toggle?.focus();
  };
  document.addEventListener("keydown", closeOnEscape);
  onCleanup(() => document.removeEventListener("keydown", closeOnEscape));
  const out = () => leave(navigate);
  return (
    <>
      <a
        href="#isi"
        class="skip"
        onClick={(event) => {
          event.preventDefault();
          main.focus();
        }}
      >
        Lewati ke isi
      </a>
      <header class="top">
        <A href="/" class="brand">
          Puskesos · SLRT
        </A>
        <Show when={me()}>
          {(user) => (
            <>
              {/* On a phone the menu folds behind one button, so the header stays one line. */}
              <button
                ref={toggle}
                type="button"
                class="menu-toggle"
                aria-expanded={open()}
                aria-controls="main-menu"
                onClick={() => setOpen(!open())}
              >
                Menu
              </button>
              {/* Folded over the page on a phone: it closes once the focus leaves it, so it never
                  hides the control the keyboard has moved to. */}
              <div
                id="main-menu"
                class="menu"
                classList={{ open: open() }}
                onFocusOut={(event) => {
                  const next = event.relatedTarget as Node | null;
                  if (open() && next && !event.currentTarget.contains(next) && next !== toggle)
                    setOpen(false);
                }}
              >
                <nav aria-label="Menu utama">
                  <For each={MENU.filter((entry) => allowed(entry.anyOf))}>
                    {(entry) => (
                      <A href={entry.href} end={entry.href === "/"}>
                        {entry.label}
                      </A>
                    )}
                  </For>
                </nav>
                <div class="who">
                  <span class="name" title={`${userRoleLabel(user())} · ${user().scopeName}`}>
                    {user().name}
                  </span>
                  <span class="role">
                    {userRoleLabel(user())} · {user().scopeName}
                  </span>
                  <A href="/ganti-sandi" class="password">
                    Ganti kata sandi
                  </A>
                  <button type="button" class="link" onClick={out}>
                    Keluar
                  </button>
                </div>
              </div>
            </>
          )}
        </Show>
      </header>
      <main class="page" id="isi" tabindex="-1" ref={main}>
        {/* Over plain http (a LAN address) the browser withholds Web Crypto: nothing can be kept sealed. */}
        <Show when={!canSeal()}>
          <InsecureNote />
        </Show>
        <Show when={me()}>
          <OfflineNote />
        </Show>
        {/* A failed load (404 outside the scope, lost connection) shows its message in place of the page; a new
            address starts over. */}
        <Show when={location.pathname} keyed>
          <ErrorBoundary
            fallback={(error: Error, retry) => (
              <div class="card">
                <Show when={noticeFor(location.pathname)}>
                  {(saved) => <Alert kind="success">Tersimpan: {saved()}.</Alert>}
                </Show>
                <Alert>{error.message}</Alert>
                {/* Trying again helps a lost connection or a server fault, not a refusal (not found, no right).
                    Not "back": a link opened from a chat or a new tab has no page of the app to go back to. */}
                <Show
                  when={!(error instanceof ApiError) || error.status === 0 || error.status >= 500}
                  fallback={<A href="/">← Beranda</A>}
                >
                  <button type="button" class="secondary" onClick={retry}>
                    Coba lagi
                  </button>
                </Show>
              </div>
            )}
          >
            {props.children}
          </ErrorBoundary>
        </Show>
      </main>
    </>
  );
}

/**
 * Focuses the page's heading once it is drawn (its code and data may still be loading), unless the
 * user has already moved into the page.
 */
export function focusHeading(main: HTMLElement) {
  const started = performance.now();
  const look = () => {
    const active = document.activeElement;
    if (active && active !== document.body && main.contains(active)) return;
    const heading = main.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    } else if (performance.now() - started < 3000) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
