import type { Errors } from "./form.tsx";

/**
 * For a form whose refusal is said in one alert (`alertId`): each control the server named is marked
 * wrong and tied to that alert, the marks of the last refusal go, and the first control named is
 * returned (to take the focus; none when no control carries a named field).
 */
export function markRefused(form: HTMLFormElement, fields: Errors, alertId: string): HTMLElement | undefined {
  for (const control of form.querySelectorAll<HTMLElement>("[data-refused]")) {
    control.removeAttribute("aria-invalid");
    control.removeAttribute("aria-describedby");
    delete control.dataset.refused;
  }
  let first: HTMLElement | undefined;
  for (const name of Object.keys(fields)) {
    const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (!control || control.getAttribute("type") === "hidden") continue;
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", alertId);
    control.dataset.refused = "";
    first ??= control;
  }
  return first;
}
