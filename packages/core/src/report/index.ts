export * from "./schema.ts";
export * from "./workflow.ts";
export { get as monthly, submit, submittedIndex, submittedSort } from "./monthly.ts";
export { get as dashboard } from "./dashboard.ts";
export { dashboardFile, monthlyFile } from "./files.ts";
export { figuresOf, median, sum } from "./figures.ts";
export {
  countsOfComplaint,
  countsOfProposal,
  countsOfReferral,
  countsOfTicket,
  GROUPS,
  groupOf,
  statsKey,
  type Counts,
} from "./tally.ts";
