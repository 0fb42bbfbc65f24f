import { A, useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, ErrorBoundary, For, on, Show, type JSX } from "solid-js";
import { Alert } from "./form.tsx";
import { ROLE_LABELS } from "@puskesos/core/actor/schema";
import { ApiError } from "../lib/api.ts";
import { allowed, MENU } from "../lib/menu.ts";
import { outbox } from "../lib/outbox-lazy.ts";
import { me, signOut } from "../lib/session.ts";

export function Layout(props: { children?: JSX.Element }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = createSignal(false);
  // Following a link closes the folded menu.
  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );
  const out = async () => {
    // Records not yet received stay on this device for this user alone: ask before leaving them.
    const warning = await (await outbox()).signOutWarning();
    if (warning && !window.confirm(warning)) return;
    await signOut();
    navigate("/masuk", { replace: true });
  };
  return (
    <>
      <header class="top">
        <A href="/" class="brand">
          Puskesos · SLRT
        </A>
        <Show when={me()}>
          {(user) => (
            <>
              {/* On a phone the menu folds behind one button, so the header stays one line. */}
              <button
                type="button"
                class="menu-toggle"
                aria-expanded={open()}
                aria-controls="main-menu"
                onClick={() => setOpen(!open())}
              >
                Menu
              </button>
              <div id="main-menu" class="menu" classList={{ open: open() }}>
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
                  <span class="name" title={`${ROLE_LABELS[user().role]} · ${user().scopeName}`}>
                    {user().name}
                  </span>
                  <span class="role">
                    {ROLE_LABELS[user().role]} · {user().scopeName}
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
      <main class="page">
        {/* A failed load (404 outside the scope, lost connection) shows its message in place of the page; a new
            address starts over. */}
        <Show when={location.pathname} keyed>
          <ErrorBoundary
            fallback={(error: Error, retry) => (
              <div class="card">
                <Alert>{error.message}</Alert>
                {/* Trying again helps a lost connection or a server fault, not a refusal (not found, no right). */}
                <Show
                  when={!(error instanceof ApiError) || error.status === 0 || error.status >= 500}
                  fallback={
                    <button type="button" class="secondary" onClick={() => history.back()}>
                      Kembali
                    </button>
                  }
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
