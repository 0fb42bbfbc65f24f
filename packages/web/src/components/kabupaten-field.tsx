import { createEffect, createResource, createSignal, For, onCleanup, onMount } from "solid-js";
import type { KabupatenList } from "@puskesos/core/region";
import { api, call } from "../lib/api.ts";

// Read once per page load: 514 names that change only with a new Kemendagri code list.
let loading: Promise<KabupatenList> | undefined;
const kabupatenList = () =>
  (loading ??= call(api.regions.kabupaten.$get()).catch((error: unknown) => {
    // Without the list the field still takes a typed code; the next field asks again.
    console.warn("daftar kabupaten", error);
    loading = undefined;
    return [];
  }));

/**
 * The name of a kabupaten code, from the list the field offers: undefined for no kabupaten, null when the
 * list could not be read (a weak link), so that nobody takes "not known here" for "no such kabupaten".
 */
export async function kabupatenNamed(code: string): Promise<string | null | undefined> {
  const list = await kabupatenList();
  return list.length ? list.find((k) => k.code === code)?.name : null;
}

/**
 * A name as officers spell it, for matching: "Kab. Tegal", "kabupaten tegal", "KAB TEGAL" and "Tegal Kab."
 * are one; so are "Bau-Bau", "Bau Bau" and "Baubau", "Kt. Jayapura" and "Jayapura Kota", and "Kota Adm.
 * Jakarta Pusat" and "Kota Jakarta Pusat" (Jakarta's official names carry "Administrasi").
 */
const folded = (name: string) => {
  const text = name.toLowerCase().trim();
  const kindAfter = /^(.+?)[\s,]+(kota|kt\.?|kab\.?|kabupaten)$/.exec(text);
  return (kindAfter ? `${kindAfter[2]} ${kindAfter[1]}` : text)
    .replace(/^kab\b\.?/, "kabupaten")
    .replace(/^kt\b\.?/, "kota")
    .replace(/\badm(inistrasi)?\b\.?/g, "")
    .replace(/[^a-z0-9]+/g, "");
};

/**
 * Another kabupaten or kota by its Kemendagri code. Officers know the name, rarely the code: typing
 * either offers the matches, and the line under the field says which kabupaten the code is.
 */
export function KabupatenField(props: { name: string; label: string }) {
  let input!: HTMLInputElement;
  const [all] = createResource(kabupatenList);
  const [typed, setTyped] = createSignal("");
  onMount(() => {
    input.form?.addEventListener("reset", () => setTyped(""));
    // A name typed before the list arrived (a slow link) is resolved when the form is sent. Caught on the
    // document's capture phase, which runs before the form's own submit handler in every browser (on the
    // form itself, older Chrome runs listeners in the order added, and the form's came first).
    const beforeSend = (event: Event) => event.target === input.form && settle();
    document.addEventListener("submit", beforeSend, true);
    onCleanup(() => document.removeEventListener("submit", beforeSend, true));
  });
  const matches = (text: string) => {
    const word = folded(text);
    if (word.length < 3) return [];
    const list = all() ?? [];
    // A whole name is that kabupaten, though it is part of a longer one ("Kota Tangerang" and "Kota
    // Tangerang Selatan").
    const whole = list.filter((k) => folded(k.name) === word);
    return whole.length ? whole : list.filter((k) => folded(k.name).includes(word));
  };
  const said = () => {
    const text = typed().trim();
    const exact = all()?.find((k) => k.code === text);
    if (exact) return exact.name;
    const found = matches(text);
    if (found.length >= 1 && found.length <= 4) {
      const named = found.map((k) => `${k.name} (${k.code})`);
      return `${named.length > 1 ? `${named.slice(0, -1).join(", ")} atau ${named.at(-1)}` : named[0]}: pilih dari daftar.`;
    }
    if (found.length > 4) return `${found.length} kabupaten/kota cocok: ketik lebih lengkap.`;
    if (/^\d{2}\.\d{2}$/.test(text))
      return all()?.length
        ? `Tidak ada kabupaten/kota berkode ${text}.`
        : "Daftar kabupaten belum termuat; kode ini diperiksa saat dikirim.";
    if (/^\d/.test(text)) return "Kode kabupaten/kota berbentuk PP.KK (dua angka, titik, dua angka).";
    if (folded(text).length >= 3 && all()?.length)
      return `Tidak ada kabupaten/kota bernama "${text}". Periksa ejaannya, atau ketik kodenya.`;
    return "Ketik nama atau kode, lalu pilih dari daftar.";
  };
  // A name that fits one kabupaten only is taken as its code when the officer leaves the field.
  const settle = () => {
    const found = matches(input.value);
    if (found.length !== 1 || found[0]!.code === input.value.trim()) return;
    input.value = found[0]!.code;
    setTyped(input.value);
  };
  // The list arriving after the officer moved on: the name left in the field is resolved then.
  createEffect(() => {
    if (all()?.length && document.activeElement !== input) settle();
  });
  return (
    <label class="field">
      <span class="label">{props.label}</span>
      <input
        ref={input}
        name={props.name}
        list={`${props.name}-list`}
        autocomplete="off"
        aria-describedby={`${props.name}-named`}
        onInput={(event) => setTyped(event.currentTarget.value)}
        onChange={settle}
      />
      <datalist id={`${props.name}-list`}>
        <For each={all()}>{(k) => <option value={k.code}>{k.name}</option>}</For>
      </datalist>
      <small id={`${props.name}-named`} class="muted" data-testid={`${props.name}-named`}>
        {said()}
      </small>
    </label>
  );
}
