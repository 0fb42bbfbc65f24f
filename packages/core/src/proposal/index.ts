export * from "./schema.ts";
export { create } from "./create.ts";
export { get, list } from "./list.ts";
export { schedule, verify } from "./verval.ts";
export { load, moveWrites, toView, type ProposalRecord } from "./record.ts";
export { decide } from "./decide.ts";
