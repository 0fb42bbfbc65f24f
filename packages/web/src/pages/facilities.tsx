import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import {
  AddFacilitySchema,
  FACILITY_KINDS,
  UpdateFacilitySchema,
  type Facility,
} from "@puskesos/core/facility/schema";
import { Alert, Field, focusFirstInvalid, type Errors } from "../components/form.tsx";
import { createEdits, EditAnswer } from "../components/edits.tsx";
import { ListTable } from "../components/list-table.tsx";
import { api, call } from "../lib/api.ts";
import { checked } from "../lib/checked.ts";
import { can } from "../lib/session.ts";
import { formatDay } from "../lib/time.ts";
import "../later.css";

const kindName = (code: string) => FACILITY_KINDS.find(([c]) => c === code)?.[1] ?? code;

/** What the add and change forms ask for, as the schemas take it (an empty number is refused by name). */
function facilityFields(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? "").trim();
  // A number field holding what is not a number ("2e") reads as empty in the form's data: it is sent
  // as text, so the refusal says it must be a number rather than that it is missing.
  const number = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | null)?.validity.badInput
      ? value(name) || "bukan angka"
      : value(name) === ""
        ? Number.NaN
        : Number(value(name));
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

/** A facility's fields, empty for a new one or as they are for a change, each with its refusal under it. */
function FacilityFields(props: { initial?: Facility; idPrefix: string; errors: Errors }) {
  const f = props.initial;
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const number = (
    name: "capacityL" | "capacityP" | "longStayDays",
    label: string,
    value: unknown,
    min: string,
  ) => (
    <Field label={label} name={id(name)} error={props.errors[name]}>
      <input
        id={id(name)}
        name={name}
        type="number"
        min={min}
        inputmode="numeric"
        value={String(value ?? "")}
      />
    </Field>
  );
  return (
    <>
      <Field label="Nama fasilitas" name={id("name")} error={props.errors.name}>
        <input id={id("name")} name="name" value={f?.name ?? ""} />
      </Field>
      <Field label="Jenis fasilitas" name={id("kind")} error={props.errors.kind}>
        <select id={id("kind")} name="kind">
          <option value="">— pilih —</option>
          <For each={FACILITY_KINDS}>
            {([code, name]) => (
              <option value={code} selected={code === f?.kind}>
                {name}
              </option>
            )}
          </For>
        </select>
      </Field>
      {number("capacityL", "Kapasitas laki-laki", f?.capacityL, "0")}
      {number("capacityP", "Kapasitas perempuan", f?.capacityP, "0")}
      {number("longStayDays", "Batas lama tinggal (hari)", f?.longStayDays ?? 30, "1")}
      <Field label="Alamat (bila ada)" name={id("address")} error={props.errors.address}>
        <input id={id("address")} name="address" value={f?.address ?? ""} />
      </Field>
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
  // Three places a change is made, each answering where it was made: on a phone the add form is a
  // screen away from the list.
  const listEdits = createEdits(() => refetch());
  const editEdits = createEdits(() => refetch());
  const addEdits = createEdits(() => refetch());
  const [addRound, setAddRound] = createSignal(1);
  const nameOf = (code: string) => list()?.find((f) => f.code === code)?.name ?? code;

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const { code, fields } = facilityFields(form);
    void addEdits
      .run(async () => {
        const added = await call(
          api.facilities.$post({ json: checked(AddFacilitySchema, { code, ...fields }) }),
        );
        form.reset();
        setAddRound((n) => n + 1);
        return `${added.name} ditambahkan.`;
      })
      .then(() => Object.keys(addEdits.fields()).length && focusFirstInvalid(form));
  };

  const put = (
    edits: ReturnType<typeof createEdits>,
    f: Facility,
    changes: Record<string, unknown>,
    done: string,
  ) =>
    edits.run(async () => {
      const { code, occupiedL: _l, occupiedP: _p, ...rest } = f;
      const json = checked(UpdateFacilitySchema, { ...rest, ...changes });
      await call(api.facilities[":code"].$put({ param: { code }, json }));
      return done;
    });
  const toggle = (f: Facility) =>
    void put(
      listEdits,
      f,
      { active: !f.active },
      `${f.name} ${f.active ? "ditandai tidak aktif" : "aktif lagi"}.`,
    );

  // The facility whose beds, name or limit are being changed (one at a time, under the list).
  const [editing, setEditing] = createSignal<Facility>();
  const change = (event: SubmitEvent) => {
    event.preventDefault();
    const f = editing();
    if (!f) return;
    const form = event.currentTarget as HTMLFormElement;
    const { fields } = facilityFields(form);
    void put(
      editEdits,
      f,
      { ...fields, address: fields.address ?? "" },
      `${fields.name || f.name} diubah.`,
    ).then(() => {
      if (editEdits.message()?.kind === "success") setEditing(undefined);
      else focusFirstInvalid(form);
    });
  };

  return (
    <section class="card">
      {/* Only for who may open the cases (an admin manages facilities without reading cases). */}
      <Show when={can("case.read") || can("case.open")}>
        <p>
          <A href="/kasus">← Kasus</A>
        </p>
      </Show>
      <h1>Fasilitas</h1>
      <p class="muted">Rumah singgah / Rumah Perlindungan Sosial, panti, UPT provinsi, dan balai Kemensos.</p>
      <Show when={listEdits.message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <Show when={!editing() && editEdits.message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
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
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    // A new form starts without the last one's refusal.
                    editEdits.clear();
                    setEditing(f);
                  }}
                >
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
            <EditAnswer
              edits={{
                message: () => (editEdits.message()?.kind === "error" ? editEdits.message() : undefined),
                fields: editEdits.fields,
              }}
              fieldsShown
            />
            <FacilityFields initial={f} idPrefix="facility-edit" errors={editEdits.fields()} />
            <div class="buttons">
              <button type="submit">Simpan perubahan</button>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  editEdits.clear();
                  setEditing(undefined);
                }}
              >
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
                <Show when={s.caseId && can("case.read")} fallback={s.clientName}>
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
          <EditAnswer edits={addEdits} fieldsShown />
          <Field
            label="Kode (huruf kecil, mis. rps-slawi)"
            name="facility-code"
            error={addEdits.fields().code}
          >
            <input id="facility-code" name="code" />
          </Field>
          {/* Drawn again after each facility added: its fields start over from their defaults. */}
          <Show when={addRound()} keyed>
            {(_round) => <FacilityFields idPrefix="facility" errors={addEdits.fields()} />}
          </Show>
          <button type="submit">Tambah fasilitas</button>
        </form>
      </Show>
    </section>
  );
}
