import { useConfig } from "../config/index.ts";
import { counter, getItem, type Write } from "../db/index.ts";
import { today } from "../time/index.ts";
import type { CaseState } from "./workflow.ts";

/**
 * The kabupaten's case figures, kept in the same transaction as each move: how many cases are in each
 * state now, and per kabupaten month how many opened, closed and were handed over. The dashboard reads
 * two items, never the cases.
 */
const pk = () => `CASECOUNT#${useConfig().kabupatenCode}`;

export function moved(from: CaseState | undefined, to: CaseState): Write[] {
  if (from === to) return [];
  const month = today().slice(0, 7);
  const add: Record<string, number> = { [to]: 1 };
  if (from) add[from] = -1;
  const event = !from
    ? "opened"
    : to === "ditutup"
      ? "closed"
      : to === "diserahkan"
        ? "handedOver"
        : undefined;
  return [
    counter({ key: { pk: pk(), sk: "STATE" }, set: {}, add }),
    ...(event
      ? [counter({ key: { pk: pk(), sk: `MONTH#${month}` }, set: { month }, add: { [event]: 1 } })]
      : []),
  ];
}

export interface CaseCounts {
  byState: Record<string, number>;
  month: { opened: number; closed: number; handedOver: number };
}

export async function read(month: string): Promise<CaseCounts> {
  const [state, monthly] = await Promise.all([
    getItem<Record<string, unknown>>({ pk: pk(), sk: "STATE" }),
    getItem<Record<string, unknown>>({ pk: pk(), sk: `MONTH#${month}` }),
  ]);
  const numbers = (item: Record<string, unknown> | undefined) =>
    Object.fromEntries(Object.entries(item ?? {}).filter(([, n]) => typeof n === "number")) as Record<
      string,
      number
    >;
  const m = numbers(monthly);
  return {
    byState: numbers(state),
    month: { opened: m.opened ?? 0, closed: m.closed ?? 0, handedOver: m.handedOver ?? 0 },
  };
}
