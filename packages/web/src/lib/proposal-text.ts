import { ROLE_NOUNS } from "@puskesos/core/actor/schema";
import {
  ASSETS,
  HOUSE_CONDITIONS,
  INCOME_SOURCES,
  PROPOSAL_ENDED,
  PROPOSAL_WORKFLOW,
  RELATIONSHIPS,
  type ProposalView,
} from "@puskesos/core/proposal/schema";
import { formatDate, formatDay } from "./time.ts";

/** The F1 vocabularies' labels for a stored code (the code itself for one no longer offered). */
const labelIn = (vocabulary: Record<string, string>) => (code: string) => vocabulary[code] ?? code;
export const relationshipLabel = labelIn(RELATIONSHIPS);
export const houseLabel = labelIn(HOUSE_CONDITIONS);
export const incomeLabel = labelIn(INCOME_SOURCES);
export const assetLabel = labelIn(ASSETS);

/** A verval's result as people read it. */
export const RESULT_LABELS = { layak: "Layak", "tidak-layak": "Tidak layak" } as const;

/** The head of the household as lists name it: the kepala keluarga, else the first member. */
export const headOf = (p: Pick<ProposalView, "members">) =>
  p.members.find((m) => m.relationship === "kepala-keluarga") ?? p.members[0];

/** "RT 003 / RW 001, Dusun Krajan". */
export const addressOf = (a: ProposalView["address"]) =>
  `RT ${a.rt} / RW ${a.rw}${a.dusun ? `, Dusun ${a.dusun}` : ""}`;

/**
 * What comes next for a proposal, read from its workflow's declaration: the step that moves it on from
 * its state and who takes it ("Catat hasil verval (tim survei), kunjungan 3 Des 2026"); after the export,
 * the DPM import that closes the loop.
 */
export function nextStep(p: ProposalView): string {
  const steps = Object.values(PROPOSAL_WORKFLOW.actions).filter((a) =>
    (a.from as readonly string[]).includes(p.state),
  );
  const step = steps.at(-1);
  if (step) {
    const who = step.roles.map((r) => ROLE_NOUNS[r]).join(" atau ");
    const visit =
      p.schedule && step === PROPOSAL_WORKFLOW.actions.verify
        ? `, kunjungan ${formatDay(p.schedule.visitDate, "medium")}`
        : "";
    return `${step.label} (${who})${visit}`;
  }
  if (p.inDpm) return `Masuk DPM ${formatDate(p.inDpm.importedAt, "medium")}`;
  if (PROPOSAL_ENDED.includes(p.state)) return "Tidak ada: usulan berakhir";
  return "Menunggu impor DPM berikutnya";
}
