import { defineWorkflow } from "../workflow/index.ts";

/** Proposal states of DESIGN §3 (usulan F1 → verval → musdes → export). */
export const PROPOSAL_STATES = [
  "diusulkan",
  "dijadwalkan",
  "layak",
  "tidak-layak",
  "ditetapkan-musdes",
  "diekspor",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  diusulkan: "Diusulkan",
  dijadwalkan: "Dijadwalkan verval",
  layak: "Layak",
  "tidak-layak": "Tidak layak",
  "ditetapkan-musdes": "Ditetapkan musdes",
  diekspor: "Diekspor",
};

export interface ProposalSubject {
  state: ProposalState;
  desaCode: string;
  version: number;
}

/**
 * A proposal is made from its complaint (the complaint's `propose` action). Verification, the
 * Musyawarah Desa and the export are the survey team's and the desa's actions, declared here as
 * they are built; until then a proposal waits in `diusulkan`.
 */
export const PROPOSAL_WORKFLOW = defineWorkflow({
  entity: "proposal",
  label: "Usulan",
  states: PROPOSAL_STATES,
  stateLabels: PROPOSAL_STATE_LABELS,
  region: (p: ProposalSubject) => p.desaCode,
  actions: {},
});
export type ProposalAction = keyof typeof PROPOSAL_WORKFLOW.actions & string;
export const PROPOSAL_ACTIONS = Object.keys(PROPOSAL_WORKFLOW.actions) as ProposalAction[];
