import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import {
  AddFacilitySchema,
  FACILITY_KINDS,
  UpdateFacilitySchema,
  type Facility,
} from "@puskesos/core/facility/schema";
import { Alert, createEdits, Labelled } from "../components/form.tsx";
import { ListTable } from "../components/list-table.tsx";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { can } from "../lib/session.ts";
import { formatDay } from "../lib/time.ts";

const kindName = (code: string) => FACILITY_KINDS.find(([c]) => c === code)?.[1] ?? code;

/**
 * Facilities at a glance (seed 003 §3.1): beds free per facility and sex, who stays now and who has
 * stayed past the facility's limit; the manajer and the admin keep the list.
 */
export default function Facilities() {
  const [list, { refetch }] = createResource(() => call(api.facilities.$get()));
  const [stays] = createResource(() =>
    can("facility.read") ? call(api.facilities.stays.$get()) : undefined,
  );
  const { message, run } = createEdits(() => refetch());
  const nameOf = (code: string) => list()?.find((f) => f.code === code)?.name ?? code;

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    const number = (name: string) => (value(name) === "" ? Number.NaN : Number(value(name)));
    void run(async () => {
      const json = checked(AddFacilitySchema, {
        code: value("code"),
        name: value("name"),
        kind: value("kind"),
        capacityL: number("capacityL"),
        capacityP: number("capacityP"),
        longStayDays: number("longStayDays"),
        ...(value("address") ? { address: value("address") } : {}),
      });
      const added = await call(api.facilities.$post({ json }));
      form.reset();
      return `${added.name} ditambahkan.`;
    });
  };

  const toggle = (f: Facility) =>
    void run(async () => {
      const { code, occupiedL: _l, occupiedP: _p, ...rest } = f;
      const json = checked(UpdateFacilitySchema, { ...rest, active: !f.active });
      await call(api.facilities[":code"].$put({ param: { code }, json }));
      return `${f.name} ${f.active ? "ditandai tidak aktif" : "aktif lagi"}.`;
    });

  return (
    <section class="card">
      <p>
        <A href="/kasus">← Kasus</A>
      </p>
      <h1>Fasilitas</h1>
      <p class="muted">Rumah singgah / Rumah Perlindungan Sosial, panti, UPT provinsi, dan balai Kemensos.</p>
      <Show when={message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <ListTable
        headers={[
          "Fasilitas",
          "Jenis",
          "Kosong laki-laki",
          "Kosong perempuan",
          "Batas lama tinggal",
          "Tindakan",
        ]}
        items={list.latest}
        source={list}
        empty="Belum ada fasilitas tercatat."
        testid="facility-table"
        label="Daftar fasilitas"
      >
        {(f) => (
          <tr classList={{ inactive: !f.active }}>
            <td>
              {f.name}
              {f.active ? "" : " (tidak aktif)"}
            </td>
            <td>{kindName(f.kind)}</td>
            <td>
              {f.capacityL - f.occupiedL} dari {f.capacityL}
            </td>
            <td>
              {f.capacityP - f.occupiedP} dari {f.capacityP}
            </td>
            <td>{f.longStayDays} hari</td>
            <td class="buttons">
              <Show when={can("facility.manage")}>
                <button type="button" class="secondary" onClick={() => toggle(f)}>
                  {f.active ? "Tandai tidak aktif" : "Aktifkan lagi"}
                </button>
              </Show>
            </td>
          </tr>
        )}
      </ListTable>

      <Show when={can("facility.read")}>
        <h2>Klien yang sedang tinggal</h2>
        <ListTable
          headers={["Klien", "Fasilitas", "Masuk", "Lama tinggal"]}
          items={stays.latest}
          source={stays}
          empty="Tidak ada klien yang sedang tinggal."
          testid="stay-table"
          label="Klien yang sedang tinggal"
        >
          {(s) => (
            <tr>
              <td>
                <Show when={s.caseId} fallback={s.clientName}>
                  <A href={`/kasus/${s.caseId}`}>{s.clientName}</A>
                </Show>{" "}
                ({s.sex === "P" ? "P" : "L"})
              </td>
              <td>{nameOf(s.facility)}</td>
              <td>{formatDay(s.admittedOn)}</td>
              <td>
                {s.days} hari
                <Show when={s.long}>
                  {" "}
                  <span class="badge">lewat batas</span>
                </Show>
              </td>
            </tr>
          )}
        </ListTable>
      </Show>

      <Show when={can("facility.manage")}>
        <h2>Tambah fasilitas</h2>
        <form class="filters" onSubmit={add} data-testid="facility-add">
          <label class="field">
            <span class="label">Kode (huruf kecil, mis. rps-slawi)</span>
            <input name="code" />
          </label>
          <label class="field">
            <span class="label">Nama fasilitas</span>
            <input name="name" />
          </label>
          <Labelled label="Jenis fasilitas" for="facility-kind">
            <select id="facility-kind" name="kind">
              <option value="">— pilih —</option>
              <For each={FACILITY_KINDS}>{([code, name]) => <option value={code}>{name}</option>}</For>
            </select>
          </Labelled>
          <label class="field">
            <span class="label">Kapasitas laki-laki</span>
            <input name="capacityL" type="number" min="0" inputmode="numeric" />
          </label>
          <label class="field">
            <span class="label">Kapasitas perempuan</span>
            <input name="capacityP" type="number" min="0" inputmode="numeric" />
          </label>
          <label class="field">
            <span class="label">Batas lama tinggal (hari)</span>
            <input name="longStayDays" type="number" min="1" inputmode="numeric" value="30" />
          </label>
          <label class="field">
            <span class="label">Alamat (bila ada)</span>
            <input name="address" />
          </label>
          <button type="submit">Tambah fasilitas</button>
        </form>
      </Show>
    </section>
  );
}
