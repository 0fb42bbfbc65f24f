import { A, useNavigate } from "@solidjs/router";
import { leave } from "../components/layout.tsx";
import { Show } from "solid-js";
import { LoginSchema } from "@puskesos/core/auth/schema";
import { Alert, createForm, Field } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { me, signedIn } from "../lib/session.ts";

export default function Login() {
  const navigate = useNavigate();
  return (
    <Show when={me()} fallback={<SignInForm />}>
      {(user) => (
        // On a shared laptop the next officer may open the sign-in page while the last one is still
        // signed in: said, rather than going straight into the other officer's pages.
        <section class="card narrow">
          <h1>Sudah masuk</h1>
          <p data-testid="signed-in-as">
            Perangkat ini masih masuk sebagai <strong>{user().name}</strong> ({user().username}).
          </p>
          <p class="row">
            <A href="/">Lanjutkan sebagai {user().name}</A>
            <button type="button" class="secondary" onClick={() => void leave(navigate)}>
              Bukan saya: keluar
            </button>
          </p>
        </section>
      )}
    </Show>
  );
}

function SignInForm() {
  const navigate = useNavigate();
  const { errors, message, busy, submit } = createForm({
    schema: LoginSchema,
    read: (form) => ({ username: form.get("username"), password: form.get("password") }),
    send: async (credentials) => {
      const { user } = await call(api.auth.login.$post({ json: credentials }));
      signedIn(user);
      navigate(user.mustChangePassword ? "/ganti-sandi" : "/", { replace: true });
    },
  });
  return (
    <section class="card narrow">
      <h1>Masuk</h1>
      <p class="muted">Layanan Puskesos desa/kelurahan dan SLRT kabupaten/kota.</p>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <form onSubmit={submit} novalidate>
        <Field label="Nama pengguna" name="username" error={errors().username}>
          <input id="username" name="username" autocomplete="username" autocapitalize="none" required />
        </Field>
        <Field label="Kata sandi" name="password" error={errors().password}>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </Field>
        <button type="submit" disabled={busy()}>
          {busy() ? "Memproses…" : "Masuk"}
        </button>
      </form>
      <p class="muted">
        Warga: <A href="/status">cek status pengaduan</A> dengan kode dari tanda terima.
      </p>
    </section>
  );
}
