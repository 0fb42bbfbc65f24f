import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { LoginSchema } from "@puskesos/core/auth/schema";
import { Alert, check, errorsFromApi, Field, type Errors } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { setMe } from "../lib/session.ts";

export default function Login() {
  const navigate = useNavigate();
  const [errors, setErrors] = createSignal<Errors>({});
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const input = check(LoginSchema, { username: form.get("username"), password: form.get("password") });
    setMessage("");
    if (!input.ok) return setErrors(input.errors);
    setErrors({});
    setBusy(true);
    try {
      const { user } = await call(api.auth.login.$post({ json: input.value }));
      setMe(user);
      navigate(user.mustChangePassword ? "/ganti-sandi" : "/", { replace: true });
    } catch (error) {
      const e = errorsFromApi(error);
      setErrors(e.fields);
      setMessage(e.message);
    } finally {
      setBusy(false);
    }
  };

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
    </section>
  );
}
