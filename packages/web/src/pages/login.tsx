import { A, useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { LoginSchema } from "@puskesos/core/auth/schema";
import { Alert, createForm, Field } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { signedIn } from "../lib/session.ts";

export default function Login() {
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
      <p class="muted">Layanan Puskesos desa dan SLRT kabupaten.</p>
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
