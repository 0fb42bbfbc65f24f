import { createResource, createSignal, For, Show } from "solid-js";
import { CATALOGS } from "@puskesos/core/catalog/schema";
import { AddPsksSchema, UpdatePsksSchema, type PsksEntry } from "@puskesos/core/psks/schema";
import { Alert, Labelled } from "../components/form.tsx";
import { createEdits, EditAnswer } from "../components/edits.tsx";
import { ListTable } from "../components/list-table.tsx";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { can, me } from "../lib/session.ts";
import "../later.css";

const kindName = (code: string) => CATALOGS.psks.find((p) => p.code === code)?.name ?? code;

/**
 * The PSKS registry (seed 003 §2.3.3 b): who in the desa, the kecamatan and the kabupaten can help, with
 * a contact person. The koordinator keeps its desa's, the manajer any region's; the others read.
 */
export default function Psks() {
  const [kind, setKind] = createSignal("");
  const [list, { refetch }] = createResource(kind, (k) =>
    call(api.psks.$get({ query: k ? { kind: k } : {} })),
  );
  const [tree] = createResource(() =>
    me()?.scope.level === "kabupaten" ? call(api.regions.$get()) : undefined,
  );
  const { message, run } = createEdits(() => refetch());
  // The add form answers under itself: on a phone the list's top is screens away.
  const adding = createEdits(() => refetch());
  const regionName = (code: string) => {
    const kab = tree();
    if (!kab || code === kab.code) return code === kab?.code ? kab.name : (me()?.scopeName ?? code);
    for (const k of kab.kecamatan) {
      if (k.code === code) return `Kec. ${k.name}`;
      const d = k.desa.find((x) => x.code === code);
      if (d) return d.name;
    }
    return code;
  };

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    void adding.run(async () => {
      const json = checked(AddPsksSchema, {
        kind: value("kind"),
        name: value("name"),
        contactName: value("contactName"),
        ...(value("contactPhone") ? { contactPhone: value("contactPhone") } : {}),
        ...(value("regionCode") ? { regionCode: value("regionCode") } : {}),
      });
      const added = await call(api.psks.$post({ json }));
      form.reset();
      return `${added.name} ditambahkan ke daftar PSKS.`;
    }, form);
  };

  const toggle = (e: PsksEntry) =>
    void run(async () => {
      const json = checked(UpdatePsksSchema, {
        version: e.version,
        kind: e.kind,
        name: e.name,
        contactName: e.contactName,
        ...(e.contactPhone ? { contactPhone: e.contactPhone } : {}),
        ...(e.notes ? { notes: e.notes } : {}),
        active: !e.active,
      });
      await call(api.psks[":region"][":id"].$put({ param: { region: e.regionCode, id: e.id }, json }));
      return `${e.name} ${e.active ? "ditandai tidak aktif" : "aktif lagi"}.`;
    });

  return (
    <section class="card">
      <h1>PSKS</h1>
      <p class="muted">
        Potensi dan Sumber Kesejahteraan Sosial yang dapat dihubungi saat menangani pengaduan: di
        desa/kelurahan, di kecamatan, dan di kabupaten/kota.
      </p>
      <Show when={message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <div class="filters">
        <Labelled label="Tampilkan jenis" for="psks-kind-filter">
          <select id="psks-kind-filter" value={kind()} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">Semua jenis</option>
            <For each={CATALOGS.psks}>{(p) => <option value={p.code}>{p.name}</option>}</For>
          </select>
        </Labelled>
      </div>
      <ListTable
        headers={["Nama", "Jenis", "Wilayah", "Narahubung", "Status", "Tindakan"]}
        items={list.latest}
        source={list}
        empty="Belum ada PSKS tercatat."
        testid="psks-table"
        label="Daftar PSKS"
      >
        {(e) => (
          <tr classList={{ inactive: !e.active }}>
            <td>{e.name}</td>
            <td>{kindName(e.kind)}</td>
            <td>{regionName(e.regionCode)}</td>
            <td>
              {e.contactName}
              {e.contactPhone ? `, ${e.contactPhone}` : ""}
            </td>
            <td>{e.active ? "Aktif" : "Tidak aktif"}</td>
            <td class="buttons">
              <Show when={can("psks.manage")}>
                <button type="button" class="secondary" onClick={() => toggle(e)}>
                  {e.active ? "Tandai tidak aktif" : "Aktifkan lagi"}
                </button>
              </Show>
            </td>
          </tr>
        )}
      </ListTable>
      <Show when={can("psks.manage")}>
        <h2>Tambah PSKS</h2>
        <form class="filters" onSubmit={add}>
          <Labelled label="Jenis PSKS" for="psks-kind">
            <select id="psks-kind" name="kind">
              <option value="">— pilih —</option>
              <For each={CATALOGS.psks}>{(p) => <option value={p.code}>{p.name}</option>}</For>
            </select>
          </Labelled>
          <Labelled label="Nama" for="psks-name">
            <input id="psks-name" name="name" />
          </Labelled>
          <Labelled label="Narahubung" for="psks-contact">
            <input id="psks-contact" name="contactName" />
          </Labelled>
          <Labelled label="Telepon narahubung (bila ada)" for="psks-phone">
            <input id="psks-phone" name="contactPhone" inputmode="tel" />
          </Labelled>
          <Show when={tree()}>
            {(kab) => (
              <Labelled label="Wilayah" for="psks-region">
                <select id="psks-region" name="regionCode">
                  <option value="">{kab().name}</option>
                  <For each={kab().kecamatan}>
                    {(k) => (
                      <optgroup label={`Kec. ${k.name}`}>
                        <option value={k.code}>Kec. {k.name} (tingkat kecamatan)</option>
                        <For each={k.desa}>{(d) => <option value={d.code}>{d.name}</option>}</For>
                      </optgroup>
                    )}
                  </For>
                </select>
              </Labelled>
            )}
          </Show>
          <button type="submit">Tambah PSKS</button>
        </form>
        <EditAnswer edits={adding} />
      </Show>
    </section>
  );
}
