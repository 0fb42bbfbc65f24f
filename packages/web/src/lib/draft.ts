/**
 * Keeps what is typed into a form on this device until it is saved, so closing the tab (or a phone
 * killing it) loses nothing. Restored on the next visit; cleared once the record is in the outbox.
 */
export function keepDraft(form: HTMLFormElement, key: string): { clear(): void } {
  const storageKey = `puskesos.draft.${key}`;
  const saved = localStorage.getItem(storageKey);
  if (saved) {
    const values = JSON.parse(saved) as Record<string, string[]>;
    for (const element of Array.from(form.elements)) {
      const input = element as HTMLInputElement;
      const stored = input.name ? values[input.name] : undefined;
      if (!stored) continue;
      if (input.type === "checkbox" || input.type === "radio") input.checked = stored.includes(input.value);
      else input.value = stored[0] ?? "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
  const save = () => {
    const values: Record<string, string[]> = {};
    for (const [name, value] of new FormData(form).entries()) (values[name] ??= []).push(String(value));
    localStorage.setItem(storageKey, JSON.stringify(values));
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  return { clear: () => localStorage.removeItem(storageKey) };
}
