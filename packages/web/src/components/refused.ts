import type { Errors } from "./form.tsx";

/**
 * For a form whose refusal is said in one alert (`alertId`): each control the server named is marked
 * wrong and tied to that alert, the marks of the last refusal go, and the first control named is
 * returned (to take the focus; none when no control carries a named field).
 */
export function markRefused(form: HTMLFormElement, fields: Errors, alertId: string): HTMLElement | undefined {
  // A control's own description (a hint under it) is kept in data-refused and comes back after.
  for (const control of form.querySelectorAll<HTMLElement>("[data-refused]")) {
    control.removeAttribute("aria-invalid");
    const own = control.dataset.refused;
    if (own) control.setAttribute("aria-describedby", own);
    else control.removeAttribute("aria-describedby");
    delete control.dataset.refused;
  }
  let first: HTMLElement | undefined;
  for (const name of Object.keys(fields)) {
    const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (!control || control.getAttribute("type") === "hidden") continue;
    const own = control.getAttribute("aria-describedby") ?? "";
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", `${alertId} ${own}`.trim());
    control.dataset.refused = own;
    first ??= control;
  }
  return first;
}
