/**
 * Asks before an action that cannot be taken back, in the page and in the app's words: the button says
 * what happens ("Nonaktifkan", "Tetap keluar"), not the browser's "OK", and a browser told to stop a
 * page's dialogs cannot silently answer "no" for the officer. Cancel has the focus, so an Enter pressed
 * too soon does nothing; Escape cancels; the focus goes back where it was.
 */
export function ask(question: string, yes: string, no = "Batal"): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = document.createElement("dialog");
    dialog.className = "ask";
    dialog.setAttribute("aria-labelledby", "ask-question");
    dialog.style.cssText = "max-width:min(32rem,calc(100vw - 2rem));border-radius:8px;padding:1rem 1.25rem";
    const text = document.createElement("p");
    text.id = "ask-question";
    text.style.whiteSpace = "pre-line";
    text.textContent = question;
    const row = document.createElement("p");
    row.style.cssText = "display:flex;flex-wrap:wrap;gap:0.5rem;justify-content:flex-end;margin:0";
    const button = (label: string, answer: boolean, kind: string) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = kind;
      b.textContent = label;
      b.addEventListener("click", () => {
        dialog.returnValue = answer ? "ya" : "";
        dialog.close();
      });
      return b;
    };
    const cancel = button(no, false, "secondary");
    row.append(cancel, button(yes, true, "danger"));
    dialog.append(text, row);
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "ya");
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
