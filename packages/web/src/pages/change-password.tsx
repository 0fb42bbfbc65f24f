import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ChangePasswordSchema } from "@puskesos/core/auth/schema";
import { PASSWORD_MIN } from "@puskesos/core/user/schema";
import { Alert, check, errorsFromApi, Field, type Errors } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { me, setMe } from "../lib/session.ts";

export default function ChangePassword() {
  const navigate = useNavigate();
  const [errors, setErrors] = createSignal<Errors>({});
  const [message, setMessage] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = form.get("newPassword");
    if (next !== form.get("confirm"))
      return setErrors({ confirm: "Ulangi kata sandi baru: isinya belum sama." });
    const input = check(ChangePasswordSchema, {
      currentPassword: form.get("currentPassword"),
      newPassword: next,
    });
    setMessage("");
    if (!input.ok) return setErrors(input.errors);
    setErrors({});
    setBusy(true);
    try {
      const { user } = await call(api.auth.password.$post({ json: input.value }));
      setMe(user);
      navigate("/", { replace: true, state: { notice: "Kata sandi berhasil diganti." } });
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
      <h1>Ganti kata sandi</h1>
      <Show when={me()?.mustChangePassword}>
        <Alert kind="info">
          Anda masuk dengan kata sandi sementara. Buat kata sandi baru sebelum melanjutkan.
        </Alert>
      </Show>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <form onSubmit={submit} novalidate>
        <Field label="Kata sandi saat ini" name="currentPassword" error={errors().currentPassword}>
          <input
            id="currentPassword"
            name="currentPassword"
            type="password"
            autocomplete="current-password"
          />
        </Field>
        <Field
          label="Kata sandi baru"
          name="newPassword"
          error={errors().newPassword}
          hint={`Minimal ${PASSWORD_MIN} karakter; kalimat pendek yang mudah Anda ingat lebih aman daripada kata acak yang pendek.`}
        >
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" />
        </Field>
        <Field label="Ulangi kata sandi baru" name="confirm" error={errors().confirm}>
          <input id="confirm" name="confirm" type="password" autocomplete="new-password" />
        </Field>
        <button type="submit" disabled={busy()}>
          {busy() ? "Menyimpan…" : "Simpan kata sandi"}
        </button>
      </form>
    </section>
  );
}
