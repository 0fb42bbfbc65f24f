import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
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

/** What the add and change forms ask for, as the schemas take it (an empty number is refused by name). */
function facilityFields(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? "").trim();
  const number = (name: string) => (value(name) === "" ? Number.NaN : Number(value(name)));
  return {
    code: value("code"),
    fields: {
      name: value("name"),
      kind: value("kind"),
      capacityL: number("capacityL"),
      capacityP: number("capacityP"),
      longStayDays: number("longStayDays"),
      ...(value("address") ? { address: value("address") } : {}),
    },
  };
}

/** A facility's fields, empty for a new one or as they are for a change. */
function FacilityFields(props: { initial?: Facility; idPrefix: string }) {
  const f = props.initial;
  return (
    <>
      <label class="field">
        <span class="label">Nama fasilitas</span>
        <input name="name" value={f?.name ?? ""} />
      </label>
      <Labelled label="Jenis fasilitas" for={`${props.idPrefix}-kind`}>
        <select id={`${props.idPrefix}-kind`} name="kind">
          <option value="">— pilih —</option>
          <For each={FACILITY_KINDS}>
            {([code, name]) => (
              <option value={code} selected={code === f?.kind}>
                {name}
              </option>
            )}
          </For>
        </select>
      </Labelled>
      <label class="field">
        <span class="label">Kapasitas laki-laki</span>
        <input name="capacityL" type="number" min="0" inputmode="numeric" value={f?.capacityL ?? ""} />
      </label>
      <label class="field">
        <span class="label">Kapasitas perempuan</span>
        <input name="capacityP" type="number" min="0" inputmode="numeric" value={f?.capacityP ?? ""} />
      </label>
      <label class="field">
        <span class="label">Batas lama tinggal (hari)</span>
        <input name="longStayDays" type="number" min="1" inputmode="numeric" value={f?.longStayDays ?? 30} />
      </label>
      <label class="field">
        <span class="label">Alamat (bila ada)</span>
        <input name="address" value={f?.address ?? ""} />
      </label>
    </>
  );
}

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
    const { code, fields } = facilityFields(form);
    void run(async () => {
      const added = await call(
        api.facilities.$post({ json: checked(AddFacilitySchema, { code, ...fields }) }),
      );
      form.reset();
      return `${added.name} ditambahkan.`;
    });
  };

  const put = (f: Facility, changes: Partial<Facility>, done: string) =>
    run(async () => {
      const { code, occupiedL: _l, occupiedP: _p, ...rest } = f;
      const json = checked(UpdateFacilitySchema, { ...rest, ...changes });
      await call(api.facilities[":code"].$put({ param: { code }, json }));
      return done;
    });
  const toggle = (f: Facility) =>
    void put(f, { active: !f.active }, `${f.name} ${f.active ? "ditandai tidak aktif" : "aktif lagi"}.`);

  // The facility whose beds, name or limit are being changed (one at a time, under the list).
  const [editing, setEditing] = createSignal<Facility>();
  const change = (event: SubmitEvent) => {
    event.preventDefault();
    const f = editing();
    if (!f) return;
    const { fields } = facilityFields(event.currentTarget as HTMLFormElement);
    void put(f, { ...fields, address: fields.address ?? "" }, `${fields.name || f.name} diubah.`).then(() => {
      if (message()?.kind === "success") setEditing(undefined);
    });
  };

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
                <button type="button" class="secondary" onClick={() => setEditing(f)}>
                  Ubah
                </button>
                <button type="button" class="secondary" onClick={() => toggle(f)}>
                  {f.active ? "Tandai tidak aktif" : "Aktifkan lagi"}
                </button>
              </Show>
            </td>
          </tr>
        )}
      </ListTable>

      <Show when={editing()} keyed>
        {(f) => (
          <form class="filters" onSubmit={change} novalidate data-testid="facility-edit">
            <h2>Ubah {f.name}</h2>
            <p class="muted">
              Penghuni sekarang: {f.occupiedL} laki-laki, {f.occupiedP} perempuan; kapasitas tidak dapat di
              bawahnya.
            </p>
            <FacilityFields initial={f} idPrefix="facility-edit" />
            <div class="buttons">
              <button type="submit">Simpan perubahan</button>
              <button type="button" class="secondary" onClick={() => setEditing(undefined)}>
                Batal
              </button>
            </div>
          </form>
        )}
      </Show>

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
        <form class="filters" onSubmit={add} novalidate data-testid="facility-add">
          <label class="field">
            <span class="label">Kode (huruf kecil, mis. rps-slawi)</span>
            <input name="code" />
          </label>
          <FacilityFields idPrefix="facility" />
          <button type="submit">Tambah fasilitas</button>
        </form>
      </Show>
    </section>
  );
}
