import { A, useLocation, useNavigate } from "@solidjs/router";
import { ErrorBoundary, For, Show, type JSX } from "solid-js";
import { Alert } from "./form.tsx";
import { ROLE_LABELS } from "@puskesos/core/actor/schema";
import { allowed, MENU } from "../lib/menu.ts";
import { me, signOut } from "../lib/session.ts";

export function Layout(props: { children?: JSX.Element }) {
  const navigate = useNavigate();
  const location = useLocation();
  const out = async () => {
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
              <nav>
                <For each={MENU.filter((entry) => allowed(entry.anyOf))}>
                  {(entry) => (
                    <A href={entry.href} end={entry.href === "/"}>
                      {entry.label}
                    </A>
                  )}
                </For>
              </nav>
              <div class="who">
                <span class="name">{user().name}</span>
                <span class="role">
                  {ROLE_LABELS[user().role]} · {user().scopeName}
                </span>
                <A href="/ganti-sandi">Ganti kata sandi</A>
                <button type="button" class="link" onClick={out}>
                  Keluar
                </button>
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
                <button type="button" class="secondary" onClick={retry}>
                  Coba lagi
                </button>
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
