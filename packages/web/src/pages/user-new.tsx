import { A } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import {
  ROLE_LABELS,
  ROLE_SCOPES,
  ROLES,
  TIED_TO_OPD,
  type Role,
  type ScopeLevel,
} from "@puskesos/core/actor/schema";
import { CreateUserSchema } from "@puskesos/core/user/schema";
import { desaWord, kabupatenWord } from "@puskesos/core/region/schema";
import { Alert, createForm, ErrorList, Field } from "../components/form.tsx";
import { OneTimePassword } from "../components/one-time-password.tsx";
import { api, call } from "../lib/api.ts";

export default function UserNew() {
  const [tree] = createResource(() => call(api.regions.$get()));
  // A kota's levels are named as a kota's: "Kota", "Kelurahan" (or "Desa/kelurahan" where both).
  const levelLabel = (level: ScopeLevel) => {
    const t = tree();
    if (level === "kecamatan" || !t)
      return { desa: "Desa", kecamatan: "Kecamatan", kabupaten: "Kabupaten" }[level];
    if (level === "kabupaten") return kabupatenWord(t);
    const word = desaWord(t.kecamatan.flatMap((k) => k.desa));
    return word[0]!.toUpperCase() + word.slice(1);
  };
  const [opds] = createResource(() => call(api.catalog.opd.$get()));
  const [role, setRole] = createSignal<Role>(ROLES[0]);
  const [level, setLevel] = createSignal<ScopeLevel>("desa");
  const [kecamatan, setKecamatan] = createSignal("");
  const [desa, setDesa] = createSignal("");
  const [created, setCreated] = createSignal<{ username: string; password: string }>();

  const levels = () => ROLE_SCOPES[role()];
  const desaOptions = createMemo(() => tree()?.kecamatan.find((k) => k.code === kecamatan())?.desa ?? []);
  const scopeCode = () =>
    level() === "kabupaten" ? (tree()?.code ?? "") : level() === "kecamatan" ? kecamatan() : desa();

  const pickRole = (value: Role) => {
    setRole(value);
    if (!ROLE_SCOPES[value].includes(level())) setLevel(ROLE_SCOPES[value][0]!);
  };

  const { errors, message, busy, submit } = createForm({
    schema: CreateUserSchema,
    read: (form) => ({
      username: form.get("username"),
      name: form.get("name"),
      role: role(),
      scope: { level: level(), code: scopeCode() },
      ...(TIED_TO_OPD[role()] ? { opd: form.get("opd") || undefined } : {}),
    }),
    // An empty region code means nothing was picked yet: say which list to pick from.
    adjust: (e) =>
      e["scope.code"] && !scopeCode()
        ? { ...e, "scope.code": `Pilih ${levelLabel(level()).toLowerCase()} tugas.` }
        : e,
    send: async (user, form) => {
      const out = await call(api.users.$post({ json: user }));
      setCreated({ username: out.user.username, password: out.temporaryPassword });
      // Only the person's own fields: role, area and OPD stay as picked for the next user, as the
      // screen shows them (resetting the whole form put the selects back to their first option while
      // the form still acted on the earlier role).
      for (const field of ["username", "name"]) {
        const input = form.elements.namedItem(field);
        if (input instanceof HTMLInputElement) input.value = "";
      }
      setDesa("");
    },
  });

  return (
    <section class="card narrow">
      <p>
        <A href="/pengguna">← Daftar pengguna</A>
      </p>
      <h1>Tambah pengguna</h1>
      <Show when={created()}>
        {(c) => (
          <OneTimePassword
            username={c().username}
            password={c().password}
            onClose={() => setCreated(undefined)}
          />
        )}
      </Show>
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <ErrorList errors={errors()} />
      <form onSubmit={submit} novalidate>
        <Field
          label="Nama pengguna"
          name="username"
          error={errors().username}
          hint="Huruf kecil, angka, titik; mis. fo.kalisapu"
        >
          <input id="username" name="username" autocapitalize="none" autocomplete="off" />
        </Field>
        <Field label="Nama lengkap" name="name" error={errors().name}>
          <input id="name" name="name" autocomplete="off" />
        </Field>
        <Field label="Peran" name="role" error={errors().role}>
          <select
            id="role"
            name="role"
            value={role()}
            onChange={(e) => pickRole(e.currentTarget.value as Role)}
          >
            <For each={ROLES}>{(r) => <option value={r}>{ROLE_LABELS[r]}</option>}</For>
          </select>
        </Field>
        <Show when={levels().length > 1}>
          <Field label="Tingkat wilayah" name="level" error={errors()["scope.level"]}>
            <select
              id="level"
              value={level()}
              onChange={(e) => setLevel(e.currentTarget.value as ScopeLevel)}
            >
              <For each={levels()}>{(l) => <option value={l}>{levelLabel(l)}</option>}</For>
            </select>
          </Field>
        </Show>
        <Show when={level() !== "kabupaten"}>
          <Field
            label="Kecamatan"
            name="kecamatan"
            error={level() === "kecamatan" ? errors()["scope.code"] : undefined}
          >
            <select
              id="kecamatan"
              value={kecamatan()}
              onChange={(e) => (setKecamatan(e.currentTarget.value), setDesa(""))}
            >
              <option value="">— pilih kecamatan —</option>
              <For each={tree()?.kecamatan}>{(k) => <option value={k.code}>{k.name}</option>}</For>
            </select>
          </Field>
        </Show>
        <Show when={level() === "desa"}>
          <Field label={levelLabel("desa")} name="desa" error={errors()["scope.code"]}>
            <select
              id="desa"
              value={desa()}
              onChange={(e) => setDesa(e.currentTarget.value)}
              disabled={!kecamatan()}
            >
              <option value="">— pilih {levelLabel("desa").toLowerCase()} —</option>
              <For each={desaOptions()}>
                {(d) => (
                  <option value={d.code}>
                    {d.kind === "kelurahan" ? "Kel." : "Desa"} {d.name}
                  </option>
                )}
              </For>
            </select>
          </Field>
        </Show>
        <Show when={level() === "kabupaten"}>
          <p class="muted">Wilayah tugas: {tree()?.name ?? "kabupaten"}</p>
        </Show>
        <Show when={TIED_TO_OPD[role()]}>
          <Field label="OPD" name="opd" error={errors().opd}>
            <select id="opd" name="opd">
              <option value="">— pilih OPD —</option>
              <For each={opds()}>{(o) => <option value={o.code}>{o.name}</option>}</For>
            </select>
          </Field>
        </Show>
        <button type="submit" disabled={busy()}>
          {busy() ? "Menyimpan…" : "Simpan pengguna"}
        </button>
      </form>
    </section>
  );
}
