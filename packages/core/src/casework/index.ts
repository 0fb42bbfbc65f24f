export * from "./schema.ts";
export { open, workers } from "./open.ts";
export { get, list } from "./read.ts";
export {
  assess,
  submitPlan,
  approvePlan,
  returnPlan,
  intervene,
  evaluate,
  submitTermination,
  approveTermination,
  returnTermination,
} from "./stages.ts";
export { admit, discharge } from "./placement.ts";
export { handOver, handoverFile, importFile } from "./handover.ts";
export { trustedSenders, trustSender, untrustSender } from "./trust.ts";
export { read as counts } from "./counts.ts";
