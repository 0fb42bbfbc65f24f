import { createSignal, For, Index, Match, Show, Switch } from "solid-js";
import { newId } from "../lib/id.ts";
import type * as v from "valibot";
import type { Indicator } from "@puskesos/core/indicator/schema";
import {
  ASSETS,
  HOUSE_CONDITIONS,
  INCOME_SOURCES,
  VerifySchema,
  type ProposalView,
} from "@puskesos/core/proposal/schema";
import { ApiError } from "../lib/api.ts";
import { dayOf, formatDay, defaultDay, today } from "../lib/time.ts";
import { Alert, createForm, ErrorList, Field, type Errors } from "./form.tsx";
import { createFormDraft } from "./form-draft.tsx";
import { MemberFields, Options } from "./member-fields.tsx";
import "../later.css";

export type VerifyInput = v.InferOutput<typeof VerifySchema>;

/** What the form needs of a proposal: the household as proposed and the version the result answers. */
export type Visited = Pick<
  ProposalView,
  "id" | "version" | "members" | "houseCondition" | "incomeSource" | "assets" | "createdAt"
>;

/**
 * The survey team's verval of one household, on the device: the members found (each proposed one
 * kept, corrected or dropped; new ones with their NIK), the F1 variables, the assets, the kabupaten's
 * active indicators, the result with its reason and the visit's date. Checked with the server's own
 * schema (and the indicators' kinds) before it is handed to `send`, so it works without a connection.
 */
export function VerifyForm(props: {
  proposal: Visited;
  indicators: Indicator[];
  send: (result: VerifyInput) => Promise<void>;
  /** Closes the form without saving (shown as a button beside the submit). */
  onCancel?: () => void;
}) {
  const resultId = newId();
  const prefix = `verval-${props.proposal.id.slice(0, 8)}`;
  const [added, setAdded] = createSignal<number[]>([]);
  const [needsConfirm, setNeedsConfirm] = createSignal(false);
  /**
   * The member rows of the last read, in the order the schema and the server number them: their
   * `members.N` messages are kept under the row's own name (`members.m2.name`), so unticking a member
   * after a refusal does not move another row's message onto the wrong row.
   */
  let rows: string[] = [];
  const byRow = (field: string, sent = rows) =>
    field.replace(/^members\.(\d+)\./, (whole, i: string) => {
      const row = sent[Number(i)];
      return row ? `members.${row}.` : whole;
    });
  const rowsOf = (form: FormData) => [
    ...props.proposal.members.flatMap((_, i) => (form.get(`${prefix}-m${i}-keep`) === "on" ? [`m${i}`] : [])),
    ...added().map((row) => `n${row}`),
  ];
  let next = 0;
  const earliest = () => dayOf(props.proposal.createdAt);
  // The surveyor's changes stay on the phone until the result is saved (a reload, a closed tab).
  const draft = createFormDraft({
    // lib/visits.ts draftKey: the visits page finds and drops this draft by it.
    key: `verval:${props.proposal.id}`,
    never: [`${prefix}-idConfirmed`],
    nameField: `${prefix}-m0-name`,
    // New members' rows (`<prefix>-n<k>-…`) come back before their values.
    rows: (fields) => {
      const rows = new Set<number>();
      for (const field of fields) {
        const row = new RegExp(`^${prefix}-n(\\d+)-`).exec(field)?.[1];
        if (row !== undefined) rows.add(Number(row));
      }
      setAdded([...rows].sort((a, b) => a - b));
      next = Math.max(next, ...[...rows].map((r) => r + 1));
    },
    ...(props.onCancel ? { close: props.onCancel } : {}),
  });

  const { errors, message, busy, submit } = createForm({
    schema: VerifySchema,
    read: (form) => {
      rows = rowsOf(form);
      const indicators: Record<string, unknown> = {};
      for (const indicator of props.indicators) {
        const raw = String(form.get(`${prefix}-ind-${indicator.code}`) ?? "").trim();
        if (!raw) continue;
        indicators[indicator.code] =
          indicator.kind === "ya-tidak" ? raw === "ya" : indicator.kind === "angka" ? Number(raw) : raw;
      }
      return {
        version: props.proposal.version,
        resultId,
        result: form.get(`${prefix}-result`) ?? "",
        reason: form.get(`${prefix}-reason`),
        visitDate: form.get(`${prefix}-visitDate`),
        members: rows.map((row) => ({
          ...(row.startsWith("m")
            ? { existing: Number(row.slice(1)) }
            : { nik: String(form.get(`${prefix}-${row}-nik`) ?? "").trim() }),
          name: form.get(`${prefix}-${row}-name`),
          relationship: form.get(`${prefix}-${row}-relationship`),
        })),
        houseCondition: form.get(`${prefix}-houseCondition`),
        incomeSource: form.get(`${prefix}-incomeSource`),
        assets: form.getAll(`${prefix}-assets`),
        indicators,
        ...(form.get(`${prefix}-idConfirmed`) === "on" ? { idConfirmed: true } : {}),
      };
    },
    // Controls are named under the form's prefix; errors by the schema's keys.
    keyOf: (name) => {
      const rest = name.startsWith(`${prefix}-`) ? name.slice(prefix.length + 1) : name;
      const member = /^([mn]\d+)-(.+)$/.exec(rest);
      if (member) return `members.${member[1]}.${member[2]}`;
      return rest.startsWith("ind-") ? `indicators.${rest.slice(4)}` : rest;
    },
    adjust: (errors) => Object.fromEntries(Object.entries(errors).map(([key, m]) => [byRow(key), m])),
    // What the server checks beyond the schema, checked here too: the form is often used offline.
    precheck: (form) => {
      const found: Errors = {};
      const day = String(form.get(`${prefix}-visitDate`) ?? "");
      if (day > today()) found.visitDate = "Tanggal kunjungan tidak boleh di masa depan.";
      else if (day && day < earliest())
        found.visitDate = "Tanggal kunjungan tidak boleh sebelum rumah tangga diusulkan.";
      for (const indicator of props.indicators) {
        const raw = String(form.get(`${prefix}-ind-${indicator.code}`) ?? "").trim();
        const value = Number(raw);
        if (indicator.kind === "angka" && raw && !(Number.isFinite(value) && value >= 0))
          found[`indicators.${indicator.code}`] = `${indicator.label}: isi angka 0 atau lebih.`;
      }
      return Object.keys(found).length ? found : undefined;
    },
    send: async (result) => {
      const sent = rows;
      try {
        await props.send(result);
        draft.clear();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // A new member's NIK with an unknown region code: the surveyor checks it against the card.
        if (error.fields.length && error.fields.every((f) => f.needsConfirmation)) setNeedsConfirm(true);
        throw new ApiError(
          error.status,
          error.message,
          error.fields.map((f) => ({ ...f, field: byRow(f.field, sent) })),
        );
      }
    },
  });
  const memberError = (row: string, field: string) => errors()[`members.${row}.${field}`];

  return (
    <form onSubmit={submit} novalidate class="verify" data-testid="verify-form" ref={draft.start}>
      <draft.Note />
      <Show when={message()}>
        <Alert>{message()}</Alert>
      </Show>
      <ErrorList errors={errors()} />
      <fieldset>
        <legend>Anggota rumah tangga</legend>
        <For each={props.proposal.members}>
          {(member, i) => (
            <div class="member">
              <MemberFields
                name={`${prefix}-m${i()}`}
                error={(field) => memberError(`m${i()}`, field)}
                initial={member}
                nik={
                  <label class="check">
                    <input type="checkbox" name={`${prefix}-m${i()}-keep`} checked /> Masih anggota rumah
                    tangga: {member.name} ({member.nikMasked})
                  </label>
                }
              />
            </div>
          )}
        </For>
        <Index each={added()}>
          {(row, i) => (
            <div class="member">
              <p class="member-title">Anggota baru {i + 1}</p>
              <MemberFields
                name={`${prefix}-n${row()}`}
                error={(field) => memberError(`n${row()}`, field)}
                initial={{ relationship: "anak" }}
              />
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setAdded(added().filter((r) => r !== row()));
                  draft.changed();
                }}
              >
                Hapus anggota baru
              </button>
            </div>
          )}
        </Index>
        <Show when={errors().members}>
          <small class="error" role="alert">
            {errors().members}
          </small>
        </Show>
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setAdded([...added(), next++]);
              draft.changed();
            }}
            disabled={props.proposal.members.length + added().length >= 20}
          >
            Tambah anggota
          </button>
        </p>
        <Show when={needsConfirm()}>
          <label class="check">
            <input type="checkbox" name={`${prefix}-idConfirmed`} /> Saya sudah mencocokkan NIK anggota baru
            dengan KTP atau KK aslinya.
          </label>
        </Show>
      </fieldset>
      <fieldset>
        <legend>Kondisi rumah tangga (F1)</legend>
        <Field label="Kondisi rumah" name={`${prefix}-houseCondition`} error={errors().houseCondition}>
          <select id={`${prefix}-houseCondition`} name={`${prefix}-houseCondition`}>
            <Options of={HOUSE_CONDITIONS} selected={props.proposal.houseCondition} />
          </select>
        </Field>
        <Field label="Sumber penghasilan utama" name={`${prefix}-incomeSource`} error={errors().incomeSource}>
          <select id={`${prefix}-incomeSource`} name={`${prefix}-incomeSource`}>
            <Options of={INCOME_SOURCES} selected={props.proposal.incomeSource} />
          </select>
        </Field>
        <fieldset class="plain">
          <legend>Aset yang dimiliki</legend>
          <For each={Object.entries(ASSETS)}>
            {([code, label]) => (
              <label class="check">
                <input
                  type="checkbox"
                  name={`${prefix}-assets`}
                  value={code}
                  checked={props.proposal.assets.includes(code)}
                />{" "}
                {label}
              </label>
            )}
          </For>
        </fieldset>
      </fieldset>
      <Show when={props.indicators.length}>
        <fieldset>
          <legend>Indikator kabupaten/kota</legend>
          <For each={props.indicators}>
            {(indicator) => (
              <Field
                label={indicator.label}
                name={`${prefix}-ind-${indicator.code}`}
                error={errors()[`indicators.${indicator.code}`]}
              >
                <Switch>
                  <Match when={indicator.kind === "ya-tidak"}>
                    <select id={`${prefix}-ind-${indicator.code}`} name={`${prefix}-ind-${indicator.code}`}>
                      <option value="">— pilih —</option>
                      <option value="ya">Ya</option>
                      <option value="tidak">Tidak</option>
                    </select>
                  </Match>
                  <Match when={indicator.kind === "angka"}>
                    <input
                      id={`${prefix}-ind-${indicator.code}`}
                      name={`${prefix}-ind-${indicator.code}`}
                      type="number"
                      inputmode="numeric"
                      min="0"
                    />
                  </Match>
                  <Match when={indicator.kind === "pilihan"}>
                    <select id={`${prefix}-ind-${indicator.code}`} name={`${prefix}-ind-${indicator.code}`}>
                      <option value="">— pilih —</option>
                      <For each={indicator.options ?? []}>{(o) => <option value={o}>{o}</option>}</For>
                    </select>
                  </Match>
                </Switch>
              </Field>
            )}
          </For>
        </fieldset>
      </Show>
      <fieldset classList={{ invalid: Boolean(errors().result) }}>
        <legend>Hasil verval</legend>
        <For
          each={
            [
              ["layak", "Layak"],
              ["tidak-layak", "Tidak layak"],
            ] as const
          }
        >
          {([value, label]) => (
            <label class="check">
              <input
                type="radio"
                name={`${prefix}-result`}
                value={value}
                aria-invalid={errors().result ? "true" : undefined}
                aria-describedby={errors().result ? `${prefix}-result-error` : undefined}
              />{" "}
              {label}
            </label>
          )}
        </For>
        <Show when={errors().result}>
          <small class="error" id={`${prefix}-result-error`} role="alert">
            {errors().result}
          </small>
        </Show>
        <Field label="Alasan" name={`${prefix}-reason`} error={errors().reason}>
          <textarea id={`${prefix}-reason`} name={`${prefix}-reason`} rows="3" />
        </Field>
        <Field
          label="Tanggal kunjungan"
          name={`${prefix}-visitDate`}
          error={errors().visitDate}
          hint={`Paling awal ${formatDay(earliest(), "medium")}, paling akhir hari ini.`}
        >
          <input
            id={`${prefix}-visitDate`}
            name={`${prefix}-visitDate`}
            type="date"
            value={defaultDay()}
            min={earliest()}
            max={today()}
          />
        </Field>
      </fieldset>
      <div class="buttons">
        <button type="submit" disabled={busy()}>
          {busy() ? "Menyimpan…" : "Simpan hasil verval"}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="secondary" onClick={() => cancel()()}>
              Tutup formulir
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}
