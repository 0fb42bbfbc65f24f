import type { Errors } from "./form.tsx";

/**
 * For a form whose refusal is said in one alert (`alertId`): each control the server named is marked
 * wrong and described by its own reason, the marks of the last refusal go, and the first control named is
 * returned (to take the focus; none when no control carries a named field). One field named: its reason
 * is the alert. Several: each control gets a hidden line of its own, so a screen reader on a field says
 * that field's reason, not the whole sentence of every field.
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
  for (const reason of form.querySelectorAll("[data-refusal-reason]")) reason.remove();
  const several = Object.keys(fields).length > 1;
  let first: HTMLElement | undefined;
  for (const [name, message] of Object.entries(fields)) {
    const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    if (!control || control.getAttribute("type") === "hidden") continue;
    let describedBy = alertId;
    if (several) {
      const reason = document.createElement("span");
      reason.id = describedBy = `${alertId}-${name.replace(/[^\w-]/g, "-")}`;
      reason.className = "visually-hidden";
      reason.dataset.refusalReason = "";
      reason.textContent = message;
      form.append(reason);
    }
    const own = control.getAttribute("aria-describedby") ?? "";
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", `${describedBy} ${own}`.trim());
    control.dataset.refused = own;
    first ??= control;
  }
  return first;
}

/**
 * Focuses the first control a refusal named with its reason in sight: on a phone the focus alone scrolls
 * the field to the screen's top edge and leaves the alert above it, and with it the reason, out of view.
 * The alert and the field are both shown when they fit on the screen, else the field in its middle.
 */
export function focusRefused(control: HTMLElement | undefined, alertId: string) {
  if (!control) return;
  control.focus({ preventScroll: true });
  const alert = document.getElementById(alertId)?.getBoundingClientRect();
  const field = control.getBoundingClientRect();
  const top = Math.min(alert?.top ?? field.top, field.top);
  if (top >= 0 && field.bottom <= innerHeight) return;
  if (field.bottom - top <= innerHeight - 16) scrollBy(0, top - 8);
  else control.scrollIntoView({ block: "center" });
}
