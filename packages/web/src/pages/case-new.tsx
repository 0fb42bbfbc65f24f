import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { newId } from "../lib/id.ts";
import { createResource, createSignal, For, Show } from "solid-js";
import { CATALOGS } from "@puskesos/core/catalog/schema";
import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  OpenCaseSchema,
  SEX_LABELS,
  SEXES,
} from "@puskesos/core/casework/schema";
import type { OpenCaseLink } from "@puskesos/core/complaint/schema";
import { DesaSelect } from "../components/desa-select.tsx";
import {
  Alert,
  errorsFromApi,
  FieldError,
  focusFirstInvalid,
  Labelled,
  saidByFields,
  sentenceFromApi,
} from "../components/form.tsx";
import { api, ApiError, call } from "../lib/api.ts";
import { createRegionNames } from "../lib/regions.ts";
import { villagesTitle } from "@puskesos/core/region/words";
import { checked } from "../lib/checked.ts";
import { me } from "../lib/session.ts";
import { today } from "../lib/time.ts";

/**
 * Opens a case for a PPKS client: from a complaint or an approved referral (the client is its reporter),
 * or for a person brought in by outreach, Satpol PP or the police, with or without a NIK.
 */
const AGE_FIELDS = new Set(["ppks", "birthDate", "estimatedAge", "nik"]);

export default function CaseNew() {
  const navigate = useNavigate();
  const [params] = useSearchParams<{ pengaduan?: string; rujukan?: string }>();
  const fixed = params.pengaduan ? "pengaduan" : params.rujukan ? "rujukan" : undefined;
  const [source, setSource] = createSignal<string>(fixed ?? "penjangkauan");
  const [desa, setDesa] = createSignal("");
  const [message, setMessage] = createSignal<{ kind: "error" | "success"; text: string }>();
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [confirmNik, setConfirmNik] = createSignal(false);
  const [confirmSame, setConfirmSame] = createSignal(false);
  const [confirmAge, setConfirmAge] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  // One id per case being opened: a resend after a lost answer opens the same case, not a second one.
  let caseId = newId();
  // With their timelines: the answer names the complaint's open case, so the form is not offered
  // for a second one the server would refuse.
  const [complaintPage] = createResource(
    () => params.pengaduan,
    (id) => call(api.complaints[":id"]["with-timeline"].$get({ param: { id } })),
  );
  const [referralPage] = createResource(
    () => params.rujukan,
    (id) => call(api.referrals[":id"]["with-timeline"].$get({ param: { id } })),
  );
  const complaint = () => complaintPage()?.complaint;
  const referral = () => referralPage()?.referral;
  // Opened here for another worker, or already open when the page came.
  const [opened, setOpened] = createSignal<OpenCaseLink>();
  const openCase = () => opened() ?? complaintPage()?.openCase ?? referralPage()?.openCase;
  // Where the case is opened from, and the way back to it.
  const back = () =>
    params.pengaduan
      ? { href: `/pengaduan/${params.pengaduan}`, label: "Pengaduan" }
      : params.rujukan
        ? { href: `/rujukan/${params.rujukan}`, label: "Rujukan" }
        : { href: "/kasus", label: "Kasus" };
  // Neither list is worth the form: when one cannot come, the form stays with what was typed in it.
  const places = createRegionNames(() => !fixed).tree;
  const region = () => complaint()?.desaCode ?? referral()?.desaCode ?? (desa() || me()?.scope.code);
  const [workers, { refetch: refetchWorkers }] = createResource(region, (r) =>
    call(api.cases.workers.$get({ query: { region: r } })),
  );
  const workerList = () => (workers.error ? undefined : workers());
  const reporterName = () => complaint()?.reporter.name ?? referral()?.reporter.name ?? "";

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "").trim();
    const number = (name: string) => (value(name) ? Number(value(name)) : undefined);
    setMessage(undefined);
    setFields({});
    setBusy(true);
    try {
      const json = checked(OpenCaseSchema, {
        id: caseId,
        source: source(),
        ...(params.pengaduan ? { complaintId: params.pengaduan } : {}),
        ...(params.rujukan ? { referralId: params.rujukan } : {}),
        ...(value("worker") ? { worker: value("worker") } : {}),
        ...(data.get("idConfirmed") ? { idConfirmed: true } : {}),
        ...(data.get("sameNameConfirmed") ? { sameNameConfirmed: true } : {}),
        ...(data.get("ppksAgeConfirmed") ? { ppksAgeConfirmed: true } : {}),
        client: Object.fromEntries(
          Object.entries({
            name: value("name"),
            nik: value("nik") || undefined,
            identityVerified: data.get("identityVerified") ? true : undefined,
            // Left empty with a NIK at hand, the server reads it from the NIK; without one it asks.
            sex: value("sex") || (fixed || value("nik") ? undefined : ""),
            birthDate: value("birthDate") || undefined,
            estimatedAge: number("estimatedAge"),
            desaCode: desa() || undefined,
            origin: value("origin") || undefined,
            ppks: value("ppks"),
            known: value("known") || undefined,
          }).filter(([, v]) => v !== undefined),
        ),
      });
      const opened = await call(api.cases.$post({ json }));
      caseId = newId();
      setConfirmSame(false);
      setConfirmAge(false);
      // Opened for another worker, the case is theirs to read: the opener is told who has it instead.
      // From a complaint or a referral that was its one case; an outreach form is left for the next person.
      if (opened.readable) navigate(`/kasus/${opened.id}`);
      else if (fixed) setOpened(opened);
      else {
        form.reset();
        setMessage({ kind: "success", text: `Kasus dibuka; ${opened.workerName} menanganinya.` });
      }
    } catch (error) {
      const e = errorsFromApi(error);
      setFields(e.fields);
      // The server asks these to be confirmed rather than changed (an unusual NIK region, a namesake's
      // open case, a PPKS type outside the client's age): each gets its checkbox.
      const toConfirm = error instanceof ApiError ? error.fields.filter((f) => f.needsConfirmation) : [];
      const asks = (field: string) => toConfirm.some((f) => f.field === field);
      if (asks("client.nik")) setConfirmNik(true);
      if (asks("client.name")) setConfirmSame(true);
      if (asks("client.ppks")) setConfirmAge(true);
      if (saidByFields(form, e.fields)) focusFirstInvalid(form);
      else setMessage({ kind: "error", text: sentenceFromApi(error) });
    } finally {
      setBusy(false);
    }
  };

  const err = (name: string) => fields()[name];
  return (
    <section class="card">
      <p>
        {/* Back to where the case was opened from: a back office may open cases without reading them. */}
        <A href={back().href}>← {back().label}</A>
      </p>
      <h1>Buka kasus</h1>
      <Show when={message()}>{(m) => <Alert kind={m().kind}>{m().text}</Alert>}</Show>
      <Show when={complaintPage.loading || referralPage.loading}>
        <p class="muted">Memuat…</p>
      </Show>
      <Show when={fixed && openCase()}>
        {(open) => (
          <Alert kind={opened() ? "success" : "info"}>
            <span data-testid="case-already-open">
              {opened()
                ? "Kasus dibuka"
                : `Kasus untuk ${params.pengaduan ? "pengaduan" : "pengaduan rujukan"} ini sudah dibuka`}
              ; {open().workerName} menanganinya.{" "}
              <Show when={open().readable} fallback={<A href={back().href}>Kembali ke {fixed}</A>}>
                <A href={`/kasus/${open().id}`}>Lihat kasus</A>
              </Show>
            </span>
          </Alert>
        )}
      </Show>
      {/* The schema and the server check every field and say which, in Indonesian; the browser's own
          checks would stop the form in its language without naming the field. */}
      {/* A confirmed age is confirmed for that type and that age: changing either asks again. */}
      <form
        hidden={Boolean(fixed && (complaintPage.loading || referralPage.loading || openCase()))}
        onSubmit={submit}
        onInput={(event) => {
          if (AGE_FIELDS.has((event.target as HTMLInputElement).name)) setConfirmAge(false);
        }}
        novalidate
        data-testid="case-new"
      >
        <Labelled label="Asal kasus" for="case-source">
          <select
            id="case-source"
            value={source()}
            disabled={Boolean(fixed)}
            onChange={(e) => setSource(e.currentTarget.value)}
          >
            <For
              each={CASE_SOURCES.filter((s) => (fixed ? s === fixed : s !== "pengaduan" && s !== "rujukan"))}
            >
              {(s) => <option value={s}>{CASE_SOURCE_LABELS[s]}</option>}
            </For>
          </select>
        </Labelled>
        <Show
          when={fixed}
          fallback={
            <p class="muted">
              Kasus dari pengaduan atau rujukan dibuka dari halamannya:{" "}
              <em>Buka kasus untuk pekerja sosial</em> pada pengaduan, <em>Buka kasus</em> pada rujukan.
            </p>
          }
        >
          <p class="muted">
            Klien: pelapor {fixed === "pengaduan" ? "pengaduan" : "rujukan"} ini; NIK diambil dari
            pengaduannya.
          </p>
        </Show>
        <label class="field">
          <span class="label">Nama klien</span>
          <input name="name" value={reporterName()} aria-invalid={Boolean(err("client.name"))} />
          <FieldError error={err("client.name")} />
        </label>
        <Show when={confirmSame()}>
          <label class="check">
            <input type="checkbox" name="sameNameConfirmed" /> Saya sudah memeriksa: orang ini berbeda dengan
            klien kasus yang terbuka itu
          </label>
        </Show>
        <Show when={!fixed}>
          <label class="field">
            <span class="label">NIK (bila diketahui)</span>
            <input name="nik" inputmode="numeric" maxlength="16" aria-invalid={Boolean(err("client.nik"))} />
            <FieldError error={err("client.nik")} />
          </label>
          <Show when={confirmNik()}>
            <label class="check">
              <input type="checkbox" name="idConfirmed" /> Kode wilayah NIK sudah saya periksa
            </label>
          </Show>
          <label class="check">
            <input type="checkbox" name="identityVerified" /> Identitas sudah diperiksa dengan KTP atau KK
          </label>
        </Show>
        <fieldset>
          <legend>Jenis kelamin</legend>
          <p class="hint">Bila ada NIK, jenis kelamin dan tanggal lahir yang tidak diisi dibaca dari NIK.</p>
          <For each={SEXES}>
            {(s) => (
              <label class="check">
                <input type="radio" name="sex" value={s} aria-invalid={Boolean(err("client.sex"))} />{" "}
                {SEX_LABELS[s]}
              </label>
            )}
          </For>
          <FieldError error={err("client.sex")} />
        </fieldset>
        <div class="filters">
          <label class="field">
            <span class="label">Tanggal lahir (bila diketahui)</span>
            <input type="date" name="birthDate" max={today()} />
            <FieldError error={err("client.birthDate")} />
          </label>
          <label class="field">
            <span class="label">Perkiraan umur (tahun)</span>
            <input
              type="number"
              name="estimatedAge"
              min="0"
              max="120"
              inputmode="numeric"
              aria-invalid={Boolean(err("client.estimatedAge"))}
            />
            <FieldError error={err("client.estimatedAge")} />
          </label>
        </div>
        <Show when={!fixed}>
          <Labelled label={`${villagesTitle(places())} asal di wilayah ini (bila ada)`} for="case-desa">
            <DesaSelect id="case-desa" tree={places()} value={desa()} onChange={setDesa} />
          </Labelled>
          <label class="field">
            <span class="label">Asal atau alamat yang diketahui</span>
            <input name="origin" />
          </label>
        </Show>
        <Labelled label="Jenis PPKS" for="case-ppks">
          <select id="case-ppks" name="ppks" aria-invalid={Boolean(err("client.ppks"))}>
            <option value="">— pilih —</option>
            <For each={CATALOGS.ppks}>
              {(p) => (
                <option value={p.code} selected={p.code === complaint()?.ppks[0]}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
          <FieldError error={err("client.ppks")} />
        </Labelled>
        <Show when={confirmAge()}>
          <label class="check">
            <input type="checkbox" name="ppksAgeConfirmed" /> Sudah saya periksa: jenis PPKS ini memang untuk
            klien ini
          </label>
        </Show>
        <label class="field">
          <span class="label">Keterangan yang diketahui</span>
          <textarea name="known" rows="3" />
        </label>
        <Labelled label="Pekerja sosial penanggung jawab" for="case-worker">
          <select id="case-worker" name="worker" aria-invalid={Boolean(err("worker"))}>
            <option value="">— pilih —</option>
            <For each={workerList()}>
              {(w) => (
                <option value={w.username} selected={w.username === me()?.username}>
                  {w.name} ({w.username}) · {w.scopeName}
                </option>
              )}
            </For>
          </select>
          <FieldError error={err("worker")} />
          <Show when={workers.error}>
            <p class="error" role="alert">
              Daftar pekerja sosial tidak dapat dimuat.{" "}
              <button type="button" class="link" onClick={() => void refetchWorkers()}>
                Coba lagi
              </button>
            </p>
          </Show>
        </Labelled>
        <button type="submit" disabled={busy()}>
          {busy() ? "Membuka…" : "Buka kasus"}
        </button>
      </form>
    </section>
  );
}
