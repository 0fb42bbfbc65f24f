import { A, useLocation, useNavigate } from "@solidjs/router";
import { ErrorBoundary, Show, type JSX } from "solid-js";
import { Alert } from "./form.tsx";
import { ROLE_LABELS } from "@puskesos/core/actor/schema";
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
                <A href="/" end>
                  Beranda
                </A>
                <Show when={["front-office", "koordinator"].includes(user().role)}>
                  <A href="/antrian">Antrian</A>
                </Show>
                <Show
                  when={
                    ["front-office", "back-office", "koordinator"].includes(user().role) &&
                    user().scope.level === "desa"
                  }
                >
                  <A href="/pengaduan">Pengaduan</A>
                </Show>
                <Show
                  when={["back-office", "koordinator", "supervisor", "manajer", "opd"].includes(user().role)}
                >
                  <A href="/perlu-tindakan">Perlu tindakan</A>
                </Show>
                <Show when={["survei", "manajer", "supervisor"].includes(user().role)}>
                  <A href="/usulan">Usulan</A>
                </Show>
                <Show when={["manajer", "admin"].includes(user().role)}>
                  <A href="/pengaturan">Pengaturan</A>
                  <A href="/katalog">Katalog</A>
                </Show>
                <A href="/wilayah">Wilayah</A>
                <Show when={user().role === "admin"}>
                  <A href="/pengguna">Pengguna</A>
                  <A href="/dpm">DPM</A>
                  <A href="/audit">Log audit</A>
                </Show>
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
