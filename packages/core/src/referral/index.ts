export * from "./schema.ts";
export { create } from "./create.ts";
export { get, getWithTimeline, inbox, served, timeline } from "./inbox.ts";
export { letter } from "./letter.ts";
export {
  accept,
  approve,
  complete,
  decline,
  forward,
  reject,
  resubmit,
  returnToDesa,
  returnToSupervisor,
} from "./transitions.ts";
