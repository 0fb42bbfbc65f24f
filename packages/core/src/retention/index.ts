export * from "./schema.ts";
export { FINAL_STATES, isFinal } from "./mark.ts";
export { sweep } from "./sweep.ts";
