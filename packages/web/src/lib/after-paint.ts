import { keepFocusThroughBusy } from "./keep-focus.ts";
import { keepPageTitle } from "./page-title.ts";

/** What the app keeps up on every page but does not need for the first paint: loaded beside it. */
export function afterPaint() {
  keepFocusThroughBusy();
  keepPageTitle();
}
