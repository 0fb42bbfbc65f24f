/**
 * Queue numbers given while offline: `S-01`, `S-02`, ... per device and day. They are marked as
 * provisional on the ticket and never sent as queue numbers, so the office's real numbers stay
 * unique and gapless. The day is the kabupaten's, like the office's own numbers.
 */
import { today } from "./time.ts";

const key = () => `puskesos.provisional.${today()}`;

export function provisionalToday(): string[] {
  return JSON.parse(localStorage.getItem(key()) ?? "[]") as string[];
}

export function takeProvisional(): string {
  const taken = provisionalToday();
  const label = `S-${String(taken.length + 1).padStart(2, "0")}`;
  localStorage.setItem(key(), JSON.stringify([...taken, label]));
  return label;
}
