import { createResource, createSignal, For, Index, Show } from "solid-js";
import {
  CONDITIONS,
  INTERVENTION_KINDS,
  PROGRESS,
  SEX_LABELS,
  TERMINATION_REASONS,
  type CaseAction,
  type CaseView,
} from "@puskesos/core/casework/schema";
import { api, call } from "../lib/api.ts";
import { Labelled } from "./form.tsx";
import { KabupatenField } from "./kabupaten-field.tsx";
import { defaultDay, today } from "../lib/time.ts";
import "./casework.css";

/**
 * The fields each case action asks for, named so that `bodyOf` can build the action's body from the
 * form; which actions appear comes from the case's `actions`.
 */

const Note = (props: { name: string; label: string; rows?: number; value?: string | undefined }) => (
  <label class="field">
    <span class="label">{props.label}</span>
    <textarea name={props.name} rows={props.rows ?? 2} value={props.value ?? ""} />
  </label>
);
const Day = (props: { name: string; label: string; value?: string; min?: string }) => (
  <label class="field">
    <span class="label">{props.label}</span>
    <input type="date" name={props.name} value={props.value ?? defaultDay()} min={props.min} />
  </label>
);
// A select is labelled from outside (`for`), so its options do not become part of its name.
const Pick = (props: {
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  value?: string | undefined;
  onChange?: (value: string) => void;
}) => (
  <Labelled label={props.label} for={`case-${props.name}`}>
    <select
      id={`case-${props.name}`}
      name={props.name}
      onChange={(e) => props.onChange?.(e.currentTarget.value)}
    >
      <option value="">— pilih —</option>
      <For each={props.options}>
        {([code, name]) => (
          <option value={code} selected={code === props.value}>
            {name}
          </option>
        )}
      </For>
    </select>
  </Labelled>
);

/** PSKS of the registry serving the client's region (its desa, kecamatan or the kabupaten), ticked by id. */
function PsksPicker(props: { region: string }) {
  const serves = (code: string) => props.region === code || props.region.startsWith(`${code}.`);
  const [entries] = createResource(async () =>
    (await call(api.psks.$get({ query: {} }))).filter((e) => e.active && serves(e.regionCode)),
  );
  return (
    <Show when={entries()?.length}>
      <fieldset>
        <legend>PSKS yang terlibat (bila ada)</legend>
        <For each={entries()}>
          {(e) => (
            <label class="check">
              <input type="checkbox" name="psksIds" value={e.id} /> {e.name} ({e.contactName})
            </label>
          )}
        </For>
      </fieldset>
    </Show>
  );
}

/** Goals with their strategy and dated steps, as many as the worker adds. */
function PlanFields() {
  const [goals, setGoals] = createSignal<number[]>([1]);
  const addStep = (g: number) => setGoals(goals().map((n, i) => (i === g ? n + 1 : n)));
  return (
    <>
      <Index each={goals()}>
        {(steps, g) => (
          <fieldset class="goal" data-testid={`goal-${g}`}>
            <legend>Tujuan {g + 1}</legend>
            <label class="field">
              <span class="label">Tujuan</span>
              <input name={`goals.${g}.goal`} />
            </label>
            <Note name={`goals.${g}.strategy`} label="Strategi" />
            <For each={Array.from({ length: steps() }, (_, s) => s)}>
              {(s) => (
                <div class="step-row">
                  <label class="field">
                    <span class="label">Langkah {s + 1}</span>
                    <input name={`goals.${g}.steps.${s}.step`} />
                  </label>
                  <Day name={`goals.${g}.steps.${s}.targetDate`} label="Tanggal target" min={today()} />
                </div>
              )}
            </For>
            <button type="button" class="link" onClick={() => addStep(g)}>
              + Tambah langkah
            </button>
          </fieldset>
        )}
      </Index>
      <button type="button" class="secondary" onClick={() => setGoals([...goals(), 1])}>
        + Tambah tujuan
      </button>
      <Note name="notes" label="Catatan rencana (bila ada)" />
    </>
  );
}

function Facilities(props: { sex: string }) {
  const [list] = createResource(async () => (await call(api.facilities.$get())).filter((f) => f.active));
  const free = (f: { capacityL: number; capacityP: number; occupiedL: number; occupiedP: number }) =>
    props.sex === "P" ? f.capacityP - f.occupiedP : f.capacityL - f.occupiedL;
  return (
    <Labelled label="Fasilitas" for="case-facility">
      <select id="case-facility" name="facility">
        <option value="">— pilih fasilitas —</option>
        <For each={list()}>
          {(f) => (
            <option value={f.code} disabled={free(f) <= 0}>
              {f.name}: {free(f)} tempat {SEX_LABELS[props.sex as "L" | "P"].toLowerCase()} kosong
            </option>
          )}
        </For>
      </select>
    </Labelled>
  );
}

export function CaseFields(props: {
  action: CaseAction;
  view: CaseView;
  previous?: Record<string, unknown> | undefined;
}) {
  const was = (name: string) => {
    const value = props.previous?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const [goal, setGoal] = createSignal("");
  const goals = () => props.view.plan?.goals ?? [];
  const openSteps = () =>
    goals().flatMap((g) => g.steps.filter((s) => !s.doneOn).map((s) => ({ ...s, goal: g })));
  switch (props.action) {
    case "assess":
      return (
        <>
          <Note name="problems" label="Masalah" rows={3} />
          <Note name="needs" label="Kebutuhan" rows={3} />
          <Note name="strengths" label="Kekuatan klien (bila ada)" />
          <Note name="family" label="Keluarga dan sumber bantuan lain (bila ada)" />
          <fieldset>
            <legend>Kondisi klien</legend>
            <For each={CONDITIONS}>
              {([code, name]) => (
                <label class="check">
                  <input type="checkbox" name="conditions" value={code} /> {name}
                </label>
              )}
            </For>
          </fieldset>
          <PsksPicker region={props.view.regionCode} />
          <Note name="notes" label="Catatan asesmen (bila ada)" rows={3} />
        </>
      );
    case "submit-plan":
      return <PlanFields />;
    case "approve-plan":
    case "approve-termination":
      return <Note name="note" label="Catatan (bila ada)" />;
    case "return-plan":
    case "return-termination":
      return <Note name="note" label="Yang perlu diperbaiki" />;
    case "intervene":
      return (
        <>
          <Day name="date" label="Tanggal intervensi" />
          <Pick name="kind" label="Jenis intervensi" options={INTERVENTION_KINDS} />
          <Pick
            name="goalId"
            label="Untuk tujuan"
            options={goals().map((g) => [g.id, g.goal] as const)}
            onChange={setGoal}
          />
          <Pick
            name="completesStep"
            label="Menyelesaikan langkah (bila ada)"
            options={openSteps()
              .filter((s) => s.goal.id === goal())
              .map((s) => [s.id, s.step] as const)}
          />
          <Note name="description" label="Uraian intervensi" rows={3} />
          <PsksPicker region={props.view.regionCode} />
        </>
      );
    case "evaluate":
      return (
        <>
          <Day name="date" label="Tanggal evaluasi" />
          <For each={goals()}>
            {(g, i) => (
              <fieldset class="goal">
                <legend>{g.goal}</legend>
                <input type="hidden" name={`goals.${i()}.goalId`} value={g.id} />
                <Pick name={`goals.${i()}.progress`} label="Kemajuan" options={PROGRESS} />
                <Note name={`goals.${i()}.note`} label="Catatan kemajuan (bila ada)" />
              </fieldset>
            )}
          </For>
          <Show when={openSteps().length}>
            <fieldset class="goal">
              <legend>Sesuaikan tanggal target (bila perlu)</legend>
              <For each={openSteps()}>
                {(s) => (
                  <label class="field">
                    <span class="label">{s.step}</span>
                    <input
                      type="date"
                      name={`target.${s.id}`}
                      value={s.targetDate}
                      data-current={s.targetDate}
                    />
                  </label>
                )}
              </For>
            </fieldset>
          </Show>
          <Note name="notes" label="Catatan evaluasi (bila ada)" />
        </>
      );
    case "submit-termination":
      return (
        <>
          <Day name="date" label="Tanggal terminasi" value={was("date")} />
          <Pick name="reason" label="Alasan terminasi" options={TERMINATION_REASONS} value={was("reason")} />
          <label class="field">
            <span class="label">Keberadaan klien setelah terminasi</span>
            <input name="destination" value={was("destination") ?? ""} />
          </label>
          <Note name="notes" label="Catatan terminasi (bila ada)" value={was("notes")} />
        </>
      );
    case "admit":
      return (
        <>
          <Facilities sex={props.view.client.sex} />
          <Day name="admittedOn" label="Tanggal masuk" />
          <Note name="note" label="Catatan penempatan (bila ada)" />
        </>
      );
    case "discharge":
      return (
        <>
          <For each={props.view.stays.filter((s) => !s.dischargedOn)}>
            {(s) => <input type="hidden" name="stayId" value={s.id} />}
          </For>
          <Day name="dischargedOn" label="Tanggal keluar" />
          <Note name="note" label="Catatan (bila ada)" />
        </>
      );
    case "hand-over":
      return (
        <>
          <KabupatenField name="toKabupatenCode" label="Kabupaten/kota tujuan (nama atau kode Kemendagri)" />
          <label class="field">
            <span class="label">Penerima (Dinas Sosial tujuan)</span>
            <input name="receiver" />
          </label>
          <Note name="reason" label="Alasan serah terima" />
        </>
      );
  }
}

/** Sets `value` at a dotted path ("goals.0.steps.1.step"), making arrays for number segments. */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split(".");
  let at: Record<string, unknown> = target;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      at[part] = value;
      return;
    }
    at[part] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {};
    at = at[part] as Record<string, unknown>;
  });
}

const NUMBERED = ["goals"];
const LISTS = ["conditions", "psksIds"];

/** The action's body from its form: trimmed values, empty ones left out, lists and goals as the schema wants. */
export function bodyOf(form: HTMLFormElement, view: CaseView): Record<string, unknown> {
  const data = new FormData(form);
  const body: Record<string, unknown> = { version: view.version };
  const changes: { stepId: string; targetDate: string }[] = [];
  for (const [name, raw] of data.entries()) {
    const value = String(raw).trim();
    if (!value) continue;
    if (LISTS.includes(name)) (body[name] as string[] | undefined)?.push(value) ?? (body[name] = [value]);
    else if (name.startsWith("target.")) {
      const input = form.elements.namedItem(name) as HTMLInputElement | null;
      if (input?.dataset.current !== value) changes.push({ stepId: name.slice(7), targetDate: value });
    } else if (NUMBERED.some((n) => name.startsWith(`${n}.`))) setPath(body, name, value);
    else body[name] = value;
  }
  if (changes.length) body.targetChanges = changes;
  return body;
}
