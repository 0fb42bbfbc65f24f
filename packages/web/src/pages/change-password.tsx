import { useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { ChangePasswordSchema } from "@puskesos/core/auth/schema";
import { PASSWORD_MIN } from "@puskesos/core/user/schema";
import { Alert, createForm, Field } from "../components/form.tsx";
import { api, call } from "../lib/api.ts";
import { me, signedIn } from "../lib/session.ts";

export default function ChangePassword() {
  const navigate = useNavigate();
  const { errors, message, busy, submit } = createForm({
    schema: ChangePasswordSchema,
    precheck: (form) =>
      form.get("newPassword") !== form.get("confirm")
        ? { confirm: "Ulangi kata sandi baru: isinya belum sama." }
        : undefined,
    read: (form) => ({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") }),
    send: async (passwords) => {
      const { user } = await call(api.auth.password.$post({ json: passwords }));
      signedIn(user);
      navigate("/", { replace: true, state: { notice: "Kata sandi berhasil diganti." } });
    },
  });

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
