import type { JSX } from "solid-js";

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
