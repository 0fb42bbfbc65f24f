import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { CATALOGS, PPKS_BY_RUMPUN } from "@puskesos/core/catalog/schema";
import {
  LEGAL_BASES,
  LEGAL_BASIS_LABELS,
  RegisterComplaintSchema,
  type ComplaintView,
} from "@puskesos/core/complaint/schema";
import { DesaSelect } from "../components/desa-select.tsx";
import { Alert, createForm, ErrorList, Field } from "../components/form.tsx";
import { IdInput } from "../components/nik-input.tsx";
import { Receipt } from "../components/receipt.tsx";
import { api, call } from "../lib/api.ts";
import { keepDraft } from "../lib/draft.ts";
import * as Outbox from "../lib/outbox.ts";
import { OutboxList } from "../components/outbox-list.tsx";
import { me } from "../lib/session.ts";
import ProposalForm from "./proposal-form.tsx";

type DpmResult = Awaited<ReturnType<typeof lookup>>;
const lookup = (desa: string, nik: string) =>
  call(api.dpm[":desa"].nik.$post({ param: { desa }, json: { nik } }));

export default function Intake() {
  const [params] = useSearchParams<{ antrian?: string; sementara?: string }>();
  const [tree] = createResource(() =>
    me()?.scope.level === "kabupaten" ? call(api.regions.$get()) : undefined,
  );
  const [desa, setDesa] = createSignal(me()?.scope.level === "desa" ? me()!.scope.code : "");
  const [dpm, setDpm] = createSignal<DpmResult | { error: string }>();
  const [needsConfirm, setNeedsConfirm] = createSignal(false);
  const [saved, setSaved] = createSignal<ComplaintView>();
  const [offline, setOffline] = createSignal<string>();
  let draft: { clear(): void } | undefined;
  const checkDpm = async () => {
    const nik = (document.getElementById("nik") as HTMLInputElement | null)?.value ?? "";
    setDpm(undefined);
    try {
      setDpm(await lookup(desa(), nik));
    } catch (error) {
      setDpm({ error: (error as Error).message });
    }
  };

  const { errors, message, busy, submit } = createForm({
    schema: RegisterComplaintSchema,
    read: (form) => {
      const optional = (name: string) =>
        String(form.get(name) ?? "").trim() ? String(form.get(name)) : undefined;
      const queue = Number(params.antrian);
      return {
        id: crypto.randomUUID(),
        ...(Number.isInteger(queue) && queue > 0 ? { queueNumber: queue } : {}),
        ...(me()?.scope.level === "kabupaten" ? { desaCode: desa() } : {}),
        reporter: {
          nik: form.get("nik"),
          kk: optional("kk"),
          name: form.get("name"),
          rt: form.get("rt"),
          rw: form.get("rw"),
          dusun: optional("dusun"),
          phone: optional("phone"),
        },
        category: form.get("category"),
        description: form.get("description"),
        ppks: form.getAll("ppks"),
        legalBasis: form.get("legalBasis"),
        consent: form.get("consent") === "on",
        ...(form.get("idConfirmed") === "on" ? { idConfirmed: true } : {}),
      };
    },
    send: async (complaint) => {
      const item = await Outbox.add("complaint", complaint, complaint.reporter.name);
      draft?.clear();
      const outcome = await Outbox.send(item.id);
      if (outcome?.state === "received" && outcome.kind === "complaint" && outcome.result) {
        setSaved(outcome.result);
        return;
      }
      if (outcome?.state === "refused") {
        // Refused at once: the officer fixes the form rather than the outbox.
        await Outbox.remove(item.id);
        const error = Outbox.refusal(outcome);
        // A NIK with an unknown region code: the officer checks it against the card and confirms.
        if (error.fields.length && error.fields.every((f) => f.needsConfirmation)) setNeedsConfirm(true);
        throw error;
      }
      setOffline(item.id);
    },
  });

  return (
    <Show
      when={!offline()}
      fallback={
        <section class="card narrow">
          <h1>Tersimpan di perangkat ini</h1>
          <Alert kind="info">
            <span data-testid="saved-offline">
              Belum tersambung ke server. Pengaduan akan dikirim otomatis saat koneksi kembali; kode pelacakan
              muncul di kotak keluar setelah diterima. Bila pelapor tidak ada di DPM, profil rumah tangganya
              dapat dicatat sekarang.
            </span>
          </Alert>
          <OutboxList />
          <ProposalForm complaintId={offline()!} />
          <p>
            <A href="/pengaduan/baru">Daftarkan pengaduan berikutnya</A>
          </p>
        </section>
      }
    >
      <Show
        when={!saved()}
        fallback={
          <section class="card narrow">
            <h1>Pengaduan tercatat</h1>
            <Show
              when={saved()!.dpm.found}
              fallback={
                <Alert kind="info">
                  Pelapor tidak ada di DPM desa. Catat profil rumah tangganya untuk diusulkan.
                </Alert>
              }
            >
              <Alert kind="success">
                Pelapor ada di DPM{saved()!.dpm.decile ? ` (desil ${saved()!.dpm.decile})` : ""}. Pengaduan
                diteruskan ke back office.
              </Alert>
            </Show>
            <Receipt complaint={saved()!} office={me()?.scopeName ?? ""} />
            <Show when={!saved()!.dpm.found}>
              <ProposalForm complaintId={saved()!.id} />
            </Show>
            <p>
              <A href="/antrian">← Kembali ke antrian</A>
            </p>
          </section>
        }
      >
        <section class="card narrow">
          <h1>Daftarkan pengaduan</h1>
          <Show when={params.antrian}>
            <p class="muted">Nomor antrian {String(params.antrian).padStart(3, "0")}</p>
          </Show>
          <Show when={params.sementara}>
            <p class="muted">Nomor antrian sementara {params.sementara} (diberikan tanpa koneksi)</p>
          </Show>
          <Show when={message()}>
            <Alert>{message()}</Alert>
          </Show>
          <ErrorList errors={errors()} />
          <OutboxList />
          <form
            onSubmit={submit}
            novalidate
            ref={(form) => queueMicrotask(() => (draft = keepDraft(form, "complaint")))}
          >
            <Show when={me()?.scope.level === "kabupaten"}>
              <Field label="Desa pelapor" name="desaCode" error={errors().desaCode}>
                <DesaSelect id="desaCode" tree={tree()} value={desa()} onChange={setDesa} />
              </Field>
            </Show>
            <fieldset>
              <legend>Pelapor</legend>
              <Field label="NIK" name="nik" error={errors()["reporter.nik"]}>
                <IdInput id="nik" name="nik" kind="nik" serverError={errors()["reporter.nik"]} />
              </Field>
              <Show when={needsConfirm()}>
                <label class="check">
                  <input type="checkbox" name="idConfirmed" data-testid="id-confirm" /> Saya sudah mencocokkan
                  NIK/KK dengan KTP atau KK aslinya.
                </label>
              </Show>
              <div class="dpm-check">
                <button
                  type="button"
                  class="secondary"
                  onClick={checkDpm}
                  disabled={!desa()}
                  data-testid="check-dpm"
                >
                  Periksa DPM
                </button>
                <Show when={dpm()}>
                  {(r) => (
                    <span data-testid="dpm-result">
                      {"error" in r()
                        ? (r() as { error: string }).error
                        : !(r() as DpmResult).imported
                          ? "DPM desa ini belum diimpor."
                          : (r() as DpmResult).found[0]
                            ? `Ada di DPM: ${(r() as DpmResult).found[0]!.name}${(r() as DpmResult).found[0]!.decile ? `, desil ${(r() as DpmResult).found[0]!.decile}` : ""}`
                            : "Tidak ada di DPM: setelah disimpan, catat profil rumah tangga untuk diusulkan."}
                    </span>
                  )}
                </Show>
              </div>
              <Field label="No. KK (bila ada)" name="kk" error={errors()["reporter.kk"]}>
                <IdInput id="kk" name="kk" kind="kk" serverError={errors()["reporter.kk"]} />
              </Field>
              <Field label="Nama pelapor" name="name" error={errors()["reporter.name"]}>
                <input id="name" name="name" autocomplete="off" />
              </Field>
              <div class="inline-fields">
                <Field label="RT" name="rt" error={errors()["reporter.rt"]}>
                  <input id="rt" name="rt" inputmode="numeric" maxlength="3" />
                </Field>
                <Field label="RW" name="rw" error={errors()["reporter.rw"]}>
                  <input id="rw" name="rw" inputmode="numeric" maxlength="3" />
                </Field>
              </div>
              <Field label="Dusun (bila ada)" name="dusun" error={errors()["reporter.dusun"]}>
                <input id="dusun" name="dusun" />
              </Field>
              <Field label="Nomor HP (bila ada)" name="phone" error={errors()["reporter.phone"]}>
                <input id="phone" name="phone" inputmode="tel" autocomplete="off" />
              </Field>
            </fieldset>
            <fieldset>
              <legend>Pengaduan</legend>
              <Field label="Kategori" name="category" error={errors().category}>
                <select id="category" name="category">
                  <option value="">— pilih kategori —</option>
                  <For each={CATALOGS.complaintCategories}>
                    {(c) => <option value={c.code}>{c.name}</option>}
                  </For>
                </select>
              </Field>
              <Field label="Uraian pengaduan" name="description" error={errors().description}>
                <textarea id="description" name="description" rows="4" />
              </Field>
              <div class="field" classList={{ invalid: Boolean(errors().ppks) }}>
                <span class="label">Jenis PPKS (bila ada)</span>
                <For each={PPKS_BY_RUMPUN}>
                  {(r) => (
                    <details class="ppks">
                      <summary>{r.name}</summary>
                      <For each={r.types}>
                        {(p) => (
                          <label class="check">
                            <input type="checkbox" name="ppks" value={p.code} /> {p.name}
                          </label>
                        )}
                      </For>
                    </details>
                  )}
                </For>
                <Show when={errors().ppks}>
                  <small class="error">{errors().ppks}</small>
                </Show>
              </div>
            </fieldset>
            <fieldset>
              <legend>Dasar pemrosesan data (UU PDP)</legend>
              <For each={LEGAL_BASES}>
                {(basis, i) => (
                  <label class="check">
                    <input type="radio" name="legalBasis" value={basis} checked={i() === 0} />{" "}
                    {LEGAL_BASIS_LABELS[basis]}
                  </label>
                )}
              </For>
              <label class="check" classList={{ invalid: Boolean(errors().consent) }}>
                <input type="checkbox" name="consent" /> Warga telah diberi tahu dan menyetujui datanya
                diproses untuk layanan ini.
              </label>
              <Show when={errors().consent}>
                <small class="error">{errors().consent}</small>
              </Show>
            </fieldset>
            <button type="submit" disabled={busy()}>
              {busy() ? "Menyimpan…" : "Simpan pengaduan"}
            </button>
          </form>
        </section>
      </Show>
    </Show>
  );
}
