import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { userRoleLabel } from "@puskesos/core/actor/schema";
import type { User } from "@puskesos/core/user/schema";
import { Alert, errorsFromApi, Labelled } from "../components/form.tsx";
import { OneTimePassword } from "../components/one-time-password.tsx";
import { api, call } from "../lib/api.ts";
import { me } from "../lib/session.ts";
import { ListTable } from "../components/list-table.tsx";
import { ask } from "../lib/ask.ts";
import "../later.css";

export default function Users() {
  const [scope, setScope] = createSignal("");
  const [tree] = createResource(() => call(api.regions.$get()));
  // Pages after the first are appended by "Muat lebih banyak"; a new filter or a change starts over.
  const [extra, setExtra] = createSignal<{ items: User[]; cursor?: string | undefined }>({ items: [] });
  const fetchPage = (code: string, cursor?: string) =>
    call(api.users.$get({ query: { ...(code ? { scope: code } : {}), ...(cursor ? { cursor } : {}) } }));
  const [users, { refetch }] = createResource(scope, (code) => {
    setExtra({ items: [] });
    return fetchPage(code);
  });
  const rows = () => [...(users()?.items ?? []), ...extra().items];
  const nextCursor = () => (extra().items.length ? extra().cursor : users()?.cursor);
  const loadMore = async () => {
    const page = await fetchPage(scope(), nextCursor());
    setExtra((prev) => ({ items: [...prev.items, ...page.items], cursor: page.cursor }));
  };
  const [message, setMessage] = createSignal<{ kind: "error" | "success"; text: string }>();
  const [otp, setOtp] = createSignal<{ username: string; password: string }>();

  const act = async (work: () => Promise<string>) => {
    setMessage(undefined);
    try {
      setMessage({ kind: "success", text: await work() });
      await refetch();
    } catch (error) {
      setMessage({ kind: "error", text: errorsFromApi(error).message });
    }
  };
  const toggle = (user: User) =>
    act(async () => {
      if (
        user.active &&
        !(await ask(`Nonaktifkan ${user.username}? Semua sesinya langsung berakhir.`, "Nonaktifkan"))
      )
        return "Dibatalkan.";
      await call(
        api.users[":username"].active.$put({
          param: { username: user.username },
          json: { active: !user.active },
        }),
      );
      return `${user.username} ${user.active ? "dinonaktifkan" : "diaktifkan kembali"}.`;
    });
  const reset = (user: User) =>
    act(async () => {
      const question = `Atur ulang kata sandi ${user.username}? Kata sandi lamanya tidak berlaku lagi.`;
      if (!(await ask(question, "Atur ulang kata sandi"))) return "Dibatalkan.";
      const out = await call(
        api.users[":username"]["password-reset"].$post({ param: { username: user.username } }),
      );
      setOtp({ username: user.username, password: out.temporaryPassword });
      return `Kata sandi ${user.username} diatur ulang.`;
    });

  return (
    <section class="card">
      <div class="row">
        <h1>Pengguna</h1>
        <A class="button" href="/pengguna/baru">
          Tambah pengguna
        </A>
      </div>
      <Show when={message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <Show when={otp()}>
        {(o) => (
          <OneTimePassword
            username={o().username}
            password={o().password}
            onClose={() => setOtp(undefined)}
          />
        )}
      </Show>
      <div class="filters">
        <Labelled label="Wilayah" for="filter-scope">
          <select
            id="filter-scope"
            value={scope()}
            onChange={(e) => setScope(e.currentTarget.value)}
            data-testid="user-scope-filter"
          >
            <option value="">Semua</option>
            <For each={tree()?.kecamatan}>{(k) => <option value={k.code}>Kecamatan {k.name}</option>}</For>
          </select>
        </Labelled>
      </div>
      <ListTable
        headers={["Nama pengguna", "Nama", "Peran", "Wilayah", "Status", "Tindakan"]}
        items={rows()}
        source={users}
        empty="Belum ada pengguna."
      >
        {(user) => (
          <tr data-testid={`user-row-${user.username}`} classList={{ inactive: !user.active }}>
            <td>
              <code>{user.username}</code>
            </td>
            <td>{user.name}</td>
            <td>{userRoleLabel(user)}</td>
            <td>{user.scopeName}</td>
            <td>
              {user.active ? (user.mustChangePassword ? "Aktif (sandi sementara)" : "Aktif") : "Nonaktif"}
            </td>
            <td class="buttons">
              <Show when={user.username !== me()?.username}>
                <button type="button" class="secondary" onClick={() => toggle(user)}>
                  {user.active ? "Nonaktifkan" : "Aktifkan"}
                </button>
                <button type="button" class="secondary" onClick={() => reset(user)}>
                  Atur ulang sandi
                </button>
              </Show>
            </td>
          </tr>
        )}
      </ListTable>
      <Show when={nextCursor()}>
        <button type="button" class="secondary" onClick={loadMore}>
          Muat lebih banyak
        </button>
      </Show>
    </section>
  );
}
