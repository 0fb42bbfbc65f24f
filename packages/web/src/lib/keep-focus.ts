import { focusHeading } from "../components/layout.tsx";

/**
 * A button disabled while its request runs (`disabled={busy()}`) drops the keyboard focus to <body>, and
 * the next Tab starts again at the top of the page. This gives it back: to the button once it is enabled
 * again, or to the page's heading when the answer redrew the page without it. Whatever else took the
 * focus meanwhile (a refused field, a dialog) keeps it.
 */
export function keepFocusThroughBusy() {
  const hold = (button: Element | null | undefined) => {
    if (!(button instanceof HTMLButtonElement)) return;
    const started = Date.now();
    const look = () => {
      const active = document.activeElement;
      const waited = Date.now() - started;
      // Still on the button: wait a moment for it to be disabled, no longer.
      if (active === button) return void (waited < 2000 && setTimeout(look, 50));
      // A question asked first (lib/ask.ts) holds the focus until it is answered.
      if (active?.closest("dialog")) return void (waited < 60_000 && setTimeout(look, 50));
      if (active && active !== document.body) return;
      if (!button.isConnected) {
        const main = document.querySelector("main");
        return void (main && focusHeading(main));
      }
      // Without scrolling: the answer may have brought its confirmation into view above the button.
      if (!button.disabled) return button.focus({ preventScroll: true });
      if (waited < 60_000) setTimeout(look, 50);
    };
    setTimeout(look, 50);
  };
  document.addEventListener("submit", (event) => hold(event.submitter), true);
  document.addEventListener("click", (event) => hold((event.target as Element).closest?.("button")), true);
}
