import { A } from "@solidjs/router";
import { createSignal, onCleanup, onMount, type JSX } from "solid-js";
import { me } from "../lib/session.ts";
import { formatDateTime } from "../lib/time.ts";
import "./letters.css";

/**
 * A slip for a receipt printer (58/80 mm) or A4: only `.print-slip` is printed (styles.css @media
 * print), in a column narrow enough for 58 mm paper and centred on wider sheets.
 */
export function PrintSlip(props: { children: JSX.Element; testid?: string }) {
  return (
    <div class="print-slip" data-testid={props.testid}>
      {props.children}
    </div>
  );
}

export function printNow() {
  window.print();
}

/**
 * While the calling page is open, printing gives its content on A4 (letters.css, body.letter), not a
 * receipt slip; a folded `details.print-open` (a list the paper must carry) is printed unfolded, and
 * folded again after.
 */
export function useA4Print() {
  let opened: HTMLDetailsElement[] = [];
  const unfold = () => {
    opened = Array.from(document.querySelectorAll<HTMLDetailsElement>("details.print-open:not([open])"));
    for (const details of opened) details.open = true;
  };
  const fold = () => {
    for (const details of opened) details.open = false;
    opened = [];
  };
  onMount(() => {
    document.body.classList.add("letter");
    window.addEventListener("beforeprint", unfold);
    window.addEventListener("afterprint", fold);
  });
  onCleanup(() => {
    document.body.classList.remove("letter");
    window.removeEventListener("beforeprint", unfold);
    window.removeEventListener("afterprint", fold);
  });
}

/**
 * A page printed on A4 (a letter, an annex): the way back and _Cetak_ on screen only, and while it is
 * open the print styles for letters (letters.css, body.letter) instead of a receipt slip's.
 */
export function A4Pages(props: {
  /** The page's name for a screen reader (and the focus on arrival); the sheets carry their own titles. */
  title: string;
  back: { href: string; label: string };
  children: JSX.Element;
}) {
  useA4Print();
  return (
    <>
      <h1 class="visually-hidden">{props.title}</h1>
      <p class="no-print">
        <A href={props.back.href}>← {props.back.label}</A> ·{" "}
        <button type="button" class="secondary" onClick={printNow}>
          Cetak
        </button>
      </p>
      {props.children}
    </>
  );
}

/**
 * "Dicetak 5 Des 2026, 14.05 WIB oleh …", on paper only: a printed case file is copied and filed, and
 * whoever reads it later must know how old it is and who printed it. The moment is taken as it prints.
 */
export function PrintedOn() {
  const [at, setAt] = createSignal(new Date().toISOString());
  const stamp = () => setAt(new Date().toISOString());
  onMount(() => window.addEventListener("beforeprint", stamp));
  onCleanup(() => window.removeEventListener("beforeprint", stamp));
  return (
    <p class="printed-on" data-testid="printed-on">
      Dicetak {formatDateTime(at())} oleh {me()?.name}
    </p>
  );
}
